import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import type { UserActor } from '../access/actor'
import { canSeeFacilityBoard } from '../access/bed-policy'
import { autoCheckOut } from './auto-check-out'
import { activeBarFor } from './bars'
import { startBedAutomation } from './bed-automation'
import {
  type BedWorld,
  buildBedWorld,
  createBed,
  createClient,
  createFacility,
  createProject,
  enroll,
  enrolledClient,
} from './beds.fixtures'
import { expireReservations } from './expire-reservations'

let t: TestApp
let world: BedWorld
let counter = 0
beforeAll(async () => {
  t = await createTestApp()
  world = await buildBedWorld(t)
})
afterAll(() => t.close())

const as = (user: { cookie: string }, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.request({
    method,
    url,
    cookie: user.cookie,
    ...(payload !== undefined && { payload: payload as object }),
  })

/** A fresh bed in its own room of Harbor House, so tests don't share state. */
async function freshBed(projectId = world.shelterProject.id) {
  counter += 1
  return createBed(t.db, {
    facilityId: world.facility.id,
    projectId,
    unit: `Room ${counter}`,
    name: `Bed ${counter}`,
  })
}

async function newResident(projectId = world.shelterProject.id) {
  counter += 1
  return enrolledClient(t, world, { first: `Resident${counter}`, last: 'Testperson' }, projectId)
}

async function checkIn(bedId: string, resident: { clientId: string; enrollmentId: string }) {
  return as(world.users.staff, 'POST', '/api/stays', { bedId, ...resident })
}

async function boardBed(user: { cookie: string }, bedId: string) {
  const response = await as(user, 'GET', `/api/facilities/${world.facility.id}/beds`)
  expect(response.statusCode).toBe(200)
  return response.json().beds.find((bed: { id: string }) => bed.id === bedId)
}

describe('inventory management', () => {
  it('lets the agency admin add a facility and beds; the HUD inventory follows', async () => {
    const facility = await as(world.users.admin, 'POST', '/api/facilities', {
      organizationId: world.harbor.id,
      name: 'Harbor Annex',
      address: '2 Dock St',
    })
    expect(facility.statusCode).toBe(201)
    expect(facility.json()).toMatchObject({
      name: 'Harbor Annex',
      organizationName: 'Harbor Shelter',
      bedCount: 0,
    })
    const id = facility.json().id
    const bed = {
      building: 'North',
      unit: 'Room 9',
      name: 'Annex 1',
      projectId: world.shelterProject.id,
      householdType: 4,
      dedicatedPopulation: 'youth',
      activeFrom: '2026-06-01',
      activeTo: '2026-09-30',
      availability: 2,
    }
    const added = await as(world.users.admin, 'POST', `/api/facilities/${id}/beds`, bed)
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ facilityId: id, householdType: 4, bedType: 1, availability: 2 })
    expect((await as(world.users.admin, 'POST', `/api/facilities/${id}/beds`, bed)).statusCode).toBe(409)

    const inventory = await as(world.users.staff, 'GET', `/api/projects/${world.shelterProject.id}/inventory`)
    expect(inventory.json().items).toContainEqual(
      expect.objectContaining({
        householdType: 4,
        availability: 2,
        inventoryStartDate: '2026-06-01',
        inventoryEndDate: '2026-09-30',
        unitInventory: 1,
        bedInventory: 1,
        youthBedInventory: 1,
        otherBedInventory: 0,
      }),
    )
  })

  it("refuses staff (403), another agency's project (400) and bad HUD codes (400)", async () => {
    const bed = {
      unit: 'Room X',
      name: 'X1',
      projectId: world.shelterProject.id,
      householdType: 1,
      activeFrom: '2026-01-01',
    }
    const staff = await as(world.users.staff, 'POST', `/api/facilities/${world.facility.id}/beds`, bed)
    expect(staff.statusCode).toBe(403)
    const northProject = await createProject(t.db, world.northside, 'North Drop-in Beds', 1)
    const foreign = await as(world.users.admin, 'POST', `/api/facilities/${world.facility.id}/beds`, {
      ...bed,
      projectId: northProject.id,
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error.message).toContain('must be a project of Harbor Shelter')
    const badCode = await as(world.users.admin, 'POST', `/api/facilities/${world.facility.id}/beds`, {
      ...bed,
      householdType: 2,
    })
    expect(badCode.statusCode).toBe(400)
    const staffFacility = await as(world.users.staff, 'POST', '/api/facilities', {
      organizationId: world.harbor.id,
      name: 'Not allowed',
    })
    expect(staffFacility.statusCode).toBe(403)
  })
})

