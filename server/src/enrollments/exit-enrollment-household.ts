import {
  type Enrollment,
  type EnrollmentHouseholdExit,
  exitIssues,
  householdIssues,
  PROJECT_TYPES,
} from '@threshold/core'
import { canEditEnrollment, canSeeEnrollment } from '../access/enrollment-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { closeCeWorkflowOnExit } from '../ce-workflow/close-ce-workflow'
import { userActor } from '../http/app-context'
import { AppError, notFound } from '../http/errors'
import { assertNoIssues, type EnrollmentContext } from './enrollment-access'
import { findProjectForEnrollment, memberDateIssues, writeMemberExit } from './enrollment-writes'
import { loadEnrollments, presentEnrollments } from './enrollments.repository'

const ACTION = 'enrollment_household.exit'

/**
 * The whole household leaves on one date: every member still enrolled must be listed with their
 * destination (3.12) and may carry their project-exit records.
 */
export async function exitEnrollmentHousehold(
  context: EnrollmentContext,
  householdId: string,
  input: EnrollmentHouseholdExit,
): Promise<Enrollment[]> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const household = await loadEnrollments(db, actor, { householdId }, today)
  if (!household.some((member) => canSeeEnrollment(actor, member))) {
    if (household.length > 0) {
      await recordAudit(db, actor, {
        action: ACTION,
        entityType: 'enrollment_household',
        entityId: householdId,
        outcome: 'denied',
      })
    }
    throw notFound('enrollment household')
  }
  const open = household.filter((member) => member.row.exit_date === null)
  await assertPermitted(
    db,
    actor,
    open.every((member) => canEditEnrollment(actor, member)),
    {
      action: ACTION,
      entityType: 'enrollment_household',
      entityId: householdId,
      message: 'Only the agency that enrolled the household exits it',
    },
  )
  if (open.length === 0) throw new AppError('conflict', 'Everyone in this household has already exited')
  const listed = new Map(input.members.map((member) => [member.clientId, member]))
  const unlisted = open.filter((member) => !listed.has(member.row.client_id))
  if (unlisted.length > 0 || listed.size !== input.members.length || listed.size !== open.length) {
    throw new AppError(
      'unprocessable',
      'List every member still enrolled, once each, with their destination',
      {
        stillEnrolled: open.map((member) => member.row.client_id),
      },
    )
  }
  const project = (await findProjectForEnrollment(db, household[0]!.row.project_id))!
  assertNoIssues([
    ...open.flatMap((member) =>
      memberDateIssues(
        project,
        {
          entryDate: member.row.entry_date,
          moveInDate: member.row.move_in_date,
          exitDate: input.exitDate,
          dob: member.clientDob,
        },
        today,
      ),
    ),
    ...input.members.flatMap((member) => exitIssues({ ...member, exitDate: input.exitDate })),
    ...householdIssues(
      household.map(({ row }) => ({
        clientId: row.client_id,
        relationshipToHoh: row.relationship_to_hoh,
        entryDate: row.entry_date,
        exitDate: row.exit_date ?? input.exitDate,
      })),
    ),
  ])
  await db.transaction().execute(async (trx) => {
    for (const member of open) {
      const exit = listed.get(member.row.client_id)!
      await writeMemberExit(
        trx,
        actor,
        { ...exit, exitDate: input.exitDate, enrollmentId: member.row.id },
        ACTION,
      )
    }
    // Leaving Coordinated Entry closes the CE workflow and takes the household off the Housing Queue.
    if (project.projectType === PROJECT_TYPES.CE) {
      const now = context.now ?? new Date(`${today}T00:00:00.000Z`)
      await closeCeWorkflowOnExit(trx, { actor, enrollmentHouseholdId: householdId, now })
    }
  })
  const exited = await loadEnrollments(db, actor, { householdId }, today)
  return presentEnrollments(
    db,
    actor,
    exited.filter((member) => canSeeEnrollment(actor, member)),
    today,
  )
}
