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
import { auditRows, me, sessionTokenOf, signIn, totpCode } from './auth.test-helpers'

const STEP = 30_000

let t: TestApp
let cocId: string
let atlasId: string

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 10_000 })
  cocId = (await createCoc(t.db)).id
  atlasId = (await createOrganization(t.db, cocId, 'Atlas Shelter')).id
})
afterAll(() => t.close())

const post = (url: string, cookie: string, payload?: object) =>
  t.request({ method: 'POST', url, cookie, ...(payload && { payload }) })

/** A user with an authenticator set up through the API; returns its secret and recovery codes. */
async function userWithTotp(username: string) {
  const user = await createUser(t.db, username, [{ organizationId: atlasId, role: 'case_manager' }])
  const cookie = await sessionFor(t, user.id, atlasId)
  const { secret } = (await post('/api/auth/totp/enroll', cookie)).json()
  const activated = await post('/api/auth/totp/activate', cookie, { code: totpCode(t, secret) })
  expect(activated.statusCode).toBe(200)
  t.clock.advance(STEP)
  return { user, cookie, secret, recoveryCodes: activated.json().recoveryCodes as string[] }
}

/** Password step of a sign-in with an authenticator: the pending session's cookie. */
async function pendingSignIn(username: string): Promise<string> {
  const response = await signIn(t, username)
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual({ mfaRequired: true })
  return sessionTokenOf(response)
}

describe('setting up an authenticator app', () => {
  it('enrols, refuses a wrong code, activates with a real code and shows 10 recovery codes once', async () => {
    const user = await createUser(t.db, 'tess.totp', [{ organizationId: atlasId, role: 'case_manager' }])
    const cookie = await sessionFor(t, user.id, atlasId)
    const enrolled = await post('/api/auth/totp/enroll', cookie)
    expect(enrolled.statusCode).toBe(200)
    const { secret, otpauthUrl, qrCodeDataUrl } = enrolled.json()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Threshold:tess\.totp\?/)
    expect(otpauthUrl).toContain('issuer=Threshold')
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/)
    // Pending: sign-in does not ask for a code yet.
    expect((await signIn(t, 'tess.totp')).json()).toHaveProperty('user')

    const wrong = await post('/api/auth/totp/activate', cookie, { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details).toEqual([{ path: 'body.code', message: 'is not correct' }])

    const activated = await post('/api/auth/totp/activate', cookie, { code: totpCode(t, secret) })
    expect(activated.statusCode).toBe(200)
    const { recoveryCodes } = activated.json()
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
    const stored = await t.db
      .selectFrom('app_user')
      .select('recovery_code_hashes')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(stored.recovery_code_hashes).toHaveLength(10)
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].slice(0, 5))

    expect((await me(t, cookie)).json().user.totpEnabled).toBe(true)
    const again = await post('/api/auth/totp/enroll', cookie)
    expect(again.statusCode).toBe(409)
    const actions = (await auditRows(t, 'auth.totp_activate')).map((row) => row.outcome)
    expect(actions).toEqual(['failure', 'success'])
    expect(await auditRows(t, 'auth.totp_enroll')).toHaveLength(1)
  })
})

