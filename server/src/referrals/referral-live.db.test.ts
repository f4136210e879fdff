import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SecondInstance, startSecondInstance } from '../../test/second-instance'
import { changeEvents, openSseStream } from '../../test/sse-reader'
import { createTestApp, type TestApp } from '../../test/test-app'
import { SESSION_COOKIE } from '../auth/sessions'
import { buildReferralWorld, queuedHousehold, type ReferralWorld } from './referrals.fixtures'

// Two app instances on one database (two pools on PostgreSQL; one shared PGlite otherwise): a referral
// changed through instance A reaches the referral screens streaming from instance B, as ids only, and only
// for the agencies party to it (and the CoC's Coordinated Entry staff).

let t: TestApp
let world: ReferralWorld
let instanceB: SecondInstance

beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
  instanceB = await startSecondInstance(t)
})
afterAll(async () => {
  await instanceB.close()
  await t.close()
})

const openStream = (cookie?: string, query = '') =>
  openSseStream(`${instanceB.baseUrl}/api/referrals/events${query}`, cookie)

/** An opening of `projectId` posted by its agency, and a referral of a new queued household to it by CE. */
async function referTo(projectId: string, postedBy: string, name: string) {
  const opening = await t.request({
    method: 'POST',
    url: '/api/openings',
    cookie: postedBy,
    payload: {
      projectId,
      capacity: 1,
      availableOn: t.clock.now().toISOString().slice(0, 10),
      eligibilitySummary: 'Anyone',
    },
  })
  expect(opening.statusCode, opening.body).toBe(201)
  const family = await queuedHousehold(world, name)
  const referral = await t.request({
    method: 'POST',
    url: '/api/referrals',
    cookie: world.ceManager.cookie,
    payload: { openingId: opening.json().id, ceEnrollmentId: family.ceEnrollmentId },
  })
  expect(referral.statusCode, referral.body).toBe(201)
  return { referralId: referral.json().id as string, clientIds: family.clientIds }
}

describe('live referrals across instances', () => {
  it('delivers a change to the parties and CE, ids only, and nothing to another agency', async () => {
    const toRapidHomes = await referTo(world.rrhProjectId, world.provider.cookie, 'Streamedfamily')
    const receiving = await openStream(world.provider.cookie)
    const following = await openStream(world.provider.cookie, `?referralId=${toRapidHomes.referralId}`)
    const ce = await openStream(world.ceManager.cookie)
    const outsider = await openStream(world.otherProvider.cookie)
    try {
      for (const stream of [receiving, following, ce, outsider]) {
        expect(stream.response.status).toBe(200)
        expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
        await stream.readUntil(': connected')
      }
      const acknowledged = await t.request({
        method: 'POST',
        url: `/api/referrals/${toRapidHomes.referralId}/acknowledge`,
        cookie: world.provider.cookie,
        payload: {},
      })
      expect(acknowledged.statusCode, acknowledged.body).toBe(200)
      const expected = { referralId: toRapidHomes.referralId, status: 'acknowledged' }
      for (const stream of [receiving, following, ce]) {
        const text = await stream.readUntil(toRapidHomes.referralId)
        expect(changeEvents(text)).toEqual([expected])
        expect(text).not.toContain('Streamedfamily')
        for (const clientId of toRapidHomes.clientIds) expect(text).not.toContain(clientId)
      }

      // Changes arrive in commit order: once a later referral of its own reached the other agency, the
      // first change would have arrived before it had it been let through.
      const toOther = await referTo(world.otherRrhProjectId, world.otherProvider.cookie, 'Otherfamily')
      const seen = await outsider.readUntil(toOther.referralId)
      expect(changeEvents(seen)).toEqual([{ referralId: toOther.referralId, status: 'pending' }])
      // A stream that follows one referral gets nothing about another: only its referral's next change.
      const accepted = await t.request({
        method: 'POST',
        url: `/api/referrals/${toRapidHomes.referralId}/accept`,
        cookie: world.provider.cookie,
        payload: {},
      })
      expect(accepted.statusCode, accepted.body).toBe(200)
      expect(changeEvents(await following.readUntil('"accepted"'))).toEqual([
        expected,
        { referralId: toRapidHomes.referralId, status: 'accepted' },
      ])
    } finally {
      for (const stream of [receiving, following, ce, outsider]) stream.close()
    }
  })

  it('refuses one referral to another agency (404) and the stream to anonymous callers (401)', async () => {
    const { referralId } = await referTo(world.rrhProjectId, world.provider.cookie, 'Privatefamily')
    const outsider = await fetch(`${instanceB.baseUrl}/api/referrals/events?referralId=${referralId}`, {
      headers: { cookie: `${SESSION_COOKIE}=${world.otherProvider.cookie}` },
    })
    expect(outsider.status).toBe(404)
    expect(await outsider.text()).not.toContain(referralId)
    const anonymous = await openStream(undefined)
    expect(anonymous.response.status).toBe(401)
    anonymous.close()
  })
})
