import type { Restriction } from '../../src/clients/client.tables'
import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Enrollments are project data: another agency without a project-data release, and anyone of another CoC,
// gets 404; a confidential client's enrollment stays hidden. The CoC admin of CoC A acts in A1 (an owner).

/** The client and household of the last setup: routes that also name them need them. */
let lastClientId = ''
let lastHouseholdId = ''

async function enrollmentOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  lastClientId = await insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Guarded',
    lastName: 'Enrollment',
    dob: '1981-05-06',
    restriction,
  })
  const projectId = await f.newProject(owner)
  const household = await f.t.db
    .insertInto('enrollment_household')
    .values({ project_id: projectId, coc_id: owner.cocId, owner_organization_id: owner.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  lastHouseholdId = household.id
  const enrollment = await f.t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: lastClientId,
      project_id: projectId,
      relationship_to_hoh: 1,
      entry_date: '2025-01-01',
      enrollment_coc: 'XA-101',
      owner_organization_id: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.db
    .insertInto('health_and_dv')
    .values({
      enrollment_id: enrollment.id,
      information_date: '2025-01-01',
      data_collection_stage: 1,
      domestic_violence_survivor: 1,
    })
    .execute()
  return enrollment.id
}

const enrollmentOfA1 = (f: Fixture) => enrollmentOf(f, f.orgA1)
const confidentialEnrollmentOfA2 = (f: Fixture) => enrollmentOf(f, f.orgA2, 'confidential')
const householdOfA1 = async (f: Fixture) => {
  await enrollmentOf(f, f.orgA1)
  return lastHouseholdId
}

const readEnrollment = async (f: Fixture, id: string) => ({
  enrollment: await f.t.db.selectFrom('enrollment').selectAll().where('id', '=', id).executeTakeFirst(),
  dv: await f.t.db.selectFrom('health_and_dv').selectAll().where('enrollment_id', '=', id).execute(),
  incomes: await f.t.db.selectFrom('income_benefits').selectAll().where('enrollment_id', '=', id).execute(),
  contacts: await f.t.db
    .selectFrom('current_living_situation')
    .selectAll()
    .where('enrollment_id', '=', id)
    .execute(),
  enrollmentsInHousehold: await f.t.db
    .selectFrom('enrollment')
    .select('id')
    .where('enrollment_household_id', '=', lastHouseholdId)
    .execute(),
})
const readHousehold = async (f: Fixture, id: string) => ({
  household: await f.t.db
    .selectFrom('enrollment_household')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst(),
  enrollments: await f.t.db
    .selectFrom('enrollment')
    .selectAll()
    .where('enrollment_household_id', '=', id)
    .execute(),
})
const readProject = async (f: Fixture, id: string) => ({
  project: await f.t.db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst(),
  enrollments: await f.t.db.selectFrom('enrollment').select('id').where('project_id', '=', id).execute(),
})
const readClient = async (f: Fixture, id: string) => ({
  client: await f.t.db
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name'])
    .where('id', '=', id)
    .executeTakeFirst(),
  enrollments: await f.t.db.selectFrom('enrollment').select('id').where('client_id', '=', id).execute(),
})

const SOMEONE = '00000000-0000-4000-8000-000000000001'

const enrollmentRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => {
  const on = (method: UnauthorizedCase['method'], url: string, payload?: object): UnauthorizedCase => ({
    target,
    method,
    url,
    setup,
    caller,
    read: readEnrollment,
    params: () => ({ clientId: lastClientId }),
    ...(payload && { payload }),
  })
  return [
    on('GET', '/api/enrollments/:id'),
    on('PATCH', '/api/enrollments/:id', { version: 1, disablingCondition: 1 }),
    on('POST', '/api/enrollments/:id/members', {
      clientId: SOMEONE,
      relationshipToHoh: 2,
      entryDate: '2025-02-01',
    }),
    on('POST', '/api/enrollments/:id/members/:clientId/exit', { exitDate: '2025-02-01', destination: 410 }),
    on('GET', '/api/enrollments/:id/assessments'),
    on('POST', '/api/enrollments/:id/assessments', {
      dataCollectionStage: 2,
      informationDate: '2025-02-01',
      healthAndDv: { domesticViolenceSurvivor: 0 },
    }),
    on('GET', '/api/enrollments/:id/current-living-situations'),
    on('POST', '/api/enrollments/:id/current-living-situations', {
      informationDate: '2025-02-01',
      currentLivingSituation: 116,
    }),
  ]
}

const householdExit = (caller: UnauthorizedCase['caller']): UnauthorizedCase => ({
  target: 'enrollment household of A1',
  method: 'POST',
  url: '/api/enrollment-households/:id/exit',
  setup: householdOfA1,
  caller,
  payload: {
    toJSON: () => ({ exitDate: '2025-02-01', members: [{ clientId: lastClientId, destination: 410 }] }),
  },
  read: readHousehold,
})

let lastProjectId = ''
const projectOfA1 = async (f: Fixture) => {
  lastProjectId = await f.newProject(f.orgA1)
  return lastProjectId
}
const enrollInProjectOfA1 = {
  toJSON: () => ({
    projectId: lastProjectId,
    entryDate: '2025-02-01',
    members: [{ clientId: lastClientId, relationshipToHoh: 1 }],
  }),
}

const cases: UnauthorizedCase[] = [
  ...enrollmentRoutes('enrollment of A1', enrollmentOfA1, 'caseManagerA2'),
  ...enrollmentRoutes('enrollment of A1', enrollmentOfA1, 'cocAdminB'),
  ...enrollmentRoutes('confidential enrollment of A2', confidentialEnrollmentOfA2, 'cocAdminA'),
  householdExit('agencyAdminA2'),
  householdExit('cocAdminB'),
  {
    target: 'client of A1',
    method: 'GET',
    url: '/api/clients/:id/enrollments',
    setup: async (f) => {
      await enrollmentOfA1(f)
      return lastClientId
    },
    caller: 'caseManagerA2',
    read: readClient,
  },
  {
    target: 'project of A1',
    method: 'POST',
    url: '/api/enrollments',
    setup: projectOfA1,
    caller: 'cocAdminB',
    payload: enrollInProjectOfA1,
    read: readProject,
  },
  {
    target: 'project of A1',
    method: 'POST',
    url: '/api/enrollments',
    setup: async (f) => {
      lastClientId = await insertTestClient(f.t.db, {
        cocId: f.orgA2.cocId,
        ownerOrganizationId: f.orgA2.id,
        firstName: 'Own',
        lastName: 'Client',
      })
      return projectOfA1(f)
    },
    caller: 'caseManagerA2',
    payload: enrollInProjectOfA1,
    read: readProject,
    expect: 'forbidden',
  },
  {
    target: 'project of A1',
    method: 'GET',
    url: '/api/projects/:id/data-quality',
    setup: projectOfA1,
    caller: 'cocAdminB',
    read: readProject,
  },
  {
    target: 'project of A1',
    method: 'GET',
    url: '/api/projects/:id/data-quality',
    setup: projectOfA1,
    caller: 'caseManagerA1',
    read: readProject,
    expect: 'forbidden',
  },
  {
    target: 'project of A1',
    method: 'GET',
    url: '/api/projects/:id/data-quality',
    setup: projectOfA1,
    caller: 'agencyAdminA2',
    read: readProject,
    expect: 'forbidden',
  },
]

export default cases