describe('signing in with a second factor', () => {
  it('asks for a code after the password, then issues a fresh full session', async () => {
    const { secret } = await userWithTotp('omar.otp')
    const pending = await pendingSignIn('omar.otp')
    // The pending session is good for nothing but the second step.
    expect((await me(t, pending)).statusCode).toBe(401)

    const completed = await post('/api/auth/login/totp', pending, { code: totpCode(t, secret) })
    expect(completed.statusCode).toBe(200)
    expect(completed.json()).toMatchObject({
      user: { username: 'omar.otp', totpEnabled: true },
      role: 'case_manager',
    })
    const full = sessionTokenOf(completed)
    expect(full).not.toBe(pending)
    expect((await me(t, full)).statusCode).toBe(200)
    expect((await post('/api/auth/login/totp', pending, { code: totpCode(t, secret) })).statusCode).toBe(401)
    const [success] = (await auditRows(t, 'auth.login')).filter((row) => row.actor_username === 'omar.otp')
    expect(success).toMatchObject({ outcome: 'success', details: { secondFactor: 'totp' } })
  })

  it('never accepts the same code twice', async () => {
    const { secret } = await userWithTotp('rita.replay')
    const code = totpCode(t, secret)
    expect(
      (await post('/api/auth/login/totp', await pendingSignIn('rita.replay'), { code })).statusCode,
    ).toBe(200)
    const replay = await post('/api/auth/login/totp', await pendingSignIn('rita.replay'), { code })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error).toEqual({ code: 'invalid_credentials', message: 'That code is not correct' })
  })

  it('accepts each recovery code once', async () => {
    const { recoveryCodes } = await userWithTotp('rex.recovery')
    const code = recoveryCodes[3]!
    const first = await post('/api/auth/login/totp', await pendingSignIn('rex.recovery'), {
      code: code.toUpperCase(),
    })
    expect(first.statusCode).toBe(200)
    const second = await post('/api/auth/login/totp', await pendingSignIn('rex.recovery'), { code })
    expect(second.statusCode).toBe(401)
    const other = await post('/api/auth/login/totp', await pendingSignIn('rex.recovery'), {
      code: recoveryCodes[4]!,
    })
    expect(other.statusCode).toBe(200)
    const details = (await auditRows(t, 'auth.login'))
      .filter((row) => row.actor_username === 'rex.recovery')
      .map((row) => [row.outcome, row.details])
    expect(details).toEqual([
      ['success', { secondFactor: 'recovery_code' }],
      ['failure', { reason: 'bad_second_factor' }],
      ['success', { secondFactor: 'recovery_code' }],
    ])
  })

  it('counts wrong codes towards the username lockout', async () => {
    await userWithTotp('gus.guesser')
    const pending = await pendingSignIn('gus.guesser')
    for (let attempt = 0; attempt < t.config.lockoutThreshold; attempt++) {
      expect((await post('/api/auth/login/totp', pending, { code: '123456' })).statusCode).toBe(401)
    }
    expect((await post('/api/auth/login/totp', pending, { code: '123456' })).statusCode).toBe(429)
    expect((await signIn(t, 'gus.guesser')).statusCode).toBe(429)
  })

  it('ends the pending session when the user starts the sign-in over', async () => {
    const { secret } = await userWithTotp('stan.startover')
    const abandoned = await pendingSignIn('stan.startover')
    const restarted = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      cookie: abandoned,
      payload: { username: 'stan.startover', password: TEST_PASSWORD },
    })
    expect(restarted.json()).toEqual({ mfaRequired: true })
    const code = { code: totpCode(t, secret) }
    expect((await post('/api/auth/login/totp', abandoned, code)).statusCode).toBe(401)
    expect((await post('/api/auth/login/totp', sessionTokenOf(restarted), code)).statusCode).toBe(200)
  })

  it('refuses the second step on a session that is already signed in', async () => {
    const { cookie, secret } = await userWithTotp('fay.full')
    const response = await post('/api/auth/login/totp', cookie, { code: totpCode(t, secret) })
    expect(response.statusCode).toBe(409)
  })
})

