import { type Enrollment, householdIssues, type NewEnrollmentHouseholdMember } from '@threshold/core'
import { assertNotBarred } from '../beds/bars'
import { userActor } from '../http/app-context'
import { assertNoIssues, type EnrollmentContext, loadEditableEnrollment } from './enrollment-access'
import {
  assertNoOverlap,
  explainOverlap,
  findProjectForEnrollment,
  insertMemberEnrollment,
  loadEnrollableClientDob,
  memberDateIssues,
  projectIssues,
} from './enrollment-writes'
import { type EnrollmentState, loadEnrollments, presentEnrollments } from './enrollments.repository'

const ACTION = 'enrollment.member.add'

/** A client joins the enrollment household of enrollment `id` on their own start date. */
export async function addEnrollmentMember(
  context: EnrollmentContext,
  id: string,
  input: NewEnrollmentHouseholdMember,
): Promise<Enrollment> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const enrollment = await loadEditableEnrollment(context, id, ACTION)
  const project = (await findProjectForEnrollment(db, enrollment.row.project_id))!
  const dob = await loadEnrollableClientDob(context, project, input.clientId, ACTION)
  const household = await loadEnrollments(
    db,
    actor,
    { householdId: enrollment.row.enrollment_household_id },
    today,
  )
  const stays = household.map(({ row }) => ({
    clientId: row.client_id,
    relationshipToHoh: row.relationship_to_hoh,
    entryDate: row.entry_date,
    exitDate: row.exit_date,
  }))
  assertNoIssues([
    ...householdIssues([...stays, { ...input, exitDate: null }]),
    ...projectIssues(project, input),
    ...memberDateIssues(project, { entryDate: input.entryDate, dob }, today),
  ])
  const stay = { clientId: input.clientId, projectId: project.id, entryDate: input.entryDate, exitDate: null }
  await assertNoOverlap(db, stay)
  await assertNotBarred(db, { ...stay, placeName: project.name, today: stay.entryDate })
  const newId = await db
    .transaction()
    .execute((trx) =>
      insertMemberEnrollment(trx, actor, {
        ...input,
        enrollmentHouseholdId: enrollment.row.enrollment_household_id,
        project,
        enrollmentCoc: null,
      }),
    )
    .catch((error) => explainOverlap(db, error, [stay]))
  const [created] = await loadEnrollments(db, actor, { ids: [newId] }, today)
  return (await presentEnrollments(db, actor, [created as EnrollmentState], today))[0] as Enrollment
}
