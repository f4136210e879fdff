import {
  type EnrollmentAssessment,
  HEAD_OF_HOUSEHOLD,
  type NewEnrollmentAssessment,
  stageRecordIssues,
} from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import {
  assertNoIssues,
  auditRead,
  type EnrollmentContext,
  loadEditableEnrollment,
  loadVisibleEnrollment,
} from './enrollment-access'
import { loadEnrollments } from './enrollments.repository'
import { answeredParts, insertStageRecord, loadStageRecords } from './stage-records'

const ACTION = 'enrollment.assessment.create'

/**
 * Records one data collection stage (start, update, annual, exit, post-exit) for an enrollment, dated as
 * the stage demands; an annual assessment outside ±30 days of the head's anniversary is refused.
 */
export async function recordAssessment(
  context: EnrollmentContext,
  id: string,
  input: NewEnrollmentAssessment,
): Promise<EnrollmentAssessment[]> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const enrollment = await loadEditableEnrollment(context, id, ACTION)
  const { dataCollectionStage: stage, informationDate, ...answers } = input
  const parts = answeredParts(answers)
  if (parts.length === 0)
    throw new AppError('invalid_input', 'Give at least one of incomeBenefits, disabilities, healthAndDv')
  const household = await loadEnrollments(
    db,
    actor,
    { householdId: enrollment.row.enrollment_household_id },
    today,
  )
  const head = household.find(({ row }) => row.relationship_to_hoh === HEAD_OF_HOUSEHOLD) ?? enrollment
  assertNoIssues(
    stageRecordIssues({
      stage,
      informationDate,
      entryDate: enrollment.row.entry_date,
      exitDate: enrollment.row.exit_date,
      hohEntryDate: head.row.entry_date,
      today,
    }),
  )
  await db.transaction().execute(async (trx) => {
    await insertStageRecord(trx, actor, { enrollmentId: id, stage, informationDate, answers })
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'enrollment',
      entityId: id,
      details: { clientId: enrollment.row.client_id, dataCollectionStage: stage, fields: parts },
    })
  })
  return loadStageRecords(db, id)
}

export async function listAssessments(
  context: EnrollmentContext,
  id: string,
): Promise<EnrollmentAssessment[]> {
  const action = 'enrollment.assessments.read'
  const enrollment = await loadVisibleEnrollment(context, id, action)
  await auditRead(context, action, id, enrollment.row.client_id)
  return loadStageRecords(context.db, id)
}
