import { buildApp } from '../src/app'
import { type Database, openDatabase } from '../src/db/database'
import type { TestApp } from './test-app'

// A second app instance on the test app's database, for the live-update tests: on PostgreSQL it has its own
// connection pool (so NOTIFY really crosses between instances); on PGlite both share the one database.

export interface SecondInstance {
  /** `http://127.0.0.1:<port>` of the second instance. */
  baseUrl: string
  close(): Promise<void>
}

export async function startSecondInstance(t: TestApp): Promise<SecondInstance> {
  const url = (t.database as Database & { url?: string }).url
  const database = url ? await openDatabase({ databaseUrl: url }) : t.database
  const app = await buildApp({ database, config: t.config, clock: t.clock, version: 'test' })
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    baseUrl,
    async close() {
      await app.close()
      if (database !== t.database) await database.close()
    },
  }
}
