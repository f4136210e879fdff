import type { Role } from '@threshold/core'
import { createCoc, createOrganization, createUser, sessionFor, type TestApp } from '../../test/test-app'
import { systemActor } from '../access/actor'
import { insertTestClient } from '../households/household.fixtures'
import { placeOnQueue } from '../queue/queue-membership'

// A CoC with a CE agency, an RRH provider and another provider, written straight to the database.

export interface SignedIn {
  id: string
  cookie: string
}

async function signedIn(t: TestApp, username: string, organizationId: string, role: Role): Promise<SignedIn> {
  const user = await createUser(t.db, username, [{ organizationId, role }])
  return { id: user.id, cookie: await sessionFor(t, user.id, organizationId) }
}

async function project(t: TestApp, organization: { id: string; cocId: string }, name: string, type: number) {
  const row = await t.db
    .insertInto('project')
    .values({
      organization_id: organization.id,
      coc_id: organization.cocId,
      name,
      project_type: type,
      operating_start_date: '2020-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function buildReferralWorld(t: TestApp) {
  const coc = await createCoc(t.db, 'RF-500', 'Referral County CoC')
  const ceOrg = await createOrganization(t.db, coc.id, 'Coordinated Entry Hub')
  const rrhOrg = await createOrganization(t.db, coc.id, 'Rapid Homes')
  const otherOrg = await createOrganization(t.db, coc.id, 'Other Housing')
  return {
    t,
    coc,
    ceOrg,
    rrhOrg,
    otherOrg,
    ceManager: await signedIn(t, 'ref.ce', ceOrg.id, 'ce_manager'),
    provider: await signedIn(t, 'ref.rrh', rrhOrg.id, 'housing_provider'),
    otherProvider: await signedIn(t, 'ref.other', otherOrg.id, 'housing_provider'),
    coordinator: await signedIn(t, 'ref.cocadmin', ceOrg.id, 'coc_admin'),
    ceProjectId: await project(t, ceOrg, 'CE Access Point', 14),
    rrhProjectId: await project(t, rrhOrg, 'Rapid Homes RRH', 13),
    otherRrhProjectId: await project(t, otherOrg, 'Other RRH', 13),
    pshProjectId: await project(t, otherOrg, 'Other PSH', 3),
  }
}
export type ReferralWorld = Awaited<ReturnType<typeof buildReferralWorld>>

/** Moves the test clock by whole days and signs everyone in again (sessions expire as time passes). */
export async function advanceDays(world: ReferralWorld, days: number): Promise<void> {
  world.t.clock.advance(days * 86_400_000)
  const users = [world.ceManager, world.provider, world.otherProvider, world.coordinator]
  const organizations = [world.ceOrg.id, world.rrhOrg.id, world.otherOrg.id, world.ceOrg.id]
  for (const [index, user] of users.entries()) {
    user.cookie = await sessionFor(world.t, user.id, organizations[index] as string)
  }
}

/**
 * An open enrollment household in a project: one client per member (head first, the others children of
 * the head), owned by `organizationId`. Returns the enrollment ids, client ids and the household id.
 */
export async function enrolledHousehold(
  t: TestApp,
  household: {
    cocId: string
    projectId: string
    organizationId: string
    name: string
    lastName: string
    members?: number
    childSuffix?: (index: number) => string
    dobs: { head: string; child: string }
    entryDate: string
    restriction?: 'open' | 'confidential'
  },
) {
  const { id: householdId } = await t.db
    .insertInto('enrollment_household')
    .values({
      project_id: household.projectId,
      coc_id: household.cocId,
      owner_organization_id: household.organizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollmentIds: string[] = []
  const clientIds: string[] = []
  for (let index = 0; index < (household.members ?? 1); index++) {
    const clientId = await insertTestClient(t.db, {
      cocId: household.cocId,
      ownerOrganizationId: household.organizationId,
      firstName:
        index === 0
          ? household.name
          : `${household.name} ${household.childSuffix?.(index) ?? `child ${index}`}`,
      lastName: household.lastName,
      dob: index === 0 ? household.dobs.head : household.dobs.child,
      restriction: household.restriction ?? 'open',
    })
    clientIds.push(clientId)
    const enrollment = await t.db
      .insertInto('enrollment')
      .values({
        enrollment_household_id: householdId,
        client_id: clientId,
        project_id: household.projectId,
        relationship_to_hoh: index === 0 ? 1 : 2,
        entry_date: household.entryDate,
        owner_organization_id: household.organizationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    enrollmentIds.push(enrollment.id)
  }
  return { householdId, enrollmentIds, clientIds }
}

/**
 * A household on the queue: clients of the CE agency, an open CE enrollment household (head first), placed
 * on the queue and made 'ready'. Returns the head's CE enrollment id, the household id and the queue entry.
 */
export async function queuedHousehold(
  world: ReferralWorld,
  name: string,
  options: { members?: number; score?: number; restriction?: 'open' | 'confidential' } = {},
) {
  const { t } = world
  const { householdId, enrollmentIds, clientIds } = await enrolledHousehold(t, {
    cocId: world.coc.id,
    projectId: world.ceProjectId,
    organizationId: world.ceOrg.id,
    name,
    lastName: 'Queued',
    members: options.members,
    dobs: { head: '1985-03-04', child: '2018-06-07' },
    entryDate: '2026-01-02',
    restriction: options.restriction,
  })
  const { queueEntryId } = await t.db
    .transaction()
    .execute((trx) =>
      placeOnQueue(trx, { actor: systemActor, enrollmentHouseholdId: householdId, now: t.clock.now() }),
    )
  await t.db
    .updateTable('queue_entry')
    .set({ status: 'ready', documents_complete_for: ['all', 'rrh', 'psh', 'th'], score: options.score ?? 10 })
    .where('id', '=', queueEntryId)
    .execute()
  return {
    ceEnrollmentId: enrollmentIds[0] as string,
    householdId,
    queueEntryId,
    clientIds,
  }
}

export async function queueStatusOf(t: TestApp, queueEntryId: string) {
  const row = await t.db
    .selectFrom('queue_entry')
    .select(['status', 'status_reason'])
    .where('id', '=', queueEntryId)
    .executeTakeFirstOrThrow()
  return row.status
}
