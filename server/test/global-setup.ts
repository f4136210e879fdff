import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/database'
import { migrateToLatest } from '../src/db/migrations/index'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string
    postgresTemplate: string
  }
}

/** Migrates once per run: a PGlite dump, or a PostgreSQL template database each test file clones. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_ENGINE === 'postgres') {
    const url = process.env.TEST_DATABASE_URL
    if (!url) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL')
    const template = `threshold_tpl_${process.pid}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${template}`)
    await admin.query(`CREATE DATABASE ${template}`)
    const database = await openDatabase({ databaseUrl: withDatabase(url, template) })
    await migrateToLatest(database.db)
    await database.close()
    project.provide('postgresTemplate', template)
    project.provide('pgliteDumpPath', '')
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'threshold_t_${process.pid}_%'`,
      )
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
      await admin.query(`DROP DATABASE IF EXISTS ${template}`)
      await admin.end()
    }
  }
  const database = await openDatabase({})
  await migrateToLatest(database.db)
  const dump = await database.dump!()
  await database.close()
  const dumpPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-test-')), 'migrated.tar')
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteDumpPath', dumpPath)
  project.provide('postgresTemplate', '')
  return () => fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true })
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
