import { type Enrollment, HEAD_OF_HOUSEHOLD, householdIssues, type NewEnrollment } from '@threshold/core'
import type { Transaction } from 'kysely'
import { canEnrollInProject } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canSeeProject } from '../access/policy'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { assertNoIssues, type EnrollmentContext } from './enrollment-access'
import {
  assertMembersMayStart,
  explainOverlap,
  findProjectForEnrollment,
  insertHouseholdEnrollments,
  loadEnrollableClientDob,
  memberDateIssues,
  projectIssues,
} from './enrollment-writes'
import { loadEnrollments, presentEnrollments } from './enrollments.repository'

const ACTION = 'enrollment.create'

/**
 * Enrolls a household in a project at once (one enrollment per member, one HUD HouseholdID): every member
 * must be someone the actor may see, the actor's agency must operate the project (or be CE / CoC admin).
 */
export async function enrollHousehold(
  context: EnrollmentContext,
  input: NewEnrollment,
  /** Runs inside the enrolling transaction (e.g. Coordinated Entry starts its workflow there). */
  onCreated?: (
    trx: Transaction<DB>,
    created: { householdId: string; enrollmentIds: string[] },
  ) => Promise<void>,
): Promise<Enrollment[]> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const project = await loadVisible({
    db,
    actor,
    entityType: 'project',
    id: input.projectId,
    action: ACTION,
    load: findProjectForEnrollment,
    canSee: canSeeProject,
  })
  await assertPermitted(db, actor, canEnrollInProject(actor, project), {
    action: ACTION,
    entityType: 'project',
    entityId: project.id,
    message: 'Your agency does not operate this project',
  })
  const members: (NewEnrollment['members'][number] & { dob: string | null })[] = []
  for (const member of input.members) {
    members.push({ ...member, dob: await loadEnrollableClientDob(context, project, member.clientId, ACTION) })
  }
  assertNoIssues([
    ...householdIssues(members.map((member) => ({ ...member, entryDate: input.entryDate, exitDate: null }))),
    ...projectIssues(project, input),
    ...members.flatMap((member) =>
      memberDateIssues(project, { entryDate: input.entryDate, dob: member.dob }, today),
    ),
  ])
  const stays = members.map((member) => ({
    clientId: member.clientId,
    projectId: project.id,
    entryDate: input.entryDate,
    exitDate: null,
  }))
  await assertMembersMayStart(
    db,
    project,
    stays.map((stay) => stay.clientId),
    input.entryDate,
  )

  const ids = await db
    .transaction()
    .execute(async (trx) => {
      const created = await insertHouseholdEnrollments(trx, actor, {
        project,
        entryDate: input.entryDate,
        members: members.map((member) => ({
          ...member,
          // 3.16 is collected for the head of household.
          enrollmentCoc:
            member.relationshipToHoh === HEAD_OF_HOUSEHOLD ? (input.enrollmentCoc ?? null) : null,
        })),
      })
      await onCreated?.(trx, created)
      return created.enrollmentIds
    })
    .catch((error) => explainOverlap(db, error, stays))
  return presentEnrollments(db, actor, await loadEnrollments(db, actor, { ids }, today), today)
}
