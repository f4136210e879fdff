import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Services are project data of the enrollment: A2 has no release for A1's clients; CoC B sees nothing of
// CoC A. Each agency's catalogue is its own (its agency admins and the CoC's admins manage it).

async function enrollmentOf(f: Fixture, owner: FixtureOrganization) {
  const clientId = await insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Served',
    lastName: 'Client',
  })
  const projectId = await f.newProject(owner)
  const household = await f.t.db
    .insertInto('enrollment_household')
    .values({ project_id: projectId, coc_id: owner.cocId, owner_organization_id: owner.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await f.t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: projectId,
      relationship_to_hoh: 1,
      entry_date: '2026-01-05',
      owner_organization_id: owner.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { clientId, enrollmentId: enrollment.id }
}

async function serviceTypeOf(f: Fixture, owner: FixtureOrganization) {
  const type = await f.t.db
    .insertInto('service_type')
    .values({
      organization_id: owner.id,
      name: `Rental assistance ${Math.random()}`,
      category: 'financial_assistance',
      assistance_kind: 'rental',
      unit: 'dollars',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return type.id
}

async function paymentOf(f: Fixture, owner: FixtureOrganization) {
  const { clientId, enrollmentId } = await enrollmentOf(f, owner)
  const record = await f.t.db
    .insertInto('service_record')
    .values({
      enrollment_id: enrollmentId,
      client_id: clientId,
      service_type_id: await serviceTypeOf(f, owner),
      owner_organization_id: owner.id,
      batch_id: crypto.randomUUID(),
      provided_on: '2026-02-01',
      amount: 875.25,
      funder: 'Secret grant',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { clientId, enrollmentId, recordId: record.id }
}

const enrollmentOfA1 = async (f: Fixture) => (await paymentOf(f, f.orgA1)).enrollmentId
const clientOfA1 = async (f: Fixture) => (await paymentOf(f, f.orgA1)).clientId
const paymentOfA1 = async (f: Fixture) => (await paymentOf(f, f.orgA1)).recordId
const serviceTypeOfA1 = (f: Fixture) => serviceTypeOf(f, f.orgA1)
const organizationA1 = async (f: Fixture) => f.orgA1.id

const readServices = (column: 'enrollment_id' | 'client_id' | 'id') => async (f: Fixture, id: string) => ({
  records: await f.t.db
    .selectFrom('service_record')
    .selectAll()
    .where(column, '=', id)
    .orderBy('id')
    .execute(),
})
const readServiceType = async (f: Fixture, id: string) =>
  f.t.db.selectFrom('service_type').selectAll().where('id', '=', id).executeTakeFirst()
const readCatalogue = async (f: Fixture, id: string) => ({
  types: await f.t.db
    .selectFrom('service_type')
    .selectAll()
    .where('organization_id', '=', id)
    .orderBy('id')
    .execute(),
})

const serviceRoutes = (caller: UnauthorizedCase['caller']): UnauthorizedCase[] => [
  {
    target: 'enrollment of A1',
    method: 'GET',
    url: '/api/enrollments/:id/services',
    setup: enrollmentOfA1,
    caller,
    read: readServices('enrollment_id'),
  },
  {
    target: 'enrollment of A1',
    method: 'POST',
    url: '/api/enrollments/:id/services',
    setup: enrollmentOfA1,
    caller,
    payload: { date: '2026-02-02', serviceTypeId: '00000000-0000-4000-8000-000000000001', amount: 10 },
    read: readServices('enrollment_id'),
  },
  {
    target: 'payment of A1',
    method: 'DELETE',
    url: '/api/service-records/:id',
    setup: paymentOfA1,
    caller,
    payload: { reason: 'Not ours' },
    read: readServices('id'),
  },
  {
    target: 'client of A1 with a payment',
    method: 'GET',
    url: '/api/clients/:id/financial-assistance',
    setup: clientOfA1,
    caller,
    read: readServices('client_id'),
  },
]

const catalogueRoutes = (caller: UnauthorizedCase['caller']): UnauthorizedCase[] => [
  {
    target: 'service type of A1',
    method: 'PATCH',
    url: '/api/service-types/:id',
    setup: serviceTypeOfA1,
    caller,
    payload: { active: false },
    read: readServiceType,
  },
  {
    target: 'catalogue of A1',
    method: 'GET',
    url: '/api/service-types?organizationId=:id',
    setup: organizationA1,
    caller,
    read: readCatalogue,
  },
]

export default [
  ...serviceRoutes('caseManagerA2'),
  ...serviceRoutes('cocAdminB'),
  ...catalogueRoutes('agencyAdminA2'),
  ...catalogueRoutes('cocAdminB'),
  {
    target: 'service type of A1',
    method: 'PATCH',
    url: '/api/service-types/:id',
    setup: serviceTypeOfA1,
    caller: 'caseManagerA1',
    payload: { active: false },
    read: readServiceType,
    expect: 'forbidden',
  },
] satisfies UnauthorizedCase[]
