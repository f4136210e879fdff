import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  ORIGIN,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { auditRows, me, sessionCookieOf, sessionTokenOf, signIn } from './auth.test-helpers'
import { SESSION_COOKIE } from './sessions'

const MINUTE = 60_000

let t: TestApp
let cocId: string
let atlasId: string
let beaconId: string
let userId: string

beforeAll(async () => {
  t = await createTestApp()
  cocId = (await createCoc(t.db)).id
  atlasId = (await createOrganization(t.db, cocId, 'Atlas Shelter')).id
  beaconId = (await createOrganization(t.db, cocId, 'Beacon House')).id
  userId = (
    await createUser(t.db, 'dana.kim', [
      { organizationId: atlasId, role: 'case_manager' },
      { organizationId: beaconId, role: 'agency_admin' },
    ])
  ).id
})
afterAll(() => t.close())

const freshSession = () => sessionFor(t, userId, atlasId)

describe('session lifetime', () => {
  it('logout revokes the session server-side and clears the cookie; the old cookie is then refused', async () => {
    const cookie = sessionTokenOf(await signIn(t, 'dana.kim'))
    const logout = await t.request({ method: 'POST', url: '/api/auth/logout', cookie })
    expect(logout.statusCode).toBe(204)
    const cleared = sessionCookieOf(logout)
    expect(cleared?.value).toBe('')
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now())
    const replay = await me(t, cookie)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('unauthenticated')
    expect((await auditRows(t, 'auth.logout')).map((row) => row.actor_user_id)).toEqual([userId])
  })

  it('ends after 30 idle minutes', async () => {
    const cookie = await freshSession()
    t.clock.advance(31 * MINUTE)
    expect((await me(t, cookie)).statusCode).toBe(401)
  })

  it('stays alive while used: each request restarts the idle timer', async () => {
    const cookie = await freshSession()
    for (let step = 0; step < 4; step++) {
      t.clock.advance(20 * MINUTE)
      expect((await me(t, cookie)).statusCode).toBe(200)
    }
  })

  it('ends at its absolute lifetime even when in constant use', async () => {
    const cookie = await freshSession()
    const lifetime = t.config.sessionAbsoluteHours * 60 * MINUTE
    let elapsed = 0
    while (elapsed + 20 * MINUTE < lifetime) {
      t.clock.advance(20 * MINUTE)
      elapsed += 20 * MINUTE
      expect((await me(t, cookie)).statusCode).toBe(200)
    }
    t.clock.advance(lifetime - elapsed)
    expect((await me(t, cookie)).statusCode).toBe(401)
  })

  it("kills a disabled user's live session on its next request", async () => {
    const other = await createUser(t.db, 'soon.disabled', [{ organizationId: atlasId, role: 'case_manager' }])
    const cookie = await sessionFor(t, other.id, atlasId)
    expect((await me(t, cookie)).statusCode).toBe(200)
    await t.db.updateTable('app_user').set({ active: false }).where('id', '=', other.id).execute()
    expect((await me(t, cookie)).statusCode).toBe(401)
  })

  it('kills the session when the membership it acts under is deactivated', async () => {
    const other = await createUser(t.db, 'soon.removed', [{ organizationId: atlasId, role: 'case_manager' }])
    const cookie = await sessionFor(t, other.id, atlasId)
    await t.db
      .updateTable('membership')
      .set({ active: false })
      .where('user_id', '=', other.id)
      .where('organization_id', '=', atlasId)
      .execute()
    expect((await me(t, cookie)).statusCode).toBe(401)
  })
})

describe('CSRF defence on cookie-authenticated writes', () => {
  const logoutWith = (cookie: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host: 'localhost:80', cookie: `${SESSION_COOKIE}=${cookie}`, ...headers },
    })

  it('refuses a foreign Origin with 403 csrf_rejected, and the session survives', async () => {
    const cookie = await freshSession()
    const response = await logoutWith(cookie, { origin: 'https://evil.example' })
    expect(response.statusCode).toBe(403)
    expect(response.json().error).toEqual({
      code: 'csrf_rejected',
      message: 'This request came from another site and was refused',
    })
    expect((await me(t, cookie)).statusCode).toBe(200)
  })

  it('refuses a write that names neither Origin nor Sec-Fetch-Site', async () => {
    const cookie = await freshSession()
    const response = await logoutWith(cookie, {})
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('csrf_rejected')
  })

  it('accepts the same origin, or Sec-Fetch-Site: same-origin', async () => {
    expect((await logoutWith(await freshSession(), { origin: ORIGIN })).statusCode).toBe(204)
    expect((await logoutWith(await freshSession(), { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(204)
    const crossSite = await logoutWith(await freshSession(), { 'sec-fetch-site': 'cross-site' })
    expect(crossSite.statusCode).toBe(403)
  })
})

describe('GET /api/auth/me and switching organization', () => {
  const switchTo = (cookie: string, organizationId: string) =>
    t.request({ method: 'POST', url: '/api/auth/organization', cookie, payload: { organizationId } })

  it('switches to another active membership; the role follows it', async () => {
    const cookie = await freshSession()
    expect((await me(t, cookie)).json()).toMatchObject({
      currentOrganizationId: atlasId,
      role: 'case_manager',
    })
    const switched = await switchTo(cookie, beaconId)
    expect(switched.statusCode).toBe(200)
    expect(switched.json()).toMatchObject({ currentOrganizationId: beaconId, role: 'agency_admin' })
    expect((await me(t, cookie)).json()).toMatchObject({
      currentOrganizationId: beaconId,
      role: 'agency_admin',
    })
    const [audit] = await auditRows(t, 'auth.organization_switch')
    expect(audit).toMatchObject({
      outcome: 'success',
      organization_id: beaconId,
      details: { fromOrganizationId: atlasId },
    })
  })

  it('answers 404 for an organization the user is not an active member of, and audits the refusal', async () => {
    const cookie = await freshSession()
    const stranger = await createOrganization(t.db, cocId, 'Cedar Outreach')
    const refused = await switchTo(cookie, stranger.id)
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error).toEqual({ code: 'not_found', message: 'No such organization' })
    const missing = await switchTo(cookie, '00000000-0000-4000-8000-000000000000')
    expect(missing.body).toBe(refused.body)
    const denied = (await auditRows(t, 'auth.organization_switch')).filter((row) => row.outcome === 'denied')
    expect(denied.map((row) => row.entity_id)).toEqual([stranger.id])
    expect((await me(t, cookie)).json().currentOrganizationId).toBe(atlasId)

    await t.db.updateTable('organization').set({ active: false }).where('id', '=', beaconId).execute()
    expect((await switchTo(cookie, beaconId)).statusCode).toBe(404)
    await t.db.updateTable('organization').set({ active: true }).where('id', '=', beaconId).execute()
  })

  it('refuses a malformed organization id with 400', async () => {
    const response = await switchTo(await freshSession(), 'not-an-id')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'body.organizationId', message: 'must be an id' }])
  })
})