describe('check-in and the board', () => {
  it('checks a client in; the board names them for the shelter and CE, not for analysts', async () => {
    const bed = await freshBed()
    const resident = await newResident()
    const response = await checkIn(bed.id, resident)
    expect(response.statusCode).toBe(201)
    const stay = response.json()
    expect(stay).toMatchObject({ bedId: bed.id, clientId: resident.clientId, endedAt: null })

    const forStaff = await boardBed(world.users.staff, bed.id)
    expect(forStaff.state).toBe('occupied')
    expect(forStaff.stay).toMatchObject({ id: stay.id, clientId: resident.clientId })
    expect(forStaff.stay.residentName).toMatch(/^Resident\d+ Testperson$/)
    expect((await boardBed(world.users.ceManager, bed.id)).stay.residentName).toBe(forStaff.stay.residentName)
    const forAnalyst = await boardBed(world.users.analyst, bed.id)
    expect(forAnalyst.state).toBe('occupied')
    expect(forAnalyst.stay).toMatchObject({ clientId: null, residentName: null })

    const audit = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'facility.board.read')
      .where('actor_user_id', '=', world.users.staff.id)
      .execute()
    expect(JSON.stringify(audit)).toContain(resident.clientId)
  })

  it("hides a confidential client's name from the CE manager", async () => {
    const bed = await freshBed()
    const client = await createClient(t.db, world.harbor, { first: 'Hidden', last: 'Person' }, 'confidential')
    const enrollment = await enroll(t.db, {
      clientId: client.id,
      projectId: world.shelterProject.id,
      owner: world.harbor,
      entryDate: '2026-01-01',
    })
    expect((await checkIn(bed.id, { clientId: client.id, enrollmentId: enrollment.id })).statusCode).toBe(201)
    const forCe = await boardBed(world.users.ceManager, bed.id)
    expect(forCe.state).toBe('occupied')
    expect(forCe.stay).toMatchObject({ clientId: null, residentName: null })
    expect((await boardBed(world.users.staff, bed.id)).stay.residentName).toBe('Hidden Person')
  })

  it('records the check-in night for a night-by-night shelter', async () => {
    const bed = await freshBed()
    const resident = await newResident()
    const stay = (await checkIn(bed.id, resident)).json()
    const nights = await t.db.selectFrom('bed_night').select('night').where('stay_id', '=', stay.id).execute()
    expect(nights).toEqual([{ night: t.clock.now().toISOString().slice(0, 10) }])
  })

  it('refuses without an open enrollment in the bed’s project, saying so', async () => {
    const bed = await freshBed()
    const inOtherProject = await newResident(world.pshProject.id)
    const wrongProject = await checkIn(bed.id, inOtherProject)
    expect(wrongProject.statusCode).toBe(422)
    expect(wrongProject.json().error.message).toContain('no open enrollment in Harbor Night Shelter')

    const client = await createClient(t.db, world.harbor, { first: 'Exited', last: 'Before' })
    const exited = await enroll(t.db, {
      clientId: client.id,
      projectId: world.shelterProject.id,
      owner: world.harbor,
      entryDate: '2025-01-01',
      exitDate: '2025-02-01',
    })
    const response = await checkIn(bed.id, { clientId: client.id, enrollmentId: exited.id })
    expect(response.statusCode).toBe(422)
    expect(await t.db.selectFrom('bed_stay').select('id').where('bed_id', '=', bed.id).execute()).toEqual([])
  })

  it('refuses a second occupant and a client already in another bed (409)', async () => {
    const bed = await freshBed()
    const other = await freshBed()
    const first = await newResident()
    expect((await checkIn(bed.id, first)).statusCode).toBe(201)
    const second = await checkIn(bed.id, await newResident())
    expect(second.statusCode).toBe(409)
    expect(second.json().error.message).toContain('already occupied')
    const twice = await checkIn(other.id, first)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.message).toContain('already checked in')
  })

  it('checks a household in all together or not at all', async () => {
    const [bedA, bedB, taken] = [await freshBed(), await freshBed(), await freshBed()]
    expect((await checkIn(taken.id, await newResident())).statusCode).toBe(201)
    const [parent, child] = [await newResident(), await newResident()]
    const refused = await as(world.users.staff, 'POST', '/api/stays/household', {
      members: [
        { bedId: bedA.id, ...parent },
        { bedId: taken.id, ...child },
      ],
    })
    expect(refused.statusCode).toBe(409)
    expect(await t.db.selectFrom('bed_stay').select('id').where('bed_id', '=', bedA.id).execute()).toEqual([])

    const accepted = await as(world.users.staff, 'POST', '/api/stays/household', {
      members: [
        { bedId: bedA.id, ...parent },
        { bedId: bedB.id, ...child },
      ],
    })
    expect(accepted.statusCode).toBe(201)
    expect(accepted.json().items.map((stay: { bedId: string }) => stay.bedId)).toEqual([bedA.id, bedB.id])
  })

  it('lets only the running agency check in: others get 404, its analyst 403', async () => {
    const bed = await freshBed()
    const resident = await newResident()
    const outsider = await as(world.users.outsider, 'POST', '/api/stays', { bedId: bed.id, ...resident })
    expect(outsider.statusCode).toBe(404)
    const analyst = await as(world.users.analyst, 'POST', '/api/stays', { bedId: bed.id, ...resident })
    expect(analyst.statusCode).toBe(403)
    expect(
      (await as(world.users.outsider, 'GET', `/api/facilities/${world.facility.id}/beds`)).statusCode,
    ).toBe(404)
  })

  it('answers 400 for unknown fields and malformed ids', async () => {
    const bad = await as(world.users.staff, 'POST', '/api/stays', {
      bedId: 'x',
      clientId: 'y',
      enrollmentId: 'z',
    })
    expect(bad.statusCode).toBe(400)
    const bed = await freshBed()
    const extra = await as(world.users.staff, 'POST', '/api/stays', {
      bedId: bed.id,
      ...(await newResident()),
      organizationId: world.harbor.id,
    })
    expect(extra.statusCode).toBe(400)
  })
})

