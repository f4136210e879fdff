import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { buildReferralWorld, queuedHousehold, type ReferralWorld } from '../referrals/referrals.fixtures'

let t: TestApp
let world: ReferralWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)
const post = (enrollmentId: string, cookie: string, payload: object) =>
  t.request({ method: 'POST', url: `/api/enrollments/${enrollmentId}/ce-events`, cookie, payload })

describe('CE events (HUD 4.20)', () => {
  it('records events with HUD’s dependent fields and refuses the ones HUD does not allow', async () => {
    const { ceEnrollmentId } = await queuedHousehold(world, 'Eventful')
    const diversion = await post(ceEnrollmentId, world.ceManager.cookie, {
      eventDate: today(),
      eventType: 2,
      probSolDivRrResult: 1,
    })
    expect(diversion.statusCode, diversion.body).toBe(201)
    expect(diversion.json()).toMatchObject({ eventType: 2, probSolDivRrResult: 1, restriction: 'open' })

    const referral = await post(ceEnrollmentId, world.ceManager.cookie, {
      eventDate: today(),
      eventType: 14,
      locationProjectId: world.pshProjectId,
      referralResult: 2,
      resultDate: today(),
    })
    expect(referral.statusCode, referral.body).toBe(201)
    expect(referral.json().locationProject).toEqual({ id: world.pshProjectId, name: 'Other PSH' })

    const refused = [
      { eventDate: today(), eventType: 3, probSolDivRrResult: 1 },
      { eventDate: today(), eventType: 6, referralCaseManageAfter: 1 },
      { eventDate: today(), eventType: 13 },
      { eventDate: today(), eventType: 13, locationProjectId: world.rrhProjectId, referralResult: 1 },
      { eventDate: '2025-12-31', eventType: 1 },
    ]
    for (const payload of refused) {
      const response = await post(ceEnrollmentId, world.ceManager.cookie, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(422)
    }
    expect(
      (await post(ceEnrollmentId, world.ceManager.cookie, { eventDate: today(), eventType: 19 })).statusCode,
    ).toBe(400)

    const listed = await t.request({
      method: 'GET',
      url: `/api/enrollments/${ceEnrollmentId}/ce-events`,
      cookie: world.ceManager.cookie,
    })
    expect(
      listed
        .json()
        .map((event: { eventType: number }) => event.eventType)
        .sort(),
    ).toEqual([14, 2])
  })

  it('keeps agency-restricted events to their agency and referral events to CE', async () => {
    const { ceEnrollmentId } = await queuedHousehold(world, 'Restricted')
    // A case manager of the CE agency records an access event restricted to the agency.
    const caseManager = await t.db
      .insertInto('app_user')
      .values({ username: 'ref.cm', display_name: 'CM', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('membership')
      .values({ user_id: caseManager.id, organization_id: world.ceOrg.id, role: 'case_manager' })
      .execute()
    const { sessionFor } = await import('../../test/test-app')
    const cookie = await sessionFor(t, caseManager.id, world.ceOrg.id)
    const restricted = await post(ceEnrollmentId, cookie, {
      eventDate: today(),
      eventType: 4,
      restriction: 'agency',
    })
    expect(restricted.statusCode, restricted.body).toBe(201)
    const referralByCaseManager = await post(ceEnrollmentId, cookie, {
      eventDate: today(),
      eventType: 13,
      locationProjectId: world.rrhProjectId,
    })
    expect(referralByCaseManager.statusCode).toBe(403)
    // The CoC admin of another agency in the CoC sees the enrollment only with a release: here they act in CE's.
    const coordinatorView = await t.request({
      method: 'GET',
      url: `/api/enrollments/${ceEnrollmentId}/ce-events`,
      cookie: world.coordinator.cookie,
    })
    expect(coordinatorView.json()).toHaveLength(1)
    const provider = await t.request({
      method: 'GET',
      url: `/api/enrollments/${ceEnrollmentId}/ce-events`,
      cookie: world.provider.cookie,
    })
    expect(provider.statusCode).toBe(404)
  })
})
