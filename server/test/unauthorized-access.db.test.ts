import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './test-app'
import { buildFixture, type CaseFile, type Fixture, type UnauthorizedCase } from './unauthorized/fixture'

// The cross-agency IDOR table (OWASP ASVS 8.2.2 / 8.4.1): every route that takes an id, called by someone
// who must not reach that entity. Each domain keeps its cases in `unauthorized/<domain>.cases.ts`, which
// default-exports an `UnauthorizedCase[]` (see unauthorized/fixture.ts for the fields and the fixture),
// and adds ONE line to this list:
const CASE_FILES: Promise<CaseFile>[] = [
  import('./unauthorized/admin.cases'),
  import('./unauthorized/assessment-tools.cases'),
  import('./unauthorized/auth.cases'),
  import('./unauthorized/beds.cases'),
  import('./unauthorized/case-notes.cases'),
  import('./unauthorized/ce-events.cases'),
  import('./unauthorized/ce-workflow.cases'),
  import('./unauthorized/clients.cases'),
  import('./unauthorized/eligibility.cases'),
  import('./unauthorized/enrollments.cases'),
  import('./unauthorized/households.cases'),
  import('./unauthorized/merge.cases'),
  import('./unauthorized/queue.cases'),
  import('./unauthorized/referrals.cases'),
  import('./unauthorized/releases.cases'),
  import('./unauthorized/services.cases'),
]

const cases = (await Promise.all(CASE_FILES)).flatMap((file) => file.default)

let t: TestApp
let fixture: Fixture
beforeAll(async () => {
  t = await createTestApp()
  fixture = await buildFixture(t)
})
afterAll(() => t.close())

function urlOf(testCase: UnauthorizedCase, id: string): string {
  const params: Record<string, string> = { ...testCase.params?.(fixture), id }
  return testCase.url.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`${testCase.url}: no value for :${name}`)
    return encodeURIComponent(value)
  })
}

async function deniedRows(entityId: string, actorUserId: string): Promise<number> {
  const row = await t.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('outcome', '=', 'denied')
    .where('entity_id', '=', entityId)
    .where('actor_user_id', '=', actorUserId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Every string inside a stored row (ids, names, hashes…), none of which may reach an outsider. */
function storedStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 3 ? [value] : []
  if (Array.isArray(value)) return value.flatMap(storedStrings)
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.values(value).flatMap(storedStrings)
  return []
}

describe('unauthorized access: 404 (or 403), nothing leaked, nothing changed, a denied audit row', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  for (const testCase of cases) {
    const expected = testCase.expect ?? 'not_found'
    it(`${testCase.method} ${testCase.url} on ${testCase.target} by ${testCase.caller} → ${expected}`, async () => {
      const id = await testCase.setup(fixture)
      const caller = fixture.users[testCase.caller]
      const before = await testCase.read(fixture, id)
      expect(before, 'the case must target an existing entity').toBeTruthy()
      const deniedBefore = await deniedRows(id, caller.id)

      const response = await t.request({
        method: testCase.method,
        url: urlOf(testCase, id),
        cookie: caller.cookie,
        ...(testCase.payload !== undefined && { payload: testCase.payload }),
      })

      const body = response.json()
      expect(response.statusCode).toBe(expected === 'not_found' ? 404 : 403)
      expect(Object.keys(body)).toEqual(['error'])
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message'])
      expect(body.error.code).toBe(expected)
      if (expected === 'not_found') {
        expect(body.error.message).toMatch(/^No such [A-Za-z ]+$/)
        for (const stored of storedStrings(before)) expect(response.body).not.toContain(stored)
      }
      expect(response.body).not.toContain(id)
      expect(await deniedRows(id, caller.id)).toBe(deniedBefore + 1)
      expect(await testCase.read(fixture, id)).toEqual(before)
    })
  }
})
