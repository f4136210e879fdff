import type { Role } from '@threshold/core'
import type { InjectOptions } from 'fastify'
import { createCoc, createOrganization, createUser, sessionFor, type TestApp } from '../test-app'

/**
 * Two CoCs for cross-tenant tests. CoC A has agencies A1 and A2, each with an agency admin and a case
 * manager, and a CoC admin (acting in A1); CoC B has agency B1 with a CoC admin and an agency admin.
 * Every user is signed in (`cookie`).
 */
export interface Fixture {
  t: TestApp
  cocA: FixtureCoc
  cocB: FixtureCoc
  orgA1: FixtureOrganization
  orgA2: FixtureOrganization
  orgB1: FixtureOrganization
  users: Record<FixtureUserKey, FixtureUser>
  /** A new active project of the organization; returns its id. */
  newProject(organization: FixtureOrganization): Promise<string>
  /** A new user whose only membership is `role` in the organization; returns their id. */
  newUser(organization: FixtureOrganization, role: Role): Promise<string>
}

export type FixtureUserKey =
  | 'cocAdminA'
  | 'agencyAdminA1'
  | 'caseManagerA1'
  | 'agencyAdminA2'
  | 'caseManagerA2'
  | 'cocAdminB'
  | 'agencyAdminB1'

export interface FixtureCoc {
  id: string
  code: string
}

export interface FixtureOrganization {
  id: string
  cocId: string
  name: string
}

export interface FixtureUser {
  id: string
  username: string
  organizationId: string
  role: Role
  cookie: string
}

/**
 * One row of the unauthorized-access table: an outsider calls a route that takes the id of an entity
 * they must not reach. The suite expects 404 `not_found` (or, with `expect: 'forbidden'`, 403 for an
 * entity the caller may see but not change), no field of the entity in the answer, the stored entity
 * unchanged, and one new `denied` audit row naming the entity's id and the caller.
 */
export interface UnauthorizedCase {
  /** What the target is, for the test name: e.g. 'project of A1'. */
  target: string
  method: NonNullable<InjectOptions['method']>
  /** The route with `:id` for the target's id, e.g. '/api/projects/:id'; other `:name`s come from `params`. */
  url: string
  params?: (fixture: Fixture) => Record<string, string>
  /** Creates (or picks) the target; returns the id the denied audit row must name. */
  setup(fixture: Fixture): Promise<string>
  /** The outsider who calls. */
  caller: FixtureUserKey
  payload?: InjectOptions['payload']
  /** The target as stored (with anything the call could change): compared before and after, and no value of it may appear in the answer. */
  read(fixture: Fixture, id: string): Promise<unknown>
  expect?: 'not_found' | 'forbidden'
}

/** A file of cases (`unauthorized/<domain>.cases.ts`) default-exports a list of them. */
export type CaseFile = { default: UnauthorizedCase[] }

/** A new user with one membership, signed in there. */
export async function signedInUser(
  t: TestApp,
  username: string,
  organization: FixtureOrganization,
  role: Role,
): Promise<FixtureUser> {
  const user = await createUser(t.db, username, [{ organizationId: organization.id, role }])
  return {
    ...user,
    organizationId: organization.id,
    role,
    cookie: await sessionFor(t, user.id, organization.id),
  }
}

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const cocA = await createCoc(t.db, 'XA-101', 'Alpha County CoC')
  const cocB = await createCoc(t.db, 'XB-202', 'Beta County CoC')
  const orgA1 = await createOrganization(t.db, cocA.id, 'Alpha Shelter Services')
  const orgA2 = await createOrganization(t.db, cocA.id, 'Alpha Safe Harbor', true)
  const orgB1 = await createOrganization(t.db, cocB.id, 'Beta Housing Partners')

  let counter = 0
  return {
    t,
    cocA,
    cocB,
    orgA1,
    orgA2,
    orgB1,
    users: {
      cocAdminA: await signedInUser(t, 'alpha.cocadmin', orgA1, 'coc_admin'),
      agencyAdminA1: await signedInUser(t, 'a1.admin', orgA1, 'agency_admin'),
      caseManagerA1: await signedInUser(t, 'a1.casemanager', orgA1, 'case_manager'),
      agencyAdminA2: await signedInUser(t, 'a2.admin', orgA2, 'agency_admin'),
      caseManagerA2: await signedInUser(t, 'a2.casemanager', orgA2, 'case_manager'),
      cocAdminB: await signedInUser(t, 'beta.cocadmin', orgB1, 'coc_admin'),
      agencyAdminB1: await signedInUser(t, 'b1.admin', orgB1, 'agency_admin'),
    },
    async newProject(organization) {
      const project = await t.db
        .insertInto('project')
        .values({
          organization_id: organization.id,
          coc_id: organization.cocId,
          name: `Fixture project ${++counter}`,
          project_type: 1,
          operating_start_date: '2024-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return project.id
    },
    async newUser(organization, role) {
      const user = await createUser(t.db, `fixture.${role}.${++counter}`, [
        { organizationId: organization.id, role },
      ])
      return user.id
    },
  }
}

/** The audit rows naming one entity, oldest first. */
export function auditRowsFor(t: TestApp, entityId: string) {
  return t.db.selectFrom('audit_event').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute()
}
