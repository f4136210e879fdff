import type { Role } from '@threshold/core'
import { createCoc, createOrganization, createUser, sessionFor, type TestApp } from '../../test/test-app'
import type { Restriction } from '../clients/client.tables'
import type { DedicatedPopulation } from './bed.tables'

// One CoC for the bed tests: "Harbor Shelter" runs a night-by-night shelter (project type 1) and a PSH
// building; "Northside Outreach" is another agency; "Fulton CE" is the CoC's Coordinated Entry.

type Db = TestApp['db']

export interface SignedIn {
  id: string
  organizationId: string
  cocId: string
  role: Role
  cookie: string
}

export async function createFacility(
  db: Db,
  facility: { cocId: string; organizationId: string; name: string },
) {
  return db
    .insertInto('facility')
    .values({
      coc_id: facility.cocId,
      organization_id: facility.organizationId,
      name: facility.name,
      address: '1 Main St',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function createBed(
  db: Db,
  bed: {
    facilityId: string
    projectId: string
    unit: string
    name: string
    householdType?: number
    dedicatedPopulation?: DedicatedPopulation
    activeFrom?: string
    activeTo?: string
  },
) {
  const unit =
    (await db
      .selectFrom('bed_unit')
      .select('id')
      .where('facility_id', '=', bed.facilityId)
      .where('name', '=', bed.unit)
      .executeTakeFirst()) ??
    (await db
      .insertInto('bed_unit')
      .values({ facility_id: bed.facilityId, name: bed.unit })
      .returning('id')
      .executeTakeFirstOrThrow())
  return db
    .insertInto('bed')
    .values({
      facility_id: bed.facilityId,
      unit_id: unit.id,
      project_id: bed.projectId,
      name: bed.name,
      household_type: bed.householdType ?? 1,
      dedicated_population: bed.dedicatedPopulation ?? null,
      active_from: bed.activeFrom ?? '2024-01-01',
      active_to: bed.activeTo ?? null,
    })
    .returning(['id', 'unit_id as unitId'])
    .executeTakeFirstOrThrow()
}

export async function createProject(
  db: Db,
  organization: { id: string; cocId: string },
  name: string,
  type: number,
) {
  return db
    .insertInto('project')
    .values({
      organization_id: organization.id,
      coc_id: organization.cocId,
      name,
      project_type: type,
      operating_start_date: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function createClient(
  db: Db,
  owner: { id: string; cocId: string },
  name: { first: string; last: string },
  restriction: Restriction = 'open',
) {
  return db
    .insertInto('client')
    .values({
      coc_id: owner.cocId,
      owner_organization_id: owner.id,
      restriction,
      first_name: name.first,
      last_name: name.last,
      name_data_quality: 1,
      ssn_data_quality: 99,
      dob_data_quality: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** An enrollment of the client in the project (no exit unless given). */
export async function enroll(
  db: Db,
  enrollment: {
    clientId: string
    projectId: string
    owner: { id: string; cocId: string }
    entryDate: string
    exitDate?: string
  },
) {
  const household = await db
    .insertInto('enrollment_household')
    .values({
      project_id: enrollment.projectId,
      coc_id: enrollment.owner.cocId,
      owner_organization_id: enrollment.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: enrollment.clientId,
      project_id: enrollment.projectId,
      relationship_to_hoh: 1,
      entry_date: enrollment.entryDate,
      exit_date: enrollment.exitDate ?? null,
      destination: enrollment.exitDate ? 17 : null,
      owner_organization_id: enrollment.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function buildBedWorld(t: TestApp) {
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const otherCoc = await createCoc(t.db, 'GA-503', 'Cobb County CoC')
  const harbor = await createOrganization(t.db, coc.id, 'Harbor Shelter')
  const northside = await createOrganization(t.db, coc.id, 'Northside Outreach')
  const ce = await createOrganization(t.db, coc.id, 'Fulton CE')
  const cobb = await createOrganization(t.db, otherCoc.id, 'Cobb Family Services')
  const signIn = async (
    username: string,
    organization: { id: string; cocId: string },
    role: Role,
  ): Promise<SignedIn> => {
    const user = await createUser(t.db, username, [{ organizationId: organization.id, role }])
    return {
      id: user.id,
      organizationId: organization.id,
      cocId: organization.cocId,
      role,
      cookie: await sessionFor(t, user.id, organization.id),
    }
  }
  const shelterProject = await createProject(t.db, harbor, 'Harbor Night Shelter', 1)
  const pshProject = await createProject(t.db, harbor, 'Harbor PSH', 3)
  const facility = await createFacility(t.db, {
    cocId: coc.id,
    organizationId: harbor.id,
    name: 'Harbor House',
  })
  const beds = {
    a1: await createBed(t.db, {
      facilityId: facility.id,
      projectId: shelterProject.id,
      unit: 'Room A',
      name: 'A1',
    }),
    a2: await createBed(t.db, {
      facilityId: facility.id,
      projectId: shelterProject.id,
      unit: 'Room A',
      name: 'A2',
    }),
    b1: await createBed(t.db, {
      facilityId: facility.id,
      projectId: pshProject.id,
      unit: 'Apt 1',
      name: 'B1',
      householdType: 3,
      dedicatedPopulation: 'veteran',
    }),
    b2: await createBed(t.db, {
      facilityId: facility.id,
      projectId: pshProject.id,
      unit: 'Apt 1',
      name: 'B2',
      householdType: 3,
    }),
  }
  return {
    coc,
    harbor,
    northside,
    cobb,
    facility,
    shelterProject,
    pshProject,
    beds,
    users: {
      staff: await signIn('harbor.staff', harbor, 'housing_provider'),
      admin: await signIn('harbor.admin', harbor, 'agency_admin'),
      analyst: await signIn('harbor.analyst', harbor, 'analyst'),
      outsider: await signIn('north.casemanager', northside, 'case_manager'),
      ceManager: await signIn('fulton.ce', ce, 'ce_manager'),
      otherCoc: await signIn('cobb.casemanager', cobb, 'case_manager'),
    },
  }
}

export type BedWorld = Awaited<ReturnType<typeof buildBedWorld>>

/** A client of Harbor Shelter enrolled in the project since `entryDate`. */
export async function enrolledClient(
  t: TestApp,
  world: BedWorld,
  name: { first: string; last: string },
  projectId = world.shelterProject.id,
  entryDate = '2026-01-01',
) {
  const client = await createClient(t.db, world.harbor, name)
  const enrollment = await enroll(t.db, { clientId: client.id, projectId, owner: world.harbor, entryDate })
  return { clientId: client.id, enrollmentId: enrollment.id }
}