describe('check-out and moves', () => {
  it('checks out once; the bed is available again', async () => {
    const bed = await freshBed()
    const stay = (await checkIn(bed.id, await newResident())).json()
    const out = await as(world.users.staff, 'POST', `/api/stays/${stay.id}/check-out`)
    expect(out.statusCode).toBe(200)
    expect(out.json()).toMatchObject({ id: stay.id, endedBy: 'check_out' })
    expect(out.json().endedAt).not.toBeNull()
    expect((await boardBed(world.users.staff, bed.id)).state).toBe('available')
    const again = await as(world.users.staff, 'POST', `/api/stays/${stay.id}/check-out`)
    expect(again.statusCode).toBe(409)
  })

  it('moves a resident and keeps both stays in the history', async () => {
    const [from, to] = [await freshBed(), await freshBed()]
    const resident = await newResident()
    const stay = (await checkIn(from.id, resident)).json()
    const moved = await as(world.users.staff, 'POST', `/api/stays/${stay.id}/move`, { toBedId: to.id })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ bedId: to.id, movedFromStayId: stay.id, endedAt: null })
    const history = await t.db
      .selectFrom('bed_stay')
      .select(['bed_id', 'ended_by'])
      .where('client_id', '=', resident.clientId)
      .orderBy(sql`lower(during)`)
      .execute()
    expect(history.map((row) => [row.bed_id, row.ended_by])).toEqual([
      [from.id, 'move'],
      [to.id, null],
    ])
    expect((await boardBed(world.users.staff, from.id)).state).toBe('available')
    const psh = await freshBed(world.pshProject.id)
    const crossProject = await as(world.users.staff, 'POST', `/api/stays/${moved.json().id}/move`, {
      toBedId: psh.id,
    })
    expect(crossProject.statusCode).toBe(422)
  })
})

