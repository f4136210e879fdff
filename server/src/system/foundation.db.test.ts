import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { verifyAuditChain } from '../audit/verify-audit-chain'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('health and API document', () => {
  it('reports the engine and version without signing in', async () => {
    const response = await t.request({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite',
      version: 'test',
    })
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })

  it('serves an OpenAPI 3 document', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(document.openapi).toMatch(/^3\./)
    expect(Object.keys(document.paths)).toContain('/api/health')
  })

  it('asks an anonymous caller to sign in, even on an unknown route (no route map for strangers)', async () => {
    const response = await t.request({ method: 'GET', url: '/api/nope' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthenticated')
  })
})

describe('audit trail', () => {
  it('chains rows, refuses UPDATE and DELETE, and audit-verify names the first tampered row', async () => {
    for (const action of ['a', 'b', 'c', 'd']) await recordAudit(t.db, systemActor, { action })
    const intact = await verifyAuditChain(t.db)
    expect(intact.firstBrokenSeq).toBeNull()
    expect(intact.rows).toBeGreaterThanOrEqual(4)

    await expect(sql`UPDATE audit_event SET action = 'x' WHERE seq = 2`.execute(t.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM audit_event WHERE seq = 2`.execute(t.db)).rejects.toThrow(/append-only/)

    // Someone with owner rights disables the guard and edits a row: the chain shows where.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(t.db)
    await sql`UPDATE audit_event SET action = 'forged' WHERE seq = 2`.execute(t.db)
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(t.db)
    expect((await verifyAuditChain(t.db)).firstBrokenSeq).toBe(2)
  })
})
