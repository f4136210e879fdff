import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { auditRows } from './auth.test-helpers'

const DAY = 86_400_000

let t: TestApp
let atlasId: string
let beaconId: string
let integrationUserId: string
const userIds = { atlasAdmin: '', beaconAdmin: '', caseManager: '' }
// Fresh sessions per test: the expiry test moves the clock past any session's lifetime.
let atlasAdmin: string
let beaconAdmin: string
let caseManager: string

beforeAll(async () => {
  t = await createTestApp()
  const coc = await createCoc(t.db)
  atlasId = (await createOrganization(t.db, coc.id, 'Atlas Shelter')).id
  beaconId = (await createOrganization(t.db, coc.id, 'Beacon House')).id
  integrationUserId = (
    await createUser(t.db, 'atlas.reports', [{ organizationId: atlasId, role: 'analyst' }])
  ).id
  userIds.atlasAdmin = (
    await createUser(t.db, 'ada.atlas', [{ organizationId: atlasId, role: 'agency_admin' }])
  ).id
  userIds.beaconAdmin = (
    await createUser(t.db, 'ben.beacon', [{ organizationId: beaconId, role: 'agency_admin' }])
  ).id
  userIds.caseManager = (
    await createUser(t.db, 'cal.case', [{ organizationId: atlasId, role: 'case_manager' }])
  ).id
})
beforeEach(async () => {
  atlasAdmin = await sessionFor(t, userIds.atlasAdmin, atlasId)
  beaconAdmin = await sessionFor(t, userIds.beaconAdmin, beaconId)
  caseManager = await sessionFor(t, userIds.caseManager, atlasId)
})
afterAll(() => t.close())

const issue = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/api-tokens', cookie, payload })

/** A Bearer call as an integration makes it: no cookie, no Origin header. */
const withToken = (token: string, method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: { host: 'localhost:80', authorization: `Bearer ${token}` } })

async function issueToken(payload: Record<string, unknown> = {}): Promise<{ token: string; id: string }> {
  const response = await issue(atlasAdmin, {
    name: 'Nightly report',
    userId: integrationUserId,
    organizationId: atlasId,
    ...payload,
  })
  expect(response.statusCode).toBe(201)
  return { token: response.json().token, id: response.json().apiToken.id }
}