describe('expected vacancy', () => {
  it('marks an occupied bed as accepting referrals until check-out clears it', async () => {
    const bed = await freshBed()
    const stay = (await checkIn(bed.id, await newResident())).json()
    const past = await as(world.users.staff, 'POST', `/api/stays/${stay.id}/expected-vacancy`, {
      date: '2020-01-01',
    })
    expect(past.statusCode).toBe(400)
    const date = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10)
    const set = await as(world.users.staff, 'POST', `/api/stays/${stay.id}/expected-vacancy`, { date })
    expect(set.json()).toEqual({ bedId: bed.id, date })
    expect(await boardBed(world.users.staff, bed.id)).toMatchObject({
      state: 'occupied_accepting',
      expectedVacancyDate: date,
    })
    await as(world.users.staff, 'POST', `/api/stays/${stay.id}/check-out`)
    expect(await boardBed(world.users.staff, bed.id)).toMatchObject({
      state: 'available',
      expectedVacancyDate: null,
    })
  })
})

describe('reservations and offline beds', () => {
  it('holds a bed for a household; a second hold and other clients are refused; the household checks in', async () => {
    const bed = await freshBed()
    const today = t.clock.now().toISOString().slice(0, 10)
    const household = await newResident()
    const created = await as(world.users.ceManager, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      bedId: bed.id,
      startDate: today,
      endDate: today,
      clientIds: [household.clientId],
    })
    expect(created.statusCode).toBe(201)
    const reservation = created.json()
    expect(reservation).toMatchObject({
      status: 'active',
      unitId: bed.unitId,
      clientIds: [household.clientId],
    })
    expect((await boardBed(world.users.staff, bed.id)).hold).toMatchObject({ householdSize: 1, until: today })

    const secondHold = await as(world.users.staff, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      bedId: bed.id,
      startDate: today,
      endDate: today,
      clientIds: [(await newResident()).clientId],
    })
    expect(secondHold.statusCode).toBe(409)
    const stranger = await checkIn(bed.id, await newResident())
    expect(stranger.statusCode).toBe(409)
    expect(stranger.json().error.message).toContain('held for another household')

    const checkedIn = await checkIn(bed.id, { ...household, reservationId: reservation.id } as never)
    expect(checkedIn.statusCode).toBe(201)
    const stored = await t.db
      .selectFrom('reservation')
      .select('status')
      .where('id', '=', reservation.id)
      .executeTakeFirst()
    expect(stored?.status).toBe('checked_in')
  })

  it('cancels a reservation once', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    const created = await as(world.users.staff, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      startDate: today,
      endDate: today,
      clientIds: [(await newResident()).clientId],
    })
    expect(created.statusCode).toBe(201)
    const cancel = await as(world.users.staff, 'POST', `/api/reservations/${created.json().id}/cancel`)
    expect(cancel.json().status).toBe('cancelled')
    expect(
      (await as(world.users.staff, 'POST', `/api/reservations/${created.json().id}/cancel`)).statusCode,
    ).toBe(409)
  })

  it('takes an empty bed offline with a reason; check-in is refused while it lasts', async () => {
    const bed = await freshBed()
    const until = new Date(t.clock.now().getTime() + 86_400_000).toISOString()
    const offline = await as(world.users.staff, 'POST', `/api/beds/${bed.id}/offline`, {
      reason: 'Mold repair',
      until,
    })
    expect(offline.statusCode).toBe(201)
    expect((await boardBed(world.users.staff, bed.id)).offline).toMatchObject({ reason: 'Mold repair' })
    const refused = await checkIn(bed.id, await newResident())
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('offline: Mold repair')
    const overlapping = await as(world.users.staff, 'POST', `/api/beds/${bed.id}/offline`, {
      reason: 'Paint',
    })
    expect(overlapping.statusCode).toBe(409)

    t.clock.advance(60_000)
    const online = await as(world.users.staff, 'POST', `/api/beds/${bed.id}/online`)
    expect(online.statusCode).toBe(200)
    expect(online.json()).toMatchObject({ reason: 'Mold repair', until: t.clock.now().toISOString() })
    expect(await boardBed(world.users.staff, bed.id)).toMatchObject({ state: 'available', offline: null })
    expect((await checkIn(bed.id, await newResident())).statusCode).toBe(201)
    expect((await as(world.users.staff, 'POST', `/api/beds/${bed.id}/online`)).statusCode).toBe(409)
  })
})

