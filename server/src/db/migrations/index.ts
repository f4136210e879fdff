import { type Kysely, type Migration, Migrator } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0010 from './0010_clients'

// A static list keeps migrations bundler-safe and ordered by name; add new files here.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0010_clients': m0010,
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
