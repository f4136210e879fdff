import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../src/db/database'
import { withDatabase } from './global-setup'

let counter = 0

/** A fresh, migrated database for one test file: PGlite from the run's dump, or a PostgreSQL clone. */
export async function openTestDatabase(
  options: { poolSize?: number } = {},
): Promise<Database & { url?: string }> {
  const template = inject('postgresTemplate')
  if (template) {
    const base = process.env.TEST_DATABASE_URL!
    const name = `threshold_t_${template.split('_').pop()}_${process.pid}_${++counter}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
    } finally {
      await admin.end()
    }
    const url = withDatabase(base, name)
    const database = await openDatabase({ databaseUrl: url, poolSize: options.poolSize ?? 10 })
    return { ...database, url }
  }
  const dump = fs.readFileSync(inject('pgliteDumpPath'))
  return openDatabase({ loadDataDir: new Blob([dump]) })
}