describe('removing an authenticator', () => {
  it('needs a current code; afterwards the password alone signs in', async () => {
    const { cookie, secret } = await userWithTotp('dora.disable')
    const wrong = await post('/api/auth/totp/disable', cookie, { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    const removed = await post('/api/auth/totp/disable', cookie, { code: totpCode(t, secret) })
    expect(removed.statusCode).toBe(204)
    const signedIn = await signIn(t, 'dora.disable')
    expect(signedIn.json()).toMatchObject({ user: { totpEnabled: false } })
    expect((await auditRows(t, 'auth.totp_disable')).map((row) => row.outcome)).toEqual([
      'failure',
      'success',
    ])
  })

  it('an administrator of the user resets it; an administrator elsewhere gets 404 and a denied audit row', async () => {
    const { user } = await userWithTotp('lou.lostphone')
    const otherOrg = await createOrganization(t.db, cocId, 'Beacon House')
    const foreignAdmin = await createUser(t.db, 'ben.beacon', [
      { organizationId: otherOrg.id, role: 'agency_admin' },
    ])
    const foreign = await sessionFor(t, foreignAdmin.id, otherOrg.id)
    const refused = await t.request({ method: 'DELETE', url: `/api/users/${user.id}/totp`, cookie: foreign })
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error).toEqual({ code: 'not_found', message: 'No such user' })
    expect((await signIn(t, 'lou.lostphone')).json()).toEqual({ mfaRequired: true })

    const admin = await createUser(t.db, 'ada.atlas', [{ organizationId: atlasId, role: 'agency_admin' }])
    const allowed = await t.request({
      method: 'DELETE',
      url: `/api/users/${user.id}/totp`,
      cookie: await sessionFor(t, admin.id, atlasId),
    })
    expect(allowed.statusCode).toBe(204)
    expect((await signIn(t, 'lou.lostphone')).json()).toMatchObject({ user: { totpEnabled: false } })
    const audit = (await auditRows(t, 'auth.totp_reset')).map((row) => [row.outcome, row.actor_username])
    expect(audit).toEqual([
      ['denied', 'ben.beacon'],
      ['success', 'ada.atlas'],
    ])
  })
})

describe('CoC rule: second factor required for some roles', () => {
  it('lets such a user reach only /api/auth/* until they set one up', async () => {
    const coc = await createCoc(t.db, 'GA-503', 'Strict CoC')
    const organization = await createOrganization(t.db, coc.id, 'Strict Agency')
    await t.db
      .updateTable('coc')
      .set({ settings: JSON.stringify({ mfaRequiredRoles: ['case_manager'] }) })
      .where('id', '=', coc.id)
      .execute()
    await createUser(t.db, 'nina.new', [{ organizationId: organization.id, role: 'case_manager' }])
    const signedIn = await signIn(t, 'nina.new', TEST_PASSWORD)
    expect(signedIn.json()).toMatchObject({ mfaEnrollmentRequired: true })
    const cookie = sessionTokenOf(signedIn)

    const blocked = await t.request({ method: 'GET', url: '/api/api-tokens', cookie })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error).toEqual({
      code: 'forbidden',
      message: 'Your CoC requires a second factor for this role: set up an authenticator app first',
    })
    expect((await me(t, cookie)).statusCode).toBe(200)

    const { secret } = (await post('/api/auth/totp/enroll', cookie)).json()
    expect((await post('/api/auth/totp/activate', cookie, { code: totpCode(t, secret) })).statusCode).toBe(
      200,
    )
    expect((await me(t, cookie)).json().mfaEnrollmentRequired).toBe(false)
    expect((await t.request({ method: 'GET', url: '/api/api-tokens', cookie })).statusCode).toBe(200)
  })

  it('does not apply to roles the CoC did not list', async () => {
    const coc = await createCoc(t.db, 'GA-504', 'Partly strict CoC')
    const organization = await createOrganization(t.db, coc.id, 'Relaxed Agency')
    await t.db
      .updateTable('coc')
      .set({ settings: JSON.stringify({ mfaRequiredRoles: ['coc_admin'] }) })
      .where('id', '=', coc.id)
      .execute()
    const user = await createUser(t.db, 'ray.relaxed', [{ organizationId: organization.id, role: 'analyst' }])
    const cookie = await sessionFor(t, user.id, organization.id)
    expect((await me(t, cookie)).json().mfaEnrollmentRequired).toBe(false)
    expect((await t.request({ method: 'GET', url: '/api/api-tokens', cookie })).statusCode).toBe(200)
  })
})
