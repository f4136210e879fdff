import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../test/test-database'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Database } from '../db/database'
import { runCliCapturing } from './cli-harness'

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

async function auditRowCount() {
  const row = await database.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

describe('audit-verify', () => {
  it('reports an intact chain with the number of rows checked and exits 0', async () => {
    for (const action of ['first', 'second', 'third']) await recordAudit(database.db, systemActor, { action })
    const result = await runCliCapturing(['audit-verify'], { database })
    expect(result).toMatchObject({ exitCode: 0, error: '' })
    expect(result.out).toContain(`Audit chain OK: ${await auditRowCount()} row(s) checked`)
  })

  it('names the first tampered row and exits 1', async () => {
    // What someone with owner rights could do: switch the guard off and rewrite history.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(database.db)
    const second = await database.db
      .selectFrom('audit_event')
      .select('seq')
      .where('action', '=', 'second')
      .executeTakeFirstOrThrow()
    await sql`UPDATE audit_event SET action = 'forged' WHERE seq = ${second.seq}`.execute(database.db)
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(database.db)

    const result = await runCliCapturing(['audit-verify'], { database })
    expect(result.exitCode).toBe(1)
    expect(result.out).toBe('')
    expect(result.error).toContain(`Audit chain BROKEN at row ${second.seq} (forged by system`)
    expect(result.error).toContain(`${await auditRowCount()} row(s) checked`)
  })
})
