import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app'
import { auditRows, me, sessionCookieOf, sessionTokenOf, signIn } from './auth.test-helpers'

let t: TestApp
let atlasId: string
let beaconId: string

beforeAll(async () => {
  // A high per-address limit: this file signs in far more often than a person would (see the rate-limit test).
  t = await createTestApp({ loginRateLimitPerMinute: 10_000, lockoutThreshold: 3, lockoutBaseSeconds: 60 })
  const coc = await createCoc(t.db)
  // Created out of name order: the default organization is the first by name, not by age.
  beaconId = (await createOrganization(t.db, coc.id, 'Beacon House')).id
  atlasId = (await createOrganization(t.db, coc.id, 'Atlas Shelter')).id
  await createUser(t.db, 'maria.lopez', [
    { organizationId: beaconId, role: 'case_manager' },
    { organizationId: atlasId, role: 'agency_admin' },
  ])
  const disabled = await createUser(t.db, 'gone.user', [{ organizationId: beaconId, role: 'case_manager' }])
  await t.db.updateTable('app_user').set({ active: false }).where('id', '=', disabled.id).execute()
})
afterAll(() => t.close())

describe('POST /api/auth/login', () => {
  it('signs in with a session cookie and answers who, where and in which role', async () => {
    const response = await signIn(t, 'Maria.Lopez', TEST_PASSWORD)
    expect(response.statusCode).toBe(200)
    const cookie = sessionCookieOf(response)
    expect(cookie).toMatchObject({ name: 'threshold_session', httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.secure).toBeFalsy()
    expect(cookie?.value).toMatch(/^[\w-]{43}$/)
    const body = response.json()
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        username: 'maria.lopez',
        displayName: 'maria.lopez',
        totpEnabled: false,
      },
      organizations: [
        {
          organizationId: atlasId,
          organizationName: 'Atlas Shelter',
          cocId: expect.any(String),
          cocCode: 'GA-502',
          role: 'agency_admin',
        },
        {
          organizationId: beaconId,
          organizationName: 'Beacon House',
          cocId: expect.any(String),
          cocCode: 'GA-502',
          role: 'case_manager',
        },
      ],
      currentOrganizationId: atlasId,
      role: 'agency_admin',
      mfaEnrollmentRequired: false,
    })
    expect(response.body).not.toContain('password')

    const [audit] = (await auditRows(t, 'auth.login')).filter((row) => row.outcome === 'success')
    expect(audit).toMatchObject({
      actor_username: 'maria.lopez',
      organization_id: atlasId,
      entity_id: body.user.id,
    })
  })

  it('gives every sign-in a new session id and ends the session the browser came with', async () => {
    const first = sessionTokenOf(await signIn(t, 'maria.lopez'))
    const secondResponse = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      cookie: first,
      payload: { username: 'maria.lopez', password: TEST_PASSWORD },
    })
    const second = sessionTokenOf(secondResponse)
    expect(second).not.toBe(first)
    expect((await me(t, second)).statusCode).toBe(200)
    expect((await me(t, first)).statusCode).toBe(401)
  })

  it('marks the cookie Secure when the deployment says so', async () => {
    const secure = await createTestApp({ secureCookies: true })
    try {
      const coc = await createCoc(secure.db)
      const organization = await createOrganization(secure.db, coc.id, 'Atlas Shelter')
      await createUser(secure.db, 'sam.secure', [{ organizationId: organization.id, role: 'case_manager' }])
      expect(sessionCookieOf(await signIn(secure, 'sam.secure'))?.secure).toBe(true)
    } finally {
      await secure.close()
    }
  })

  it('answers unknown user, wrong password and disabled user identically, and audits why', async () => {
    const answers = await Promise.all([
      signIn(t, 'nobody.here', TEST_PASSWORD),
      signIn(t, 'maria.lopez', 'not the password at all'),
      signIn(t, 'gone.user', TEST_PASSWORD),
    ])
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401)
      expect(sessionCookieOf(answer)).toBeUndefined()
    }
    const bodies = answers.map((answer) => answer.body)
    expect(new Set(bodies).size).toBe(1)
    expect(answers[0]?.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'The username or password is not correct' },
    })

    const failures = (await auditRows(t, 'auth.login')).filter((row) => row.outcome === 'failure')
    const reasons = Object.fromEntries(failures.map((row) => [row.actor_username, row.details]))
    expect(reasons).toMatchObject({
      'nobody.here': { reason: 'unknown_user' },
      'maria.lopez': { reason: 'bad_password' },
      'gone.user': { reason: 'disabled' },
    })
    const stored = JSON.stringify(failures)
    expect(stored).not.toContain(TEST_PASSWORD)
    expect(stored).not.toContain('not the password at all')
    // Clean slate for the lockout tests.
    await t.db.deleteFrom('login_throttle').execute()
  })

  it('takes about as long for an unknown user as for a wrong password (both verify an argon2 hash)', async () => {
    const time = async (username: string) => {
      const started = performance.now()
      await signIn(t, username, 'wrong password, timing')
      return performance.now() - started
    }
    await time('warm.up.only')
    const unknown: number[] = []
    const known: number[] = []
    for (let round = 0; round < 3; round++) {
      unknown.push(await time(`unknown.${round}`))
      known.push(await time('maria.lopez'))
      await t.db.deleteFrom('login_throttle').execute()
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0
    // An unknown user answered without hashing would take a fraction of the argon2 time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5)
  })
})

