import type { Restriction } from '../../src/clients/client.tables'
import { insertTestClient, insertTestHousehold } from '../../src/households/household.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Households: as visible as the people in them. A2 has no release for A1's clients; CoC B sees nothing of
// CoC A; a confidential client's household is hidden even from CoC-wide roles (the CoC admin acts in A1).

/** The client of the last setup: routes that also name a client (in the path or body) need it. */
let lastClientId = ''

async function clientOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  lastClientId = await insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Guarded',
    lastName: 'Household',
    dob: '1979-02-03',
    restriction,
  })
  return lastClientId
}

async function householdOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  const headClientId = await clientOf(f, owner, restriction)
  return insertTestHousehold(f.t.db, { cocId: owner.cocId, ownerOrganizationId: owner.id, headClientId })
}

const householdOfA1 = (f: Fixture) => householdOf(f, f.orgA1)
const confidentialHouseholdOfA2 = (f: Fixture) => householdOf(f, f.orgA2, 'confidential')
const clientOfA1 = (f: Fixture) => clientOf(f, f.orgA1)
const confidentialClientOfA2 = (f: Fixture) => clientOf(f, f.orgA2, 'confidential')

const readHousehold = async (f: Fixture, id: string) => ({
  household: await f.t.db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst(),
  members: await f.t.db
    .selectFrom('household_member')
    .selectAll()
    .where('household_id', '=', id)
    .orderBy('id')
    .execute(),
  events: await f.t.db.selectFrom('household_event').selectAll().where('household_id', '=', id).execute(),
})

const readClientHouseholds = async (f: Fixture, id: string) => ({
  client: await f.t.db
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name', 'dob', 'restriction'])
    .where('id', '=', id)
    .executeTakeFirst(),
  memberships: await f.t.db.selectFrom('household_member').selectAll().where('client_id', '=', id).execute(),
})

/** A body naming the last setup's client, serialised when the request is sent. */
const withLastClient = (body: (clientId: string) => Record<string, unknown>) => ({
  toJSON: () => body(lastClientId),
})

const householdRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => [
  { target, method: 'GET', url: '/api/households/:id', setup, caller, read: readHousehold },
  { target, method: 'GET', url: '/api/households/:id/history', setup, caller, read: readHousehold },
  {
    target,
    method: 'POST',
    url: '/api/households/:id/members',
    setup,
    caller,
    payload: {
      clientId: '00000000-0000-4000-8000-000000000001',
      relationshipToHoh: 2,
      joinedOn: '2025-02-01',
    },
    read: readHousehold,
  },
  {
    target,
    method: 'POST',
    url: '/api/households/:id/members/:clientId/remove',
    params: () => ({ clientId: lastClientId }),
    setup,
    caller,
    payload: { removedOn: '2025-03-01', reason: 'Taken over' },
    read: readHousehold,
  },
  {
    target,
    method: 'POST',
    url: '/api/households/:id/head',
    setup,
    caller,
    payload: { clientId: '00000000-0000-4000-8000-000000000001', relationships: [] },
    read: readHousehold,
  },
]

const clientRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => [
  { target, method: 'GET', url: '/api/clients/:id/households', setup, caller, read: readClientHouseholds },
  {
    target,
    method: 'POST',
    url: '/api/households',
    setup,
    caller,
    payload: withLastClient((headClientId) => ({ headClientId })),
    read: readClientHouseholds,
  },
]

export default [
  ...householdRoutes('household of an A1 client', householdOfA1, 'caseManagerA2'),
  ...householdRoutes('household of an A1 client', householdOfA1, 'cocAdminB'),
  ...householdRoutes('household of a confidential A2 client', confidentialHouseholdOfA2, 'cocAdminA'),
  ...clientRoutes('client of A1', clientOfA1, 'caseManagerA2'),
  ...clientRoutes('client of A1', clientOfA1, 'agencyAdminB1'),
  ...clientRoutes('confidential client of A2', confidentialClientOfA2, 'cocAdminA'),
] satisfies UnauthorizedCase[]
