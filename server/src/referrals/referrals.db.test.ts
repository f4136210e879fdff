import { addDays, addWorkingDays } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { testUserActor } from '../access/client-access.fixtures'
import { canSeeReferral } from '../access/referral-policy'
import { runReferralTimers } from './referral-automation'
import {
  advanceDays,
  buildReferralWorld,
  queuedHousehold,
  queueStatusOf,
  type ReferralWorld,
} from './referrals.fixtures'
import { accessFactsOf } from './referrals.repository'

let t: TestApp
let world: ReferralWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)

async function postOpening(cookie: string, projectId: string, capacity = 1) {
  const response = await t.request({
    method: 'POST',
    url: '/api/openings',
    cookie,
    payload: { projectId, capacity, availableOn: today(), eligibilitySummary: 'Single adults or families' },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id as string
}

function refer(openingId: string, ceEnrollmentId: string, cookie = world.ceManager.cookie) {
  return t.request({
    method: 'POST',
    url: '/api/referrals',
    cookie,
    payload: { openingId, ceEnrollmentId },
  })
}

function act(id: string, action: string, cookie: string, payload?: object) {
  return t.request({
    method: 'POST',
    url: `/api/referrals/${id}/${action}`,
    cookie,
    ...(payload && { payload }),
  })
}

const ceEventOf = (referralId: string) =>
  t.db.selectFrom('ce_event').selectAll().where('referral_id', '=', referralId).executeTakeFirstOrThrow()

describe('closed-loop referral', () => {
  it('goes from the queue to an enrollment: candidates, referral, acknowledge, accept, enroll', async () => {
    const family = await queuedHousehold(world, 'Topfamily', { members: 2, score: 30 })
    await queuedHousehold(world, 'Secondperson', { score: 5 })
    const openingId = await postOpening(world.provider.cookie, world.rrhProjectId)

    const candidates = await t.request({
      method: 'GET',
      url: `/api/openings/${openingId}/candidates`,
      cookie: world.ceManager.cookie,
    })
    expect(candidates.statusCode, candidates.body).toBe(200)
    const [best] = candidates.json()
    expect(best.queueEntryId).toBe(family.queueEntryId)
    expect(best.householdLabel).toBe('Topfamily Queued')
    expect(best.explanation[0]).toMatch(/^Rank 1 /)

    // A provider cannot refer households to its own opening.
    expect((await refer(openingId, family.ceEnrollmentId, world.provider.cookie)).statusCode).toBe(403)

    const created = await refer(openingId, best.ceEnrollmentId)
    expect(created.statusCode, created.body).toBe(201)
    const referral = created.json()
    expect(referral).toMatchObject({ status: 'pending', stalled: false, sentOn: today() })
    expect(referral.members).toHaveLength(2)
    expect(referral.snapshot.rank).toBe(1)
    expect(referral.snapshot.values.score).toBe(30)
    expect(await queueStatusOf(t, family.queueEntryId)).toBe('referred')
    const event = await ceEventOf(referral.id)
    expect(event).toMatchObject({
      event_type: 13,
      location_project_id: world.rrhProjectId,
      referral_result: null,
    })

    const inbox = await t.request({ method: 'GET', url: '/api/notifications', cookie: world.provider.cookie })
    expect(inbox.json().unread).toBe(1)
    expect(inbox.json().notifications[0]).toMatchObject({
      kind: 'referral_received',
      referralId: referral.id,
    })
    expect(inbox.json().notifications[0].message).not.toContain('Topfamily')

    const incoming = await t.request({
      method: 'GET',
      url: '/api/referrals?direction=incoming&status=pending',
      cookie: world.provider.cookie,
    })
    expect(incoming.json().map((item: { id: string }) => item.id)).toEqual([referral.id])
    const otherIncoming = await t.request({
      method: 'GET',
      url: '/api/referrals?direction=incoming',
      cookie: world.otherProvider.cookie,
    })
    expect(otherIncoming.json()).toEqual([])
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/referrals/${referral.id}`,
          cookie: world.otherProvider.cookie,
        })
      ).statusCode,
    ).toBe(404)

    expect((await act(referral.id, 'enroll', world.provider.cookie, { entryDate: today() })).statusCode).toBe(
      409,
    )
    const acknowledged = await act(referral.id, 'acknowledge', world.provider.cookie)
    expect(acknowledged.json().status, acknowledged.body).toBe('acknowledged')
    const accepted = await act(referral.id, 'accept', world.provider.cookie, {
      note: 'Unit walk-through set',
    })
    expect(accepted.json().status).toBe('accepted')
    expect(await ceEventOf(referral.id)).toMatchObject({ referral_result: 1, result_date: today() })

    const enrolled = await act(referral.id, 'enroll', world.provider.cookie, { entryDate: today() })
    expect(enrolled.statusCode, enrolled.body).toBe(200)
    const detail = enrolled.json()
    expect(detail.status).toBe('enrolled')
    expect(detail.history.map((change: { toStatus: string }) => change.toStatus)).toEqual([
      'pending',
      'acknowledged',
      'accepted',
      'enrolled',
    ])
    expect(detail.history[2].note).toBe('Unit walk-through set')
    const placed = await t.db
      .selectFrom('enrollment')
      .select(['client_id', 'relationship_to_hoh', 'owner_organization_id', 'project_id'])
      .where('enrollment_household_id', '=', detail.placementHouseholdId)
      .orderBy('relationship_to_hoh')
      .execute()
    expect(placed).toEqual([
      {
        client_id: family.clientIds[0],
        relationship_to_hoh: 1,
        owner_organization_id: world.rrhOrg.id,
        project_id: world.rrhProjectId,
      },
      {
        client_id: family.clientIds[1],
        relationship_to_hoh: 2,
        owner_organization_id: world.rrhOrg.id,
        project_id: world.rrhProjectId,
      },
    ])
    expect(await queueStatusOf(t, family.queueEntryId)).toBe('housed')
    const opening = await t.request({
      method: 'GET',
      url: `/api/openings/${openingId}`,
      cookie: world.provider.cookie,
    })
    expect(opening.json()).toMatchObject({ closed: true, slotsFilled: 1 })
    const events = await t.request({
      method: 'GET',
      url: `/api/enrollments/${family.ceEnrollmentId}/ce-events`,
      cookie: world.ceManager.cookie,
    })
    expect(events.json()).toEqual([
      expect.objectContaining({
        eventType: 13,
        referralResult: 1,
        resultDate: today(),
        referralId: referral.id,
      }),
    ])
  })

  it('a provider decline needs a reason; its consequence sets the queue status and lifts after N days', async () => {
    const household = await queuedHousehold(world, 'Declined')
    const openingId = await postOpening(world.ceManager.cookie, world.rrhProjectId)
    const referral = (await refer(openingId, household.ceEnrollmentId)).json()

    const noReason = await act(referral.id, 'decline', world.provider.cookie, { declinedBy: 'provider' })
    expect(noReason.statusCode).toBe(400)
    const unknown = await act(referral.id, 'decline', world.provider.cookie, {
      declinedBy: 'provider',
      reasonCode: 'not_a_reason',
    })
    expect(unknown.statusCode).toBe(400)
    // CE may record the client's answer, but never declines on the provider's behalf.
    expect(
      (
        await act(referral.id, 'decline', world.ceManager.cookie, {
          declinedBy: 'provider',
          reasonCode: 'other',
        })
      ).statusCode,
    ).toBe(403)

    const declined = await act(referral.id, 'decline', world.provider.cookie, {
      declinedBy: 'provider',
      reasonCode: 'not_located',
      note: 'Three calls, no answer',
    })
    expect(declined.statusCode, declined.body).toBe(200)
    expect(declined.json()).toMatchObject({
      status: 'declined_by_provider',
      declineReasonCode: 'not_located',
    })
    expect(await ceEventOf(referral.id)).toMatchObject({ referral_result: 3 })
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('inactive')

    // The slot is free again: another household can be referred to the same opening.
    const next = await queuedHousehold(world, 'Nextup')
    expect((await refer(openingId, next.ceEnrollmentId)).statusCode).toBe(201)

    await advanceDays(world, 31)
    await runReferralTimers({ db: t.db, clock: t.clock })
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('ready')
  })

  it('a client decline returns the household at the same rank; cancel frees the slot', async () => {
    const household = await queuedHousehold(world, 'Clientsaysno')
    const openingId = await postOpening(world.ceManager.cookie, world.rrhProjectId)
    const referral = (await refer(openingId, household.ceEnrollmentId)).json()
    const declined = await act(referral.id, 'decline', world.ceManager.cookie, { declinedBy: 'client' })
    expect(declined.json().status).toBe('declined_by_client')
    expect(await ceEventOf(referral.id)).toMatchObject({ referral_result: 2 })
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('ready')

    const again = (await refer(openingId, household.ceEnrollmentId)).json()
    expect(
      (await act(again.id, 'cancel', world.provider.cookie, { reason: 'filled_otherwise' })).statusCode,
    ).toBe(403)
    const cancelled = await act(again.id, 'cancel', world.ceManager.cookie, { reason: 'entered_in_error' })
    expect(cancelled.json().status).toBe('cancelled')
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('ready')
  })

  it('allows one active referral per household and program type, and no more than the capacity', async () => {
    const household = await queuedHousehold(world, 'Onlyone')
    const first = await postOpening(world.ceManager.cookie, world.rrhProjectId)
    const second = await postOpening(world.ceManager.cookie, world.otherRrhProjectId)
    const psh = await postOpening(world.ceManager.cookie, world.pshProjectId)
    expect((await refer(first, household.ceEnrollmentId)).statusCode).toBe(201)
    const duplicate = await refer(second, household.ceEnrollmentId)
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().error.message).toMatch(/already has an active referral/)
    expect((await refer(psh, household.ceEnrollmentId)).statusCode).toBe(201)
    const other = await queuedHousehold(world, 'Toolate')
    const full = await refer(first, other.ceEnrollmentId)
    expect(full.statusCode).toBe(409)
    expect(full.json().error.message).toMatch(/no free slot/)
  })

  it('shows overdue referrals as stalled, reminds once, then expires them back to the queue', async () => {
    const household = await queuedHousehold(world, 'Waiting')
    const openingId = await postOpening(world.ceManager.cookie, world.otherRrhProjectId)
    const referral = (await refer(openingId, household.ceEnrollmentId)).json()
    expect(referral.acknowledgeDueOn > referral.sentOn).toBe(true)

    await advanceDays(world, 6)
    const stalled = await t.request({
      method: 'GET',
      url: '/api/referrals?direction=outgoing&stalled=true',
      cookie: world.ceManager.cookie,
    })
    expect(stalled.json().map((item: { id: string }) => item.id)).toContain(referral.id)
    expect(stalled.json().find((item: { id: string }) => item.id === referral.id).stalled).toBe(true)
    const first = await runReferralTimers({ db: t.db, clock: t.clock })
    expect(first.reminded).toBeGreaterThanOrEqual(1)
    expect((await runReferralTimers({ db: t.db, clock: t.clock })).reminded).toBe(0)
    const reminders = await t.request({
      method: 'GET',
      url: '/api/notifications',
      cookie: world.otherProvider.cookie,
    })
    expect(reminders.json().notifications.map((item: { kind: string }) => item.kind)).toContain(
      'referral_reminder',
    )

    await advanceDays(world, 20)
    const round = await runReferralTimers({ db: t.db, clock: t.clock })
    expect(round.expired).toBeGreaterThanOrEqual(1)
    const expired = await t.request({
      method: 'GET',
      url: `/api/referrals/${referral.id}`,
      cookie: world.ceManager.cookie,
    })
    expect(expired.json()).toMatchObject({ status: 'expired', stalled: false })
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('ready')
    const opening = await t.request({
      method: 'GET',
      url: `/api/openings/${openingId}`,
      cookie: world.ceManager.cookie,
    })
    expect(opening.json().slotsTaken).toBe(0)
  })
})

describe('decline reasons', () => {
  it('are the CoC admin’s to configure, and a configured consequence applies to the next decline', async () => {
    const reasons = [
      { code: 'no_units', label: 'No unit of the right size', consequence: 'inactive', inactiveDays: 7 },
      { code: 'other', label: 'Other', consequence: 'return_same_rank' },
    ]
    const byProvider = await t.request({
      method: 'PUT',
      url: '/api/referrals/decline-reasons',
      cookie: world.provider.cookie,
      payload: { reasons },
    })
    expect(byProvider.statusCode).toBe(403)
    const mismatched = await t.request({
      method: 'PUT',
      url: '/api/referrals/decline-reasons',
      cookie: world.coordinator.cookie,
      payload: { reasons: [{ code: 'x', label: 'X', consequence: 'return_same_rank', inactiveDays: 3 }] },
    })
    expect(mismatched.statusCode).toBe(400)
    const saved = await t.request({
      method: 'PUT',
      url: '/api/referrals/decline-reasons',
      cookie: world.coordinator.cookie,
      payload: { reasons },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const listed = await t.request({
      method: 'GET',
      url: '/api/referrals/decline-reasons',
      cookie: world.provider.cookie,
    })
    expect(listed.json().map((reason: { code: string }) => reason.code)).toEqual(['no_units', 'other'])

    const household = await queuedHousehold(world, 'Configured')
    const openingId = await postOpening(world.ceManager.cookie, world.pshProjectId)
    const referral = (await refer(openingId, household.ceEnrollmentId)).json()
    const oldReason = await act(referral.id, 'decline', world.otherProvider.cookie, {
      declinedBy: 'provider',
      reasonCode: 'not_located',
    })
    expect(oldReason.statusCode).toBe(400)
    const declined = await act(referral.id, 'decline', world.otherProvider.cookie, {
      declinedBy: 'provider',
      reasonCode: 'no_units',
    })
    expect(declined.statusCode, declined.body).toBe(200)
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('inactive')
    const row = await t.db
      .selectFrom('referral')
      .select('queue_inactive_until')
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow()
    expect(row.queue_inactive_until).toBe(addDays(today(), 7))
  })
})

describe('timers', () => {
  it('follow the CoC’s setting for the project type', async () => {
    const timers = [
      { projectType: null, acknowledgeWorkingDays: 2, decisionDays: 7, expireDays: 14 },
      { projectType: 3, acknowledgeWorkingDays: 5, decisionDays: 15, expireDays: 30 },
    ]
    const put = (cookie: string, payload: object) =>
      t.request({ method: 'PUT', url: '/api/referrals/timers', cookie, payload })
    expect((await put(world.ceManager.cookie, { timers })).statusCode).toBe(403)
    const invalid = await put(world.coordinator.cookie, {
      timers: [{ projectType: null, acknowledgeWorkingDays: 2, decisionDays: 9, expireDays: 5 }],
    })
    expect(invalid.statusCode).toBe(400)
    const saved = await put(world.coordinator.cookie, { timers })
    expect(saved.statusCode, saved.body).toBe(200)
    // Enrolling still houses the household unless a timer row says otherwise (referral-fill.db.test.ts).
    expect(saved.json().timers).toEqual(
      [timers[1], timers[0]].map((timer) => ({ ...timer, housedOnEnroll: true })),
    )

    const household = await queuedHousehold(world, 'Timed')
    const psh = (
      await refer(await postOpening(world.ceManager.cookie, world.pshProjectId), household.ceEnrollmentId)
    ).json()
    expect(psh).toMatchObject({
      acknowledgeDueOn: addWorkingDays(today(), 5),
      decisionDueOn: addDays(today(), 15),
      expiresOn: addDays(today(), 30),
    })
    const rrh = (
      await refer(await postOpening(world.ceManager.cookie, world.rrhProjectId), household.ceEnrollmentId)
    ).json()
    expect(rrh).toMatchObject({
      acknowledgeDueOn: addWorkingDays(today(), 2),
      decisionDueOn: addDays(today(), 7),
    })
    expect((await put(world.coordinator.cookie, { timers: [] })).statusCode).toBe(200)
  })
})

describe('list visibility', () => {
  it('lists exactly the referrals canSeeReferral allows, for every kind of viewer', async () => {
    const rows = await t.db.selectFrom('referral').selectAll().execute()
    expect(rows.length).toBeGreaterThan(3)
    const viewers = [
      { user: world.ceManager, organizationId: world.ceOrg.id, role: 'ce_manager' as const },
      { user: world.coordinator, organizationId: world.ceOrg.id, role: 'coc_admin' as const },
      { user: world.provider, organizationId: world.rrhOrg.id, role: 'housing_provider' as const },
      { user: world.otherProvider, organizationId: world.otherOrg.id, role: 'housing_provider' as const },
    ]
    for (const viewer of viewers) {
      const actor = testUserActor(viewer.role, viewer.organizationId, world.coc.id, viewer.user.id)
      const expected = rows.filter((row) => canSeeReferral(actor, accessFactsOf(row))).map((row) => row.id)
      const listed = await t.request({ method: 'GET', url: '/api/referrals', cookie: viewer.user.cookie })
      expect(
        listed
          .json()
          .map((item: { id: string }) => item.id)
          .sort(),
        viewer.role,
      ).toEqual(expected.sort())
    }
  })
})

describe('racing referrals to the last slot', () => {
  it('of 50 simultaneous attempts exactly one succeeds and the others get 409, every round', async () => {
    const households = []
    for (let index = 0; index < 50; index++) households.push(await queuedHousehold(world, `Racer${index}`))
    for (let round = 0; round < 3; round++) {
      const openingId = await postOpening(world.ceManager.cookie, world.rrhProjectId, 2)
      const warmup = await queuedHousehold(world, `Holder${round}`)
      expect((await refer(openingId, warmup.ceEnrollmentId)).statusCode).toBe(201)
      const responses = await Promise.all(
        households.map((household) => refer(openingId, household.ceEnrollmentId)),
      )
      const statuses = responses.map((response) => response.statusCode)
      expect(statuses.filter((status) => status === 201)).toHaveLength(1)
      expect(statuses.filter((status) => status === 409)).toHaveLength(49)
      const taken = await t.db
        .selectFrom('referral')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('opening_id', '=', openingId)
        .where('status', 'in', ['pending', 'acknowledged', 'accepted', 'enrolled'])
        .executeTakeFirstOrThrow()
      expect(Number(taken.count)).toBe(2)
      // Free the winner for the next round.
      const winner = responses.find((response) => response.statusCode === 201)?.json()
      expect(
        (await act(winner.id, 'cancel', world.ceManager.cookie, { reason: 'entered_in_error' })).statusCode,
      ).toBe(200)
    }
  })
})