describe('bars', () => {
  it('refuses check-in and reservations at a barred facility with the reason, until the bar ends', async () => {
    const bed = await freshBed()
    const resident = await newResident()
    const today = t.clock.now().toISOString().slice(0, 10)
    const bar = await as(world.users.staff, 'POST', `/api/clients/${resident.clientId}/bars`, {
      facilityId: world.facility.id,
      beginDate: today,
      enforcingOrganizationIds: [world.harbor.id],
      reason: 'Threatened staff',
      notes: '',
    })
    expect(bar.statusCode).toBe(201)
    expect(bar.json()).toMatchObject({ active: true, endDate: null })

    const refused = await checkIn(bed.id, resident)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toContain('Reason: Threatened staff')
    const reservation = await as(world.users.staff, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      startDate: today,
      endDate: today,
      clientIds: [resident.clientId],
    })
    expect(reservation.statusCode).toBe(422)

    const list = await as(world.users.staff, 'GET', `/api/clients/${resident.clientId}/bars`)
    expect(list.json().items).toHaveLength(1)
    const ended = await as(world.users.staff, 'POST', `/api/bars/${bar.json().id}/end`)
    expect(ended.json()).toMatchObject({ active: false })
    expect((await checkIn(bed.id, resident)).statusCode).toBe(201)
  })

  it('activeBarFor finds project bars for enrollment checks', async () => {
    const resident = await newResident()
    const today = t.clock.now().toISOString().slice(0, 10)
    await as(world.users.ceManager, 'POST', `/api/clients/${resident.clientId}/bars`, {
      projectId: world.pshProject.id,
      beginDate: today,
      endDate: today,
      enforcingOrganizationIds: [world.harbor.id],
      reason: 'Lease violation',
      notes: 'Talk to the program manager',
    })
    const found = await activeBarFor({
      db: t.db,
      clientId: resident.clientId,
      projectId: world.pshProject.id,
      today,
    })
    expect(found).toMatchObject({ reason: 'Lease violation', target: 'project' })
    expect(
      await activeBarFor({
        db: t.db,
        clientId: resident.clientId,
        projectId: world.shelterProject.id,
        today,
      }),
    ).toBeUndefined()
    expect(
      await activeBarFor({
        db: t.db,
        clientId: resident.clientId,
        projectId: world.pshProject.id,
        today: '2999-01-01',
      }),
    ).toBeUndefined()
  })

  it('refuses a bar with no target or two, and enforcing agencies outside the CoC', async () => {
    const resident = await newResident()
    const base = {
      beginDate: '2026-01-01',
      reason: 'x',
      notes: '',
      enforcingOrganizationIds: [world.harbor.id],
    }
    const none = await as(world.users.staff, 'POST', `/api/clients/${resident.clientId}/bars`, base)
    expect(none.statusCode).toBe(400)
    const foreign = await as(world.users.staff, 'POST', `/api/clients/${resident.clientId}/bars`, {
      ...base,
      service: 'Laundry',
      enforcingOrganizationIds: [world.cobb.id],
    })
    expect(foreign.statusCode).toBe(400)
  })
})