describe('lockout per username', () => {
  const failTimes = async (username: string, times: number) => {
    for (let attempt = 0; attempt < times; attempt++) {
      expect((await signIn(t, username, 'wrong password')).statusCode).toBe(401)
    }
  }

  it('locks a known and an unknown name alike after the threshold, and says to wait', async () => {
    await failTimes('maria.lopez', 3)
    await failTimes('no.such.person', 3)
    const known = await signIn(t, 'maria.lopez', TEST_PASSWORD)
    const unknown = await signIn(t, 'no.such.person', TEST_PASSWORD)
    expect(known.statusCode).toBe(429)
    expect(unknown.statusCode).toBe(429)
    expect(known.body).toBe(unknown.body)
    expect(known.json().error).toEqual({
      code: 'too_many_requests',
      message: 'Too many failed sign-in attempts for this username. Wait 1 minute and try again.',
    })
    // The lock is on the name, in any case.
    expect((await signIn(t, 'MARIA.LOPEZ', TEST_PASSWORD)).statusCode).toBe(429)
    const locked = (await auditRows(t, 'auth.login')).filter(
      (row) => (row.details as { reason?: string } | null)?.reason === 'locked',
    )
    expect(locked.length).toBeGreaterThanOrEqual(3)
  })

  it('lifts the lock when it expires, doubles it on the next failure, and a success starts over', async () => {
    t.clock.advance(61_000)
    await failTimes('maria.lopez', 1)
    t.clock.advance(61_000)
    // Locked for 2 minutes now, not 1.
    expect((await signIn(t, 'maria.lopez')).statusCode).toBe(429)
    t.clock.advance(60_000)
    const signedIn = await signIn(t, 'maria.lopez')
    expect(signedIn.statusCode).toBe(200)
    // The count started over: two more failures do not lock.
    await failTimes('maria.lopez', 2)
    expect((await signIn(t, 'maria.lopez')).statusCode).toBe(200)
  })
})

describe('bad input on POST /api/auth/login', () => {
  const login = (payload: string, contentType = 'application/json') =>
    t.request({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } })

  it('malformed JSON → 400 malformed_json', async () => {
    const response = await login('{"username": "maria.lopez",')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('malformed_json')
  })

  it('text/plain → 415', async () => {
    const response = await login('username=maria.lopez', 'text/plain')
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('unsupported_media_type')
  })

  it('a NUL byte in the username → 400', async () => {
    const response = await login(JSON.stringify({ username: 'maria\u0000lopez', password: TEST_PASSWORD }))
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/NUL/),
    })
  })

  it('a body over the size limit → 413', async () => {
    const response = await login(
      JSON.stringify({ username: 'maria.lopez', password: 'x'.repeat(t.config.bodyLimitBytes) }),
    )
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('payload_too_large')
  })

  it('an unknown field → 400', async () => {
    const response = await login(
      JSON.stringify({ username: 'maria.lopez', password: TEST_PASSWORD, role: 'system_admin' }),
    )
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invalid_input')
    expect(response.json().error.message).toMatch(/role/)
  })

  it('a missing field → 400 naming the field', async () => {
    const response = await login(JSON.stringify({ username: 'maria.lopez' }))
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'invalid_input',
      details: [{ path: 'body.password', message: expect.any(String) }],
    })
  })
})

describe('per-address rate limit', () => {
  it('answers 429 in the standard shape after the limit, for that address only', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 })
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await signIn(limited, `someone.${attempt}`, 'x', '203.0.113.7')).statusCode).toBe(401)
      }
      const refused = await signIn(limited, 'someone.else', 'x', '203.0.113.7')
      expect(refused.statusCode).toBe(429)
      expect(refused.json()).toEqual({
        error: {
          code: 'too_many_requests',
          message: 'Too many attempts from this address: wait a minute and try again',
        },
      })
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect((await signIn(limited, 'someone.else', 'x', '198.51.100.2')).statusCode).toBe(401)
    } finally {
      await limited.close()
    }
  })
})
