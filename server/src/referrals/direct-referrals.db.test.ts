import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { buildReferralWorld, enrolledHousehold, type ReferralWorld } from './referrals.fixtures'

// Direct project-to-project referrals: the agency of a project the household is enrolled in refers it to
// an opening of a project that accepts direct referrals, without the CE queue.

let t: TestApp
let world: ReferralWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
  // Other Housing's PSH takes direct referrals; its RRH does not.
  const opened = await t.request({
    method: 'PATCH',
    url: `/api/projects/${world.pshProjectId}`,
    cookie: world.coordinator.cookie,
    payload: { acceptsDirectReferrals: true },
  })
  expect(opened.statusCode, opened.body).toBe(200)
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)

/** A household enrolled in Rapid Homes RRH (the provider's agency): returns the head's enrollment. */
async function enrolledWithRapidHomes(name: string, members = 1) {
  const { enrollmentIds, clientIds } = await enrolledHousehold(t, {
    cocId: world.coc.id,
    projectId: world.rrhProjectId,
    organizationId: world.rrhOrg.id,
    name,
    lastName: 'Direct',
    members,
    childSuffix: () => 'junior',
    dobs: { head: '1979-01-02', child: '2016-03-04' },
    entryDate: '2026-01-05',
  })
  return { headEnrollmentId: enrollmentIds[0] as string, enrollmentIds, clientIds }
}