describe('availability and inventory', () => {
  it('counts beds available tonight for anyone in the CoC, with no identities', async () => {
    const facility = await createFacility(t.db, {
      cocId: world.coc.id,
      organizationId: world.harbor.id,
      name: 'Counting House',
    })
    const beds = []
    for (const name of ['C1', 'C2', 'C3']) {
      beds.push(
        await createBed(t.db, {
          facilityId: facility.id,
          projectId: world.shelterProject.id,
          unit: 'Dorm',
          name,
        }),
      )
    }
    await createBed(t.db, {
      facilityId: facility.id,
      projectId: world.shelterProject.id,
      unit: 'Dorm',
      name: 'Retired',
      activeFrom: '2020-01-01',
      activeTo: '2020-12-31',
    })
    const resident = await newResident()
    await checkIn(beds[0]!.id, resident)

    const response = await as(world.users.outsider, 'GET', '/api/availability')
    expect(response.statusCode).toBe(200)
    const row = response.json().items.find((item: { facilityId: string }) => item.facilityId === facility.id)
    expect(row).toEqual({
      facilityId: facility.id,
      facilityName: 'Counting House',
      organizationName: 'Harbor Shelter',
      projectType: 1,
      householdType: 1,
      beds: 3,
      availableTonight: 2,
      acceptingReferrals: 0,
    })
    expect(response.body).not.toContain(resident.clientId)
    expect(response.body).not.toContain('Testperson')
    const otherCoc = await as(world.users.otherCoc, 'GET', '/api/availability')
    expect(
      otherCoc.json().items.some((item: { facilityId: string }) => item.facilityId === facility.id),
    ).toBe(false)
  })

  it('derives HUD Inventory rows from the beds', async () => {
    const response = await as(world.users.outsider, 'GET', `/api/projects/${world.pshProject.id}/inventory`)
    expect(response.statusCode).toBe(200)
    const family = response.json().items.find((row: { householdType: number }) => row.householdType === 3)
    expect(family).toMatchObject({
      cocCode: 'GA-502',
      inventoryStartDate: '2024-01-01',
      inventoryEndDate: null,
      unitInventory: 1,
      bedInventory: 2,
      vetBedInventory: 1,
      otherBedInventory: 1,
    })
  })
})

describe('automatic processes', () => {
  /** The processes run on their own clock: moving the app's clock would expire the test sessions. */
  const daysLater = (days: number) => {
    const later = new Date(t.clock.now().getTime() + days * 86_400_000)
    return { now: () => later }
  }

  it('checks night-by-night guests out the next morning and records their nights; PSH stays stay', async () => {
    const shelterBed = await freshBed()
    const pshBed = await freshBed(world.pshProject.id)
    const guest = (await checkIn(shelterBed.id, await newResident())).json()
    const tenant = (await checkIn(pshBed.id, await newResident(world.pshProject.id))).json()
    const checkInDay = t.clock.now().toISOString().slice(0, 10)

    expect(await autoCheckOut({ db: t.db, clock: t.clock, checkoutHour: 23 })).not.toContain(guest.id)
    const ended = await autoCheckOut({ db: t.db, clock: daysLater(2), checkoutHour: 9 })
    expect(ended).toContain(guest.id)
    expect(ended).not.toContain(tenant.id)
    const stay = await t.db
      .selectFrom('bed_stay')
      .select(['ended_by', sql<Date>`upper(during)`.as('endedAt')])
      .where('id', '=', guest.id)
      .executeTakeFirstOrThrow()
    const nextMorning = new Date(`${checkInDay}T09:00:00Z`)
    nextMorning.setUTCDate(nextMorning.getUTCDate() + 1)
    expect(stay).toEqual({ ended_by: 'auto_check_out', endedAt: nextMorning })
    const nights = await t.db
      .selectFrom('bed_night')
      .select('night')
      .where('stay_id', '=', guest.id)
      .execute()
    expect(nights).toEqual([{ night: checkInDay }])
    expect(await autoCheckOut({ db: t.db, clock: daysLater(3), checkoutHour: 9 })).not.toContain(guest.id)
  })

  it('expires no-show reservations after the configured days', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    const far = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10)
    const created = await as(world.users.staff, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      startDate: today,
      endDate: far,
      clientIds: [(await newResident()).clientId],
    })
    const id = created.json().id
    expect(await expireReservations({ db: t.db, clock: t.clock, noShowDays: 3 })).not.toContain(id)
    expect(await expireReservations({ db: t.db, clock: daysLater(2), noShowDays: 3 })).not.toContain(id)
    expect(await expireReservations({ db: t.db, clock: daysLater(3), noShowDays: 3 })).toContain(id)
    const stored = await t.db
      .selectFrom('reservation')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst()
    expect(stored?.status).toBe('expired')
  })
})

