import { addDays } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { createBed, createFacility } from '../beds/beds.fixtures'
import { insertTestClient } from '../households/household.fixtures'
import { buildReferralWorld, queuedHousehold, queueStatusOf, type ReferralWorld } from './referrals.fixtures'

// A referral to an opening linked to a bed or a unit fills it: accepting holds the beds, enrolling checks
// the members in (the CE manager's "available tonight" count drops by the beds filled), declining or
// cancelling releases the hold, a check-in racing the enrollment leaves exactly one winner. And the CoC's
// setting whether enrolling through a referral houses the household or keeps it on the queue.

let t: TestApp
let world: ReferralWorld
let facilityId: string
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
  facilityId = (
    await createFacility(t.db, {
      cocId: world.coc.id,
      organizationId: world.rrhOrg.id,
      name: 'Rapid Homes Flats',
    })
  ).id
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)

/** A unit of the RRH project with `count` beds (household type 3: with children). */
async function unitWithBeds(unit: string, count: number, householdType = 3) {
  const beds = []
  for (let index = 1; index <= count; index++) {
    beds.push(
      await createBed(t.db, {
        facilityId,
        projectId: world.rrhProjectId,
        unit,
        name: `${unit}-${index}`,
        householdType,
      }),
    )
  }
  return { unitId: beds[0]!.unitId, bedIds: beds.map((bed) => bed.id) }
}

async function postOpening(link: { unitId?: string; bedId?: string }) {
  return t.request({
    method: 'POST',
    url: '/api/openings',
    cookie: world.provider.cookie,
    payload: { projectId: world.rrhProjectId, availableOn: today(), ...link },
  })
}

async function openingFor(link: { unitId?: string; bedId?: string }): Promise<string> {
  const response = await postOpening(link)
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id
}

function act(id: string, action: string, cookie: string, payload?: object) {
  return t.request({
    method: 'POST',
    url: `/api/referrals/${id}/${action}`,
    cookie,
    ...(payload && { payload }),
  })
}

/** A queued household referred by CE to the opening. */
async function referral(openingId: string, name: string, members = 1) {
  const household = await queuedHousehold(world, name, { members })
  const created = await t.request({
    method: 'POST',
    url: '/api/referrals',
    cookie: world.ceManager.cookie,
    payload: { openingId, ceEnrollmentId: household.ceEnrollmentId },
  })
  expect(created.statusCode, created.body).toBe(201)
  return { id: created.json().id as string, household }
}

/** …and accepted by the provider. */
async function acceptedReferral(openingId: string, name: string, members = 1) {
  const { id, household } = await referral(openingId, name, members)
  const accepted = await act(id, 'accept', world.provider.cookie)
  expect(accepted.statusCode, accepted.body).toBe(200)
  return { id, household }
}

/** The CE manager's "available tonight" for the RRH beds of the facility, one household type. */
async function availableTonight(householdType: number): Promise<number> {
  const response = await t.request({
    method: 'GET',
    url: '/api/availability',
    cookie: world.ceManager.cookie,
  })
  expect(response.statusCode, response.body).toBe(200)
  return (
    response.json().items as {
      facilityId: string
      projectType: number
      householdType: number
      availableTonight: number
    }[]
  )
    .filter(
      (item) =>
        item.facilityId === facilityId && item.projectType === 13 && item.householdType === householdType,
    )
    .reduce((sum, item) => sum + item.availableTonight, 0)
}

const holdsOf = (referralId: string) =>
  t.db
    .selectFrom('reservation')
    .innerJoin('bed', 'bed.id', 'reservation.bed_id')
    .select(['reservation.bed_id as bedId', 'reservation.status', 'reservation.start_date as startDate'])
    .where('reservation.referral_id', '=', referralId)
    .orderBy('bed.name')
    .execute()

const openStaysOn = (bedId: string) =>
  t.db
    .selectFrom('bed_stay')
    .select(['client_id as clientId', 'enrollment_id as enrollmentId'])
    .where('bed_id', '=', bedId)
    .where('ended_by', 'is', null)
    .execute()

