import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app'
import { auditRows, me, signIn } from './auth.test-helpers'

let t: TestApp
let organizationId: string

beforeAll(async () => {
  t = await createTestApp()
  const coc = await createCoc(t.db)
  organizationId = (await createOrganization(t.db, coc.id, 'Atlas Shelter')).id
})
afterAll(() => t.close())

const changePassword = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/auth/password', cookie, payload })

describe('POST /api/auth/password', () => {
  it('changes the password, keeps this session and ends every other one', async () => {
    const user = await createUser(t.db, 'pat.change', [{ organizationId, role: 'case_manager' }])
    const here = await sessionFor(t, user.id, organizationId)
    const elsewhere = await sessionFor(t, user.id, organizationId)
    // No composition rules: a long lower-case passphrase is fine.
    const response = await changePassword(here, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'plain lowercase words',
    })
    expect(response.statusCode).toBe(204)
    expect((await me(t, here)).statusCode).toBe(200)
    expect((await me(t, elsewhere)).statusCode).toBe(401)
    expect((await signIn(t, 'pat.change', TEST_PASSWORD)).statusCode).toBe(401)
    expect((await signIn(t, 'pat.change', 'plain lowercase words')).statusCode).toBe(200)
    const [audit] = await auditRows(t, 'auth.password_change')
    expect(audit).toMatchObject({ outcome: 'success', entity_id: user.id })
    expect(JSON.stringify(audit)).not.toContain('plain lowercase words')
  })

  it('refuses a wrong current password (400 on that field, audited) and changes nothing', async () => {
    const user = await createUser(t.db, 'wes.wrong', [{ organizationId, role: 'case_manager' }])
    const cookie = await sessionFor(t, user.id, organizationId)
    const response = await changePassword(cookie, {
      currentPassword: 'not my password',
      newPassword: 'a perfectly long new one',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({
      code: 'invalid_input',
      message: 'The current password is not correct',
      details: [{ path: 'body.currentPassword', message: 'is not correct' }],
    })
    expect((await signIn(t, 'wes.wrong', TEST_PASSWORD)).statusCode).toBe(200)
    const failures = (await auditRows(t, 'auth.password_change')).filter((row) => row.outcome === 'failure')
    expect(failures.map((row) => row.entity_id)).toEqual([user.id])
  })

  it(`refuses a new password shorter than the minimum or equal to the username`, async () => {
    const user = await createUser(t.db, 'sam.short.name', [{ organizationId, role: 'case_manager' }])
    const cookie = await sessionFor(t, user.id, organizationId)
    const short = await changePassword(cookie, { currentPassword: TEST_PASSWORD, newPassword: 'elevenchars' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error).toEqual({
      code: 'invalid_input',
      message: 'The new password must be at least 12 characters long',
      details: [{ path: 'body.newPassword', message: 'must be at least 12 characters long' }],
    })
    const sameAsName = await changePassword(cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'SAM.SHORT.NAME',
    })
    expect(sameAsName.statusCode).toBe(400)
    expect(sameAsName.json().error.message).toBe('The new password must not be the same as the username')
    expect((await signIn(t, 'sam.short.name', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('refuses unknown and missing fields', async () => {
    const user = await createUser(t.db, 'fran.fields', [{ organizationId, role: 'case_manager' }])
    const cookie = await sessionFor(t, user.id, organizationId)
    const extra = await changePassword(cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'long enough password',
      userId: user.id,
    })
    expect(extra.statusCode).toBe(400)
    const missing = await changePassword(cookie, { currentPassword: TEST_PASSWORD })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details).toEqual([{ path: 'body.newPassword', message: expect.any(String) }])
  })
})
