import {
  type Enrollment,
  type EnrollmentMemberExit,
  exitIssues,
  HEAD_OF_HOUSEHOLD,
  householdIssues,
  PROJECT_TYPES,
} from '@threshold/core'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { closeCeWorkflowOnExit } from '../ce-workflow/close-ce-workflow'
import { userActor } from '../http/app-context'
import { AppError, notFound } from '../http/errors'
import { refreshQueueEntry } from '../queue/queue-membership'
import {
  assertEditable,
  assertNoIssues,
  type EnrollmentContext,
  loadVisibleEnrollment,
} from './enrollment-access'
import { findProjectForEnrollment, memberDateIssues, writeMemberExit } from './enrollment-writes'
import { type EnrollmentState, loadEnrollments, presentEnrollments } from './enrollments.repository'

const ACTION = 'enrollment.member.exit'

/**
 * One member leaves the enrollment household of enrollment `id`: anyone before the rest but the head, who
 * leaves last. In Coordinated Entry the queue follows: the household's facts are refreshed, and once no
 * member is left the CE workflow closes and the household leaves the queue, as with the household exit.
 */
export async function exitEnrollmentMember(
  context: EnrollmentContext,
  id: string,
  clientId: string,
  input: EnrollmentMemberExit,
): Promise<Enrollment> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const anchor = await loadVisibleEnrollment(context, id, ACTION)
  const household = await loadEnrollments(
    db,
    actor,
    { householdId: anchor.row.enrollment_household_id },
    today,
  )
  const member = household.find(({ row }) => row.client_id === clientId)
  if (!member || !canSeeEnrollment(actor, member)) throw notFound('member of this enrollment household')
  await assertEditable(context, member, ACTION)
  if (member.row.exit_date !== null)
    throw new AppError('conflict', `This member already exited on ${member.row.exit_date}`)
  const othersStillEnrolled = household.some(({ row }) => row.id !== member.row.id && row.exit_date === null)
  if (member.row.relationship_to_hoh === HEAD_OF_HOUSEHOLD && othersStillEnrolled) {
    throw new AppError(
      'unprocessable',
      'The head of household leaves with the household: exit the whole household',
    )
  }
  const project = (await findProjectForEnrollment(db, member.row.project_id))!
  assertNoIssues([
    ...memberDateIssues(
      project,
      {
        entryDate: member.row.entry_date,
        moveInDate: member.row.move_in_date,
        exitDate: input.exitDate,
        dob: member.clientDob,
      },
      today,
    ),
    ...exitIssues(input),
    ...householdIssues(
      household.map(({ row }) => ({
        clientId: row.client_id,
        relationshipToHoh: row.relationship_to_hoh,
        entryDate: row.entry_date,
        exitDate: row.id === member.row.id ? input.exitDate : row.exit_date,
      })),
    ),
  ])
  await db.transaction().execute(async (trx) => {
    await writeMemberExit(trx, actor, { ...input, enrollmentId: member.row.id }, ACTION)
    if (project.projectType !== PROJECT_TYPES.CE) return
    const householdId = member.row.enrollment_household_id
    const now = context.now ?? new Date(`${today}T00:00:00.000Z`)
    // Read again inside the transaction: another member's exit may have committed since the check above.
    const stillOpen = await trx
      .selectFrom('enrollment')
      .select('id')
      .where('enrollment_household_id', '=', householdId)
      .where('exit_date', 'is', null)
      .executeTakeFirst()
    if (stillOpen) await refreshQueueEntry(trx, { enrollmentHouseholdId: householdId, now })
    else await closeCeWorkflowOnExit(trx, { actor, enrollmentHouseholdId: householdId, now })
  })
  const [exited] = await loadEnrollments(db, actor, { ids: [member.row.id] }, today)
  return (await presentEnrollments(db, actor, [exited as EnrollmentState], today))[0] as Enrollment
}