/** A client of the RRH agency with an open enrollment in the RRH project (someone else for the bed). */
async function otherResident(name: string) {
  const clientId = await insertTestClient(t.db, {
    cocId: world.coc.id,
    ownerOrganizationId: world.rrhOrg.id,
    firstName: name,
    lastName: 'Walkin',
    dob: '1980-01-01',
  })
  const household = await t.db
    .insertInto('enrollment_household')
    .values({ project_id: world.rrhProjectId, coc_id: world.coc.id, owner_organization_id: world.rrhOrg.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: world.rrhProjectId,
      relationship_to_hoh: 1,
      entry_date: '2026-01-05',
      owner_organization_id: world.rrhOrg.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { clientId, enrollmentId: enrollment.id }
}

const checkIn = (bedId: string, resident: { clientId: string; enrollmentId: string }) =>
  t.request({
    method: 'POST',
    url: '/api/stays',
    cookie: world.provider.cookie,
    payload: { bedId, ...resident },
  })

describe('an opening linked to a bed or unit', () => {
  it('refuses a bed that is offline, or occupied without accepting referrals (422)', async () => {
    const offline = await unitWithBeds('Offline', 1, 1)
    await t.db
      .insertInto('bed_offline')
      .values({ bed_id: offline.bedIds[0]!, during: `[${t.clock.now().toISOString()},)`, reason: 'Repairs' })
      .execute()
    const refusedOffline = await postOpening({ bedId: offline.bedIds[0]! })
    expect(refusedOffline.statusCode).toBe(422)
    expect(refusedOffline.json().error.message).toBe(
      'Bed Offline-1 cannot take a referral: it is offline. Link a bed that is available, or occupied with ' +
        'an expected vacancy date (accepting referrals)',
    )
    const refusedUnit = await postOpening({ unitId: offline.unitId })
    expect(refusedUnit.statusCode).toBe(422)
    expect(refusedUnit.json().error.message).toMatch(/^No bed of that unit can take a referral/)

    const occupied = await unitWithBeds('Occupied', 1, 1)
    const stay = await checkIn(occupied.bedIds[0]!, await otherResident('Occupant'))
    expect(stay.statusCode, stay.body).toBe(201)
    const refusedOccupied = await postOpening({ bedId: occupied.bedIds[0]! })
    expect(refusedOccupied.statusCode).toBe(422)
    expect(refusedOccupied.json().error.message).toMatch(/it is occupied with no expected vacancy date/)

    // Occupied with an expected vacancy date: accepting referrals, so it may be linked.
    const vacancy = await t.request({
      method: 'POST',
      url: `/api/stays/${stay.json().id}/expected-vacancy`,
      cookie: world.provider.cookie,
      payload: { date: addDays(today(), 3) },
    })
    expect(vacancy.statusCode, vacancy.body).toBe(200)
    const openingId = await openingFor({ bedId: occupied.bedIds[0]! })

    // The hold then starts on the day the resident is expected to leave.
    const { id } = await acceptedReferral(openingId, 'Vacating')
    expect(await holdsOf(id)).toEqual([
      { bedId: occupied.bedIds[0], status: 'active', startDate: addDays(today(), 3) },
    ])
  })

  it('accepting holds the unit’s beds; enrolling checks the members in and the availability count drops', async () => {
    const unit = await unitWithBeds('Apt 10', 2)
    const before = await availableTonight(3)
    const openingId = await openingFor({ unitId: unit.unitId })
    const { id, household } = await acceptedReferral(openingId, 'Family', 3)

    // One bed per member, as many as the unit has; both held for the household from today.
    expect(await holdsOf(id)).toEqual(
      unit.bedIds.map((bedId) => ({ bedId, status: 'active', startDate: today() })),
    )
    expect(await availableTonight(3)).toBe(before - 2)
    // Someone else cannot be checked into a held bed.
    const walkIn = await checkIn(unit.bedIds[0]!, await otherResident('Walkin'))
    expect(walkIn.statusCode).toBe(409)
    expect(walkIn.json().error.message).toMatch(/^Bed Apt 10-1 is held for another household/)

    const enrolled = await act(id, 'enroll', world.provider.cookie, { entryDate: today() })
    expect(enrolled.statusCode, enrolled.body).toBe(200)
    const placement = await t.db
      .selectFrom('enrollment')
      .select(['id', 'client_id as clientId'])
      .where('enrollment_household_id', '=', enrolled.json().placementHouseholdId)
      .orderBy('relationship_to_hoh')
      .orderBy('client_id')
      .execute()
    expect(placement).toHaveLength(3)
    const stays = [...(await openStaysOn(unit.bedIds[0]!)), ...(await openStaysOn(unit.bedIds[1]!))]
    expect(stays).toHaveLength(2)
    // Each stay is under the member's new enrollment; the head of household has a bed; the member beyond
    // the unit's beds is enrolled without one.
    for (const stay of stays)
      expect(placement).toContainEqual({ id: stay.enrollmentId, clientId: stay.clientId })
    expect(stays.map((stay) => stay.clientId)).toContain(household.clientIds[0])
    expect(await holdsOf(id)).toEqual(
      unit.bedIds.map((bedId) => ({ bedId, status: 'checked_in', startDate: today() })),
    )
    expect(await availableTonight(3)).toBe(before - 2)
    expect(await queueStatusOf(t, household.queueEntryId)).toBe('housed')
  })

  it('declining or cancelling an accepted referral releases the hold', async () => {
    const unit = await unitWithBeds('Apt 20', 2, 1)
    const before = await availableTonight(1)
    const declined = await acceptedReferral(await openingFor({ bedId: unit.bedIds[0]! }), 'Declining')
    const cancelled = await acceptedReferral(await openingFor({ bedId: unit.bedIds[1]! }), 'Cancelling')
    expect(await availableTonight(1)).toBe(before - 2)

    const decline = await act(declined.id, 'decline', world.provider.cookie, { declinedBy: 'client' })
    expect(decline.statusCode, decline.body).toBe(200)
    expect((await holdsOf(declined.id)).map((hold) => hold.status)).toEqual(['cancelled'])
    expect(await availableTonight(1)).toBe(before - 1)

    const cancel = await act(cancelled.id, 'cancel', world.ceManager.cookie, { reason: 'filled_otherwise' })
    expect(cancel.statusCode, cancel.body).toBe(200)
    expect((await holdsOf(cancelled.id)).map((hold) => hold.status)).toEqual(['cancelled'])
    expect(await availableTonight(1)).toBe(before)
    // The released bed takes someone else again.
    expect((await checkIn(unit.bedIds[0]!, await otherResident('Next'))).statusCode).toBe(201)
  })

  it('an accept that cannot hold the bed fails with a clear 409 and changes nothing', async () => {
    const unit = await unitWithBeds('Taken', 1, 1)
    const { id } = await referral(await openingFor({ bedId: unit.bedIds[0]! }), 'Toolate')
    expect((await checkIn(unit.bedIds[0]!, await otherResident('Faster'))).statusCode).toBe(201)

    const accepted = await act(id, 'accept', world.provider.cookie)
    expect(accepted.statusCode).toBe(409)
    expect(accepted.json().error.message).toBe(
      'The opening’s bed is not free to hold for the household (offline, held for another household, out of ' +
        'service, or occupied with no expected vacancy date): the referral was not accepted',
    )
    const row = await t.db
      .selectFrom('referral')
      .leftJoin('ce_event', 'ce_event.referral_id', 'referral.id')
      .select(['referral.status', 'ce_event.referral_result as referralResult'])
      .where('referral.id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'pending', referralResult: null })
    expect(await holdsOf(id)).toEqual([])
  })

  it('enrolling after someone else took the bed fails with a clear 409 and saves nothing', async () => {
    const unit = await unitWithBeds('Lapsed', 1, 1)
    const bedId = unit.bedIds[0]!
    const { id } = await acceptedReferral(await openingFor({ bedId }), 'Lapsed')
    // The hold expired unused (the beds' no-show rule) and a walk-in took the bed.
    await t.db.updateTable('reservation').set({ status: 'expired' }).where('referral_id', '=', id).execute()
    expect((await checkIn(bedId, await otherResident('Walkin'))).statusCode).toBe(201)

    const enroll = await act(id, 'enroll', world.provider.cookie, { entryDate: today() })
    expect(enroll.statusCode).toBe(409)
    expect(enroll.json().error.message).toBe(
      'The household was not enrolled: Bed Lapsed-1 is already occupied',
    )
    const row = await t.db
      .selectFrom('referral')
      .select(['status', 'placement_household_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'accepted', placement_household_id: null })
    const enrollments = await t.db
      .selectFrom('enrollment')
      .innerJoin('referral_member', 'referral_member.client_id', 'enrollment.client_id')
      .select('enrollment.id')
      .where('referral_member.referral_id', '=', id)
      .where('enrollment.project_id', '=', world.rrhProjectId)
      .execute()
    expect(enrollments).toEqual([])
  })

  for (const round of [1, 2]) {
    it(`a check-in racing the enrollment for the bed: exactly one wins, the other gets a clear 409 (${round})`, async () => {
      const unit = await unitWithBeds(`Race ${round}`, 1, 1)
      const bedId = unit.bedIds[0]!
      const { id, household } = await acceptedReferral(await openingFor({ bedId }), `Racer${round}`)
      // The hold lapses (the shelter released it): the bed is free for whoever is first.
      const [hold] = await t.db.selectFrom('reservation').select('id').where('referral_id', '=', id).execute()
      const released = await t.request({
        method: 'POST',
        url: `/api/reservations/${hold!.id}/cancel`,
        cookie: world.provider.cookie,
      })
      expect(released.statusCode, released.body).toBe(200)
      const walkIn = await otherResident(`Rival${round}`)

      const [stay, enroll] = await Promise.all([
        checkIn(bedId, walkIn),
        act(id, 'enroll', world.provider.cookie, { entryDate: today() }),
      ])
      const checkedIn = stay.statusCode === 201
      expect(checkedIn ? enroll.statusCode : [stay.statusCode, enroll.statusCode]).toEqual(
        checkedIn ? 409 : [409, 200],
      )
      const occupants = await openStaysOn(bedId)
      expect(occupants).toHaveLength(1)
      const referral = await t.db
        .selectFrom('referral')
        .select(['status', 'placement_household_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      if (checkedIn) {
        expect(enroll.json().error.message).toBe(
          `The household was not enrolled: Bed Race ${round}-1 is already occupied`,
        )
        expect(occupants[0]?.clientId).toBe(walkIn.clientId)
        expect(referral).toEqual({ status: 'accepted', placement_household_id: null })
      } else {
        expect(stay.json().error.message).toBe(`Bed Race ${round}-1 is already occupied`)
        expect(occupants[0]?.clientId).toBe(household.clientIds[0])
        expect(referral.status).toBe('enrolled')
      }
    })
  }
})

describe('housed on enroll, per CoC and project type', () => {
  const timer = { acknowledgeWorkingDays: 3, decisionDays: 10, expireDays: 20 }
  const putTimers = (timers: object[]) =>
    t.request({
      method: 'PUT',
      url: '/api/referrals/timers',
      cookie: world.coordinator.cookie,
      payload: { timers },
    })

  it('defaults to housed, and a CoC may keep households enrolled in a project type on the queue', async () => {
    const saved = await putTimers([
      { projectType: null, ...timer },
      { projectType: 13, ...timer, housedOnEnroll: false },
    ])
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().timers).toEqual([
      { projectType: 13, ...timer, housedOnEnroll: false },
      { projectType: null, ...timer, housedOnEnroll: true },
    ])
    const stored = await t.db
      .selectFrom('referral_timer_setting')
      .select(['project_type', 'housed_on_enroll'])
      .where('coc_id', '=', world.coc.id)
      .orderBy('project_type')
      .execute()
    expect(stored).toEqual([
      { project_type: 13, housed_on_enroll: false },
      { project_type: null, housed_on_enroll: true },
    ])

    const { id, household } = await acceptedReferral(await openingFor({}), 'Staysqueued')
    const enrolled = await act(id, 'enroll', world.provider.cookie, { entryDate: today() })
    expect(enrolled.statusCode, enrolled.body).toBe(200)
    const entry = await t.db
      .selectFrom('queue_entry')
      .select(['status', 'status_reason'])
      .where('id', '=', household.queueEntryId)
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({
      status: 'ready',
      status_reason: 'enrolled in Rapid Homes RRH; stays on the queue for other program types',
    })

    // Back to the defaults: enrolling houses the household again.
    expect((await putTimers([])).statusCode).toBe(200)
    const housed = await acceptedReferral(await openingFor({}), 'Housedagain')
    expect((await act(housed.id, 'enroll', world.provider.cookie, { entryDate: today() })).statusCode).toBe(
      200,
    )
    expect(await queueStatusOf(t, housed.household.queueEntryId)).toBe('housed')
  })
})
