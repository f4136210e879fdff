import type { CeAssessment, CeAssessmentList, CeWorkflow, CeWorkflowSummary } from '@threshold/core'
import { CE_WORKFLOW_STEPS, PROJECT_TYPES } from '@threshold/core'
import { canSeeCeWorkflow } from '../access/ce-workflow-policy'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import { loadVisibleEnrollment } from '../enrollments/enrollment-access'
import { loadEnrollment } from '../enrollments/enrollments.repository'
import { AppError } from '../http/errors'
import { loadCeWorkflow, loadSteps } from './ce-workflow.repository'
import { type CeWorkflowContext, loadVisibleCeWorkflow } from './ce-workflow-access'
import { ceAssessmentList, loadCeAssessments, presentCeWorkflow, workflowStatus } from './present-ce-workflow'

// Reading CE workflows and HUD 4.19 assessments: project data of the head of household, so the rules of
// the head's enrollment decide (an agency without a project-data release gets 404). Every read is audited.

export async function getCeWorkflow(context: CeWorkflowContext, id: string): Promise<CeWorkflow> {
  const action = 'ce_workflow.read'
  const workflow = await loadVisibleCeWorkflow(context, id, action)
  await recordAudit(context.db, context.actor, {
    action,
    entityType: 'ce_workflow',
    entityId: id,
    details: { clientId: workflow.head.row.client_id },
  })
  return presentCeWorkflow(context.db, context.actor, workflow, context.today)
}

/** The CE assessments of a CE enrollment's household (any member's enrollment id names it). */
export async function listCeAssessments(
  context: CeWorkflowContext,
  enrollmentId: string,
): Promise<CeAssessmentList> {
  const action = 'ce_assessments.read'
  const enrollment = await loadVisibleEnrollment(context, enrollmentId, action)
  if (enrollment.projectType !== PROJECT_TYPES.CE)
    throw new AppError('unprocessable', 'CE assessments belong to Coordinated Entry enrollments')
  const workflow = await loadCeWorkflow(
    context.db,
    context.actor,
    { householdId: enrollment.row.enrollment_household_id },
    context.today,
  )
  const head = workflow?.head ?? enrollment
  await recordAudit(context.db, context.actor, {
    action,
    entityType: 'enrollment',
    entityId: head.row.id,
    details: { clientId: head.row.client_id },
  })
  return ceAssessmentList(
    context.db,
    { id: head.row.id, entryDate: head.row.entry_date, exitDate: head.row.exit_date },
    context.today,
  )
}

export async function getCeAssessment(context: CeWorkflowContext, id: string): Promise<CeAssessment> {
  const action = 'ce_assessment.read'
  const { db, actor, today } = context
  const found = await loadVisible({
    db,
    actor,
    entityType: 'ce_assessment',
    id,
    action,
    label: 'CE assessment',
    load: async (database, assessmentId) => {
      const row = await database
        .selectFrom('ce_assessment')
        .select('enrollment_id')
        .where('id', '=', assessmentId)
        .executeTakeFirst()
      return row && (await loadEnrollment(database, actor, row.enrollment_id, today))
    },
    canSee: canSeeEnrollment,
  })
  const [assessment] = (await loadCeAssessments(db, [found.row.id])).filter(
    (candidate) => candidate.id === id,
  )
  await recordAudit(db, actor, {
    action,
    entityType: 'ce_assessment',
    entityId: id,
    details: { clientId: found.row.client_id },
  })
  return assessment!
}

/** The CE workflows a client belongs to, latest first, that the actor may see. */
export async function listClientCeWorkflows(
  context: CeWorkflowContext,
  clientId: string,
): Promise<CeWorkflowSummary[]> {
  const action = 'ce_workflows.read'
  const { db, actor, today } = context
  await loadVisibleClient({ db, actor, clientId, today, action })
  const households = await db
    .selectFrom('enrollment as e')
    .innerJoin('ce_workflow as w', 'w.enrollment_household_id', 'e.enrollment_household_id')
    .select('w.id')
    .where('e.client_id', '=', clientId)
    .orderBy('e.entry_date', 'desc')
    .execute()
  const summaries: CeWorkflowSummary[] = []
  for (const { id } of households) {
    const workflow = await loadCeWorkflow(db, actor, { id }, today)
    if (!workflow || !canSeeCeWorkflow(actor, workflow)) continue
    const completedSteps = (await loadSteps(db, id)).filter((step) => step.completed_at !== null).length
    summaries.push({
      id,
      headEnrollmentId: workflow.head.row.id,
      projectName: workflow.head.projectName,
      entryDate: workflow.head.row.entry_date,
      exitDate: workflow.head.row.exit_date,
      status: workflowStatus(workflow, completedSteps),
      outcome: workflow.row.outcome,
      completedSteps,
      totalSteps: CE_WORKFLOW_STEPS.length,
    })
  }
  await recordAudit(db, actor, { action, entityType: 'client', entityId: clientId })
  return summaries
}