describe('bed automation in the server', () => {
  it('runs the processes on its interval until stopped', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    const created = await as(world.users.staff, 'POST', '/api/reservations', {
      facilityId: world.facility.id,
      startDate: today,
      endDate: today,
      clientIds: [(await newResident()).clientId],
    })
    const later = new Date(t.clock.now().getTime() + 2 * 86_400_000)
    const errors: unknown[] = []
    const stop = startBedAutomation({
      db: t.db,
      clock: { now: () => later },
      intervalMs: 20,
      onError: (error) => errors.push(error),
    })
    const status = async () =>
      (
        await t.db
          .selectFrom('reservation')
          .select('status')
          .where('id', '=', created.json().id)
          .executeTakeFirst()
      )?.status
    for (let wait = 0; wait < 50 && (await status()) === 'active'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await stop()
    expect(await status()).toBe('expired')
    expect(errors).toEqual([])
  })
})

describe('the facility list', () => {
  it('lists exactly the facilities canSeeFacilityBoard allows, for every user', async () => {
    await createFacility(t.db, {
      cocId: world.coc.id,
      organizationId: world.northside.id,
      name: 'North Drop-in',
    })
    await createFacility(t.db, {
      cocId: world.cobb.cocId,
      organizationId: world.cobb.id,
      name: 'Cobb Family Place',
    })
    const facilities = await t.db
      .selectFrom('facility')
      .select(['id', 'coc_id as cocId', 'organization_id as organizationId'])
      .execute()
    for (const user of Object.values(world.users)) {
      const actor: UserActor = {
        kind: 'user',
        userId: user.id,
        username: user.id,
        organizationId: user.organizationId,
        cocId: user.cocId,
        role: user.role,
        sessionId: null,
        apiTokenId: null,
        requestId: null,
        ip: null,
      }
      const listed = (await as(user, 'GET', '/api/facilities'))
        .json()
        .items.map((item: { id: string }) => item.id)
      const allowed = facilities
        .filter((facility) => canSeeFacilityBoard(actor, facility))
        .map((facility) => facility.id)
      expect(listed.sort()).toEqual(allowed.sort())
      expect(listed.length).toBeGreaterThan(0)
    }
  })
})

describe('the database itself refuses overlaps', () => {
  it('rejects a second overlapping stay in one bed and one client in two beds', async () => {
    const [bedA, bedB] = [await freshBed(), await freshBed()]
    const [first, second] = [await newResident(), await newResident()]
    const stay = (client: { clientId: string; enrollmentId: string }, bedId: string, range: string) =>
      t.db
        .insertInto('bed_stay')
        .values({
          bed_id: bedId,
          client_id: client.clientId,
          enrollment_id: client.enrollmentId,
          during: range,
          ended_by: range.endsWith(',)') ? null : 'check_out',
        })
        .execute()
    await stay(first, bedA.id, '[2030-01-01,)')
    await expect(stay(second, bedA.id, '[2030-02-01,2030-03-01)')).rejects.toMatchObject({ code: '23P01' })
    await expect(stay(first, bedB.id, '[2031-01-01,)')).rejects.toMatchObject({ code: '23P01' })
    await stay(second, bedB.id, '[2030-02-01,2030-03-01)')
  })
})
