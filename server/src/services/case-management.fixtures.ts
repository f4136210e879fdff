import type { Role } from '@threshold/core'
import { createCoc, createOrganization, createUser, sessionFor, type TestApp } from '../../test/test-app'
import { insertTestClient } from '../households/household.fixtures'
import { insertTestRelease } from '../releases/release.fixtures'

// One CoC for the case-note and service tests: "Northside" keeps a family (mother and son) enrolled in its
// rapid re-housing project; "Southside" is another agency that sees nothing of them without a release.

export interface SignedIn {
  id: string
  organizationId: string
  cookie: string
}

export const FAMILY_ENTRY_DATE = '2026-01-05'

export async function buildCaseManagementWorld(t: TestApp) {
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const northside = await createOrganization(t.db, coc.id, 'Northside Housing')
  const southside = await createOrganization(t.db, coc.id, 'Southside Shelter')
  const signIn = async (username: string, organizationId: string, role: Role): Promise<SignedIn> => {
    const user = await createUser(t.db, username, [{ organizationId, role }])
    return { id: user.id, organizationId, cookie: await sessionFor(t, user.id, organizationId) }
  }
  const users = {
    author: await signIn('north.author', northside.id, 'case_manager'),
    colleague: await signIn('north.colleague', northside.id, 'case_manager'),
    agencyAdmin: await signIn('north.admin', northside.id, 'agency_admin'),
    analyst: await signIn('north.analyst', northside.id, 'analyst'),
    neighbour: await signIn('south.casemanager', southside.id, 'case_manager'),
    neighbourAdmin: await signIn('south.admin', southside.id, 'agency_admin'),
  }
  const owned = { cocId: coc.id, ownerOrganizationId: northside.id }
  const mother = await insertTestClient(t.db, { ...owned, firstName: 'Marisol', dob: '1990-04-02' })
  const son = await insertTestClient(t.db, { ...owned, firstName: 'Teodoro', dob: '2016-09-12' })
  const project = await t.db
    .insertInto('project')
    .values({
      organization_id: northside.id,
      coc_id: coc.id,
      name: 'Northside Rapid Re-Housing',
      project_type: 13,
      operating_start_date: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const household = await t.db
    .insertInto('enrollment_household')
    .values({ project_id: project.id, coc_id: coc.id, owner_organization_id: northside.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enroll = async (clientId: string, relationshipToHoh: number) =>
    (
      await t.db
        .insertInto('enrollment')
        .values({
          enrollment_household_id: household.id,
          client_id: clientId,
          project_id: project.id,
          relationship_to_hoh: relationshipToHoh,
          entry_date: FAMILY_ENTRY_DATE,
          owner_organization_id: northside.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id

  return {
    coc,
    northside,
    southside,
    users,
    mother,
    son,
    projectId: project.id,
    enrollmentHouseholdId: household.id,
    enrollments: { mother: await enroll(mother, 1), son: await enroll(son, 2) },
    /** A project-data release of the client naming Southside; returns its id. */
    releaseToSouthside: (clientId: string) =>
      insertTestRelease(t.db, {
        clientId,
        cocId: coc.id,
        recordedByOrganizationId: northside.id,
        userId: users.author.id,
        organizationIds: [southside.id],
      }),
    /** The CoC's `shareableCaseNotes` switch. */
    setNoteSharing: (enabled: boolean) =>
      t.db
        .updateTable('coc')
        .set({ settings: JSON.stringify({ shareableCaseNotes: enabled }) })
        .where('id', '=', coc.id)
        .execute(),
  }
}

export type CaseManagementWorld = Awaited<ReturnType<typeof buildCaseManagementWorld>>

/** The audit rows of one action, oldest first. */
export function auditRows(t: TestApp, action: string, entityId: string) {
  return t.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute()
}
