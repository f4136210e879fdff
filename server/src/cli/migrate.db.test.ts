import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { withDatabase } from '../../test/global-setup'
import { openTestDatabase } from '../../test/test-database'
import { type Database, openDatabase } from '../db/database'
import { runCliCapturing } from './cli-harness'

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** A database without any table: in-memory PGlite, or a new empty PostgreSQL database. */
async function openEmptyDatabase(): Promise<Database> {
  const baseUrl = process.env.TEST_ENGINE === 'postgres' ? process.env.TEST_DATABASE_URL : undefined
  if (!baseUrl) {
    const database = await openDatabase({})
    cleanups.push(() => database.close())
    return database
  }
  const name = `threshold_cli_migrate_${process.pid}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
  const database = await openDatabase({ databaseUrl: withDatabase(baseUrl, name) })
  cleanups.push(() => database.close())
  return database
}

describe('migrate', () => {
  // Creating a database from nothing (initdb on PGlite) is slow on a busy machine.
  it('applies every migration to an empty database, lists them, then finds nothing to do', {
    timeout: 120_000,
  }, async () => {
    const database = await openEmptyDatabase()
    const unmigrated = await runCliCapturing(['audit-verify'], { database })
    expect(unmigrated.exitCode).toBe(1)
    expect(unmigrated.error).toContain('no audit trail yet: run `migrate` first')

    const first = await runCliCapturing(['migrate'], { database })
    expect(first.exitCode).toBe(0)
    expect(first.out).toMatch(/Applied \d+ migration\(s\) to /)
    expect(first.out).toContain('  0001_foundation')

    const second = await runCliCapturing(['migrate'], { database })
    expect(second.exitCode).toBe(0)
    expect(second.out).toContain('is up to date: no migrations to apply')
    expect((await runCliCapturing(['audit-verify'], { database })).exitCode).toBe(0)
  })

  it('finds an already migrated database up to date', async () => {
    const database = await openTestDatabase()
    cleanups.push(() => database.close())
    const result = await runCliCapturing(['migrate'], { database })
    expect(result).toMatchObject({ exitCode: 0, error: '' })
    expect(result.out).toContain('is up to date')
  })
})