async function openingOf(projectId: string) {
  const response = await t.request({
    method: 'POST',
    url: '/api/openings',
    cookie: world.otherProvider.cookie,
    payload: { projectId, availableOn: today() },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id as string
}

const referDirectly = (openingId: string, sourceEnrollmentId: string, cookie = world.provider.cookie) =>
  t.request({ method: 'POST', url: '/api/referrals', cookie, payload: { openingId, sourceEnrollmentId } })

describe('direct referral', () => {
  it('goes from the household’s project to a willing project without the queue, and closes the loop', async () => {
    const household = await enrolledWithRapidHomes('Directfamily', 2)
    const openingId = await openingOf(world.pshProjectId)
    const created = await referDirectly(openingId, household.headEnrollmentId)
    expect(created.statusCode, created.body).toBe(201)
    const referral = created.json()
    expect(referral).toMatchObject({
      status: 'pending',
      ceEnrollmentId: null,
      sourceEnrollmentId: household.headEnrollmentId,
      queueEntryId: null,
      ceEvent: null,
      referringOrganization: { id: world.rrhOrg.id, name: 'Rapid Homes' },
      receivingOrganization: { id: world.otherOrg.id, name: 'Other Housing' },
      snapshot: {
        rank: null,
        rankingVersion: null,
        values: {},
        origin: 'direct referral from Rapid Homes RRH',
      },
    })
    expect(referral.members.map((member: { clientId: string }) => member.clientId).sort()).toEqual(
      [...household.clientIds].sort(),
    )
    const ceEvents = await t.db
      .selectFrom('ce_event')
      .select('id')
      .where('referral_id', '=', referral.id)
      .execute()
    expect(ceEvents).toEqual([])
    const notice = await t.db
      .selectFrom('notification')
      .select('message')
      .where('referral_id', '=', referral.id)
      .where('user_id', '=', world.otherProvider.id)
      .executeTakeFirstOrThrow()
    expect(notice.message).toMatch(/^New direct referral from Rapid Homes RRH to Other PSH: acknowledge by /)

    // The referring agency sees it among its outgoing referrals; the receiving agency answers as usual.
    const outgoing = await t.request({
      method: 'GET',
      url: '/api/referrals?direction=outgoing',
      cookie: world.provider.cookie,
    })
    expect(outgoing.json().map((item: { id: string }) => item.id)).toContain(referral.id)
    const accept = await t.request({
      method: 'POST',
      url: `/api/referrals/${referral.id}/accept`,
      cookie: world.otherProvider.cookie,
      payload: {},
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const enroll = await t.request({
      method: 'POST',
      url: `/api/referrals/${referral.id}/enroll`,
      cookie: world.otherProvider.cookie,
      payload: { entryDate: today() },
    })
    expect(enroll.statusCode, enroll.body).toBe(200)
    expect(enroll.json().status).toBe('enrolled')
  })

  it('is refused where the project takes CE referrals only (403), and for someone else’s household (404)', async () => {
    const household = await enrolledWithRapidHomes('Refusedfamily')
    const unwilling = await referDirectly(
      await openingOf(world.otherRrhProjectId),
      household.headEnrollmentId,
    )
    expect(unwilling.statusCode).toBe(403)
    expect(unwilling.json().error.message).toBe(
      'Other RRH takes referrals through Coordinated Entry only, not directly from projects',
    )
    const willing = await openingOf(world.pshProjectId)
    const stranger = await referDirectly(willing, household.headEnrollmentId, world.otherProvider.cookie)
    expect(stranger.statusCode).toBe(404)
    expect(stranger.json().error.message).toBe('No such enrollment')
    // CE does not see another agency's project enrollment without a release either.
    const ce = await referDirectly(willing, household.headEnrollmentId, world.ceManager.cookie)
    expect(ce.statusCode).toBe(404)
    // Both kinds at once, or neither, is bad input.
    const both = await t.request({
      method: 'POST',
      url: '/api/referrals',
      cookie: world.provider.cookie,
      payload: {
        openingId: willing,
        sourceEnrollmentId: household.headEnrollmentId,
        ceEnrollmentId: household.headEnrollmentId,
      },
    })
    expect(both.statusCode).toBe(400)
    const neither = await t.request({
      method: 'POST',
      url: '/api/referrals',
      cookie: world.provider.cookie,
      payload: { openingId: willing },
    })
    expect(neither.statusCode).toBe(400)
    const referrals = await t.db
      .selectFrom('referral')
      .select('id')
      .where('source_enrollment_id', '=', household.headEnrollmentId)
      .execute()
    expect(referrals).toEqual([])
  })

  it('comes from an open enrollment of the head of household', async () => {
    const household = await enrolledWithRapidHomes('Exitedfamily', 2)
    const openingId = await openingOf(world.pshProjectId)
    const fromMember = await referDirectly(openingId, household.enrollmentIds[1] as string)
    expect(fromMember.statusCode).toBe(422)
    await t.db
      .updateTable('enrollment')
      .set({ exit_date: '2026-02-01', destination: 410 })
      .where('id', '=', household.headEnrollmentId)
      .execute()
    const exited = await referDirectly(openingId, household.headEnrollmentId)
    expect(exited.statusCode).toBe(422)
    expect(exited.json().error.message).toBe('The enrollment has ended')
  })

  it('still keeps providers from making CE referrals, and counts toward the one-per-program-type rule', async () => {
    const household = await enrolledWithRapidHomes('Onceonlyfamily')
    const first = await referDirectly(await openingOf(world.pshProjectId), household.headEnrollmentId)
    expect(first.statusCode, first.body).toBe(201)
    const second = await referDirectly(await openingOf(world.pshProjectId), household.headEnrollmentId)
    expect(second.statusCode).toBe(409)
    expect(second.json().error.message).toMatch(/already has an active referral to this program type/)
    const ceByProvider = await t.request({
      method: 'POST',
      url: '/api/referrals',
      cookie: world.provider.cookie,
      payload: { openingId: await openingOf(world.pshProjectId), ceEnrollmentId: household.headEnrollmentId },
    })
    expect(ceByProvider.statusCode).toBe(403)
  })
})

describe('enrolling a referral', () => {
  it('refuses a member barred from the project on the start date, naming the bar, and keeps the referral', async () => {
    const household = await enrolledWithRapidHomes('Barredfamily')
    const created = await referDirectly(await openingOf(world.pshProjectId), household.headEnrollmentId)
    expect(created.statusCode, created.body).toBe(201)
    const referral = created.json()
    const answer = (action: string, payload: object) =>
      t.request({
        method: 'POST',
        url: `/api/referrals/${referral.id}/${action}`,
        cookie: world.otherProvider.cookie,
        payload,
      })
    expect((await answer('accept', {})).statusCode).toBe(200)
    await t.db
      .insertInto('client_bar')
      .values({
        client_id: household.clientIds[0]!,
        coc_id: world.coc.id,
        project_id: world.pshProjectId,
        begin_date: '2026-01-01',
        end_date: null,
        enforcing_organization_ids: [world.otherOrg.id],
        reason: 'Threatened staff',
        notes: '',
      })
      .execute()

    const refused = await answer('enroll', { entryDate: today() })
    expect(refused.statusCode, refused.body).toBe(422)
    expect(refused.json().error.message).toMatch(
      /^This client is barred from Other PSH .*Reason: Threatened staff$/,
    )
    const kept = await t.db
      .selectFrom('referral')
      .select('status')
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow()
    expect(kept.status).toBe('accepted')
    const enrollments = await t.db
      .selectFrom('enrollment')
      .select('id')
      .where('client_id', '=', household.clientIds[0]!)
      .where('project_id', '=', world.pshProjectId)
      .execute()
    expect(enrollments).toEqual([])
  })
})