describe('API tokens', () => {
  it('are issued once to an admin of the user, and act as that user in that organization', async () => {
    const response = await issue(atlasAdmin, {
      name: 'Nightly report',
      userId: integrationUserId,
      organizationId: atlasId,
    })
    expect(response.statusCode).toBe(201)
    const { token, apiToken } = response.json()
    expect(token).toMatch(/^thr_[\w-]{43}$/)
    expect(apiToken).toEqual({
      id: expect.any(String),
      name: 'Nightly report',
      userId: integrationUserId,
      username: 'atlas.reports',
      organizationId: atlasId,
      createdAt: t.clock.now().toISOString(),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    })
    const stored = await t.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token.slice(4))

    const asUser = await withToken(token, 'GET', '/api/auth/me')
    expect(asUser.statusCode).toBe(200)
    expect(asUser.json()).toMatchObject({
      user: { username: 'atlas.reports' },
      currentOrganizationId: atlasId,
      role: 'analyst',
    })
    // No cookie, so no CSRF check: a write without Origin goes through.
    expect((await withToken(token, 'POST', '/api/auth/logout')).statusCode).toBe(204)
    const [audit] = await auditRows(t, 'api_token.create')
    expect(audit).toMatchObject({ actor_username: 'ada.atlas', entity_id: apiToken.id, outcome: 'success' })
    expect(JSON.stringify(audit)).not.toContain(token)
  })

  it('are listed to the admins who manage their user, and to nobody else', async () => {
    const { id } = await issueToken({ name: 'Listed token' })
    const listFor = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/api-tokens', cookie }))
        .json()
        .map((token: { id: string }) => token.id)
    expect(await listFor(atlasAdmin)).toContain(id)
    expect(await listFor(beaconAdmin)).toEqual([])
    expect(await listFor(caseManager)).toEqual([])
  })

  it('stop working the moment they are revoked', async () => {
    const { token, id } = await issueToken()
    expect((await withToken(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
    const revoked = await t.request({
      method: 'POST',
      url: `/api/api-tokens/${id}/revoke`,
      cookie: atlasAdmin,
    })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).toBe(t.clock.now().toISOString())
    const refused = await withToken(token, 'GET', '/api/auth/me')
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error).toEqual({ code: 'unauthenticated', message: 'The API token is not valid' })
    expect((await auditRows(t, 'api_token.revoke')).map((row) => row.entity_id)).toContain(id)
  })

  it('expire after the chosen day, and cannot be issued already expired', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    const { token } = await issueToken({ expiresAt: today })
    expect((await withToken(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
    t.clock.advance(DAY)
    expect((await withToken(token, 'GET', '/api/auth/me')).statusCode).toBe(401)
    atlasAdmin = await sessionFor(t, userIds.atlasAdmin, atlasId)

    const yesterday = new Date(t.clock.now().getTime() - DAY).toISOString().slice(0, 10)
    const late = await issue(atlasAdmin, {
      name: 'Late',
      userId: integrationUserId,
      organizationId: atlasId,
      expiresAt: yesterday,
    })
    expect(late.statusCode).toBe(400)
    expect(late.json().error.details).toEqual([{ path: 'body.expiresAt', message: 'must be today or later' }])
  })

  it('die with their user’s membership', async () => {
    const member = await createUser(t.db, 'short.stay', [{ organizationId: atlasId, role: 'analyst' }])
    const { token } = await issueToken({ userId: member.id })
    await t.db.updateTable('membership').set({ active: false }).where('user_id', '=', member.id).execute()
    expect((await withToken(token, 'GET', '/api/auth/me')).statusCode).toBe(401)
  })

  it('are not asked for a second factor the CoC requires of people', async () => {
    const coc = await t.db
      .selectFrom('organization')
      .select('coc_id')
      .where('id', '=', atlasId)
      .executeTakeFirstOrThrow()
    await t.db
      .updateTable('coc')
      .set({ settings: JSON.stringify({ mfaRequiredRoles: ['analyst'] }) })
      .where('id', '=', coc.coc_id)
      .execute()
    try {
      const { token } = await issueToken()
      expect((await withToken(token, 'GET', '/api/api-tokens')).statusCode).toBe(200)
    } finally {
      await t.db.updateTable('coc').set({ settings: '{}' }).where('id', '=', coc.coc_id).execute()
    }
  })

  it('cannot be issued for a user the actor does not manage, nor for an organization the user is not in', async () => {
    const foreign = await issue(beaconAdmin, {
      name: 'Sneaky',
      userId: integrationUserId,
      organizationId: atlasId,
    })
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json().error).toEqual({ code: 'not_found', message: 'No such user' })
    const denied = (await auditRows(t, 'api_token.create')).filter((row) => row.outcome === 'denied')
    expect(denied.map((row) => [row.actor_username, row.entity_id])).toEqual([
      ['ben.beacon', integrationUserId],
    ])

    const elsewhere = await issue(atlasAdmin, {
      name: 'Wrong org',
      userId: integrationUserId,
      organizationId: beaconId,
    })
    expect(elsewhere.statusCode).toBe(404)
    const byCaseManager = await issue(caseManager, {
      name: 'No',
      userId: integrationUserId,
      organizationId: atlasId,
    })
    expect(byCaseManager.statusCode).toBe(404)
  })

  it('cannot be revoked by an admin elsewhere: 404 and a denied audit row', async () => {
    const { token, id } = await issueToken()
    const refused = await t.request({
      method: 'POST',
      url: `/api/api-tokens/${id}/revoke`,
      cookie: beaconAdmin,
    })
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error).toEqual({ code: 'not_found', message: 'No such API token' })
    const missing = await t.request({
      method: 'POST',
      url: '/api/api-tokens/00000000-0000-4000-8000-000000000000/revoke',
      cookie: beaconAdmin,
    })
    expect(missing.body).toBe(refused.body)
    expect((await withToken(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
    const denied = (await auditRows(t, 'api_token.revoke')).filter((row) => row.outcome === 'denied')
    expect(denied.map((row) => row.entity_id)).toEqual([id])
  })

  it('refuses a made-up Bearer token with 401', async () => {
    expect((await withToken('thr_made-up', 'GET', '/api/auth/me')).statusCode).toBe(401)
  })
})
