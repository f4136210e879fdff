import { createBed, createClient, createFacility, enroll } from '../../src/beds/beds.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Beds: a facility's board and operations belong to the agency running it (and, for the board and bookings,
// to the CoC's CE managers and admins); another agency of the CoC or another CoC reaches nothing by id. The
// CoC admin (acting in A1) sees A2's board but may not operate A2's beds: 403.

/** The last setup's bed and its client's enrollment, for routes that also name them in the body. */
let last = { facilityId: '', bedId: '', clientId: '', enrollmentId: '' }
let organizationOfLastSetup = ''

async function bedOf(f: Fixture, owner: FixtureOrganization) {
  const projectId = await f.newProject(owner)
  const facility = await createFacility(f.t.db, {
    cocId: owner.cocId,
    organizationId: owner.id,
    name: `Guarded facility ${crypto.randomUUID()}`,
  })
  const bed = await createBed(f.t.db, {
    facilityId: facility.id,
    projectId,
    unit: 'Room 1',
    name: 'Guarded bed',
  })
  const client = await createClient(
    f.t.db,
    { id: owner.id, cocId: owner.cocId },
    { first: 'Guarded', last: 'Sleeper' },
  )
  const enrollment = await enroll(f.t.db, {
    clientId: client.id,
    projectId,
    owner: { id: owner.id, cocId: owner.cocId },
    entryDate: '2024-06-01',
  })
  last = { facilityId: facility.id, bedId: bed.id, clientId: client.id, enrollmentId: enrollment.id }
  return {
    facilityId: facility.id,
    bedId: bed.id,
    projectId,
    clientId: client.id,
    enrollmentId: enrollment.id,
  }
}

async function stayOf(f: Fixture, owner: FixtureOrganization) {
  const bed = await bedOf(f, owner)
  const stay = await f.t.db
    .insertInto('bed_stay')
    .values({
      bed_id: bed.bedId,
      client_id: bed.clientId,
      enrollment_id: bed.enrollmentId,
      during: '[2024-06-01,)',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return stay.id
}

async function reservationOf(f: Fixture, owner: FixtureOrganization) {
  const bed = await bedOf(f, owner)
  const reservation = await f.t.db
    .insertInto('reservation')
    .values({
      facility_id: bed.facilityId,
      bed_id: bed.bedId,
      start_date: '2099-01-01',
      end_date: '2099-01-02',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.db
    .insertInto('reservation_member')
    .values({ reservation_id: reservation.id, client_id: bed.clientId })
    .execute()
  return reservation.id
}

async function barOf(f: Fixture, owner: FixtureOrganization) {
  const bed = await bedOf(f, owner)
  const bar = await f.t.db
    .insertInto('client_bar')
    .values({
      client_id: bed.clientId,
      coc_id: owner.cocId,
      facility_id: bed.facilityId,
      begin_date: '2024-01-01',
      enforcing_organization_ids: [owner.id],
      reason: 'Guarded reason',
      notes: 'Guarded notes',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return bar.id
}

const read =
  (table: 'facility' | 'bed' | 'bed_stay' | 'reservation' | 'client_bar' | 'project') =>
  async (f: Fixture, id: string) =>
    f.t.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
const readClientBars = async (f: Fixture, id: string) => ({
  client: await f.t.db
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name'])
    .where('id', '=', id)
    .executeTakeFirst(),
  bars: await f.t.db.selectFrom('client_bar').selectAll().where('client_id', '=', id).execute(),
})

const facilityOfA1 = async (f: Fixture) => (await bedOf(f, f.orgA1)).facilityId
const bedOfA1 = async (f: Fixture) => (await bedOf(f, f.orgA1)).bedId
const bedOfA2 = async (f: Fixture) => (await bedOf(f, f.orgA2)).bedId
const projectOfA1WithBeds = async (f: Fixture) => (await bedOf(f, f.orgA1)).projectId
const clientOfA2 = async (f: Fixture) => {
  const bed = await bedOf(f, f.orgA2)
  await f.t.db
    .updateTable('client')
    .set({ restriction: 'confidential' })
    .where('id', '=', bed.clientId)
    .execute()
  return bed.clientId
}

const cases: UnauthorizedCase[] = []
for (const caller of ['caseManagerA2', 'cocAdminB'] as const) {
  cases.push(
    {
      target: 'facility of A1',
      method: 'GET',
      url: '/api/facilities/:id',
      setup: facilityOfA1,
      caller,
      read: read('facility'),
    },
    {
      target: 'facility of A1',
      method: 'GET',
      url: '/api/facilities/:id/beds',
      setup: facilityOfA1,
      caller,
      read: read('facility'),
    },
    {
      target: 'facility of A1',
      method: 'GET',
      url: '/api/facilities/:id/events',
      setup: facilityOfA1,
      caller,
      read: read('facility'),
    },
    {
      target: 'stay in a bed of A1',
      method: 'POST',
      url: '/api/stays/:id/check-out',
      setup: (f) => stayOf(f, f.orgA1),
      caller,
      read: read('bed_stay'),
    },
    {
      target: 'stay in a bed of A1',
      method: 'POST',
      url: '/api/stays/:id/move',
      setup: (f) => stayOf(f, f.orgA1),
      caller,
      payload: { toBedId: '00000000-0000-4000-8000-000000000001' },
      read: read('bed_stay'),
    },
    {
      target: 'stay in a bed of A1',
      method: 'POST',
      url: '/api/stays/:id/expected-vacancy',
      setup: (f) => stayOf(f, f.orgA1),
      caller,
      payload: { date: '2099-01-01' },
      read: read('bed_stay'),
    },
    {
      target: 'reservation at A1',
      method: 'POST',
      url: '/api/reservations/:id/cancel',
      setup: (f) => reservationOf(f, f.orgA1),
      caller,
      read: read('reservation'),
    },
    {
      target: 'bed of A1',
      method: 'POST',
      url: '/api/beds/:id/offline',
      setup: bedOfA1,
      caller,
      payload: { reason: 'Outsider repair' },
      read: read('bed'),
    },
    {
      target: 'bed of A1',
      method: 'POST',
      url: '/api/beds/:id/online',
      setup: bedOfA1,
      caller,
      read: read('bed'),
    },
    {
      target: 'bed of A1 (check-in)',
      method: 'POST',
      url: '/api/stays',
      setup: bedOfA1,
      caller,
      payload: {
        toJSON: () => ({ bedId: last.bedId, clientId: last.clientId, enrollmentId: last.enrollmentId }),
      },
      read: read('bed'),
    },
    {
      target: 'facility of A1 (reservation)',
      method: 'POST',
      url: '/api/reservations',
      setup: facilityOfA1,
      caller,
      payload: {
        toJSON: () => ({
          facilityId: last.facilityId,
          startDate: '2099-01-01',
          endDate: '2099-01-01',
          clientIds: [last.clientId],
        }),
      },
      read: read('facility'),
    },
    {
      target: 'facility of A1 (add a bed)',
      method: 'POST',
      url: '/api/facilities/:id/beds',
      setup: facilityOfA1,
      caller,
      payload: {
        toJSON: () => ({
          unit: 'Room 2',
          name: 'Outsider bed',
          projectId: '00000000-0000-4000-8000-000000000001',
          householdType: 1,
          activeFrom: '2026-01-01',
        }),
      },
      read: read('facility'),
    },
    {
      target: 'bar enforced by A1',
      method: 'POST',
      url: '/api/bars/:id/end',
      setup: (f) => barOf(f, f.orgA1),
      caller,
      read: read('client_bar'),
    },
  )
}
cases.push(
  {
    target: 'project of A1 with beds',
    method: 'GET',
    url: '/api/projects/:id/inventory',
    setup: projectOfA1WithBeds,
    caller: 'cocAdminB',
    read: read('project'),
  },
  {
    target: 'confidential client of A2',
    method: 'GET',
    url: '/api/clients/:id/bars',
    setup: clientOfA2,
    caller: 'cocAdminA',
    read: readClientBars,
  },
  {
    target: 'confidential client of A2',
    method: 'POST',
    url: '/api/clients/:id/bars',
    setup: clientOfA2,
    caller: 'cocAdminA',
    payload: {
      service: 'Meals',
      beginDate: '2026-01-01',
      enforcingOrganizationIds: ['00000000-0000-4000-8000-000000000001'],
      reason: 'Outsider bar',
      notes: '',
    },
    read: readClientBars,
  },
  {
    target: 'organization A1 (add a facility)',
    method: 'POST',
    url: '/api/facilities',
    setup: async (f) => {
      organizationOfLastSetup = f.orgA1.id
      return f.orgA1.id
    },
    caller: 'agencyAdminA2',
    payload: { toJSON: () => ({ organizationId: organizationOfLastSetup, name: 'Outsider facility' }) },
    read: async (f, id) =>
      f.t.db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst(),
    expect: 'forbidden',
  },
  {
    target: 'bed of A2',
    method: 'POST',
    url: '/api/beds/:id/offline',
    setup: bedOfA2,
    caller: 'cocAdminA',
    payload: { reason: 'Outsider repair' },
    read: read('bed'),
    expect: 'forbidden',
  },
)

export default cases
