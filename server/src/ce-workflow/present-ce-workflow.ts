import {
  type AssessmentScore,
  annualAssessmentStatus,
  CE_STEP_DRAFTS,
  CE_WORKFLOW_STEPS,
  type CeAssessment,
  type CeAssessmentList,
  type CeDocument,
  type CeDocumentType,
  type CeStepDraft,
  type CeWorkflow,
  type CeWorkflowStep,
  ceStepMissingElements,
  scoreAssessment,
} from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { canWorkOnCeWorkflow } from '../access/ce-workflow-policy'
import { canSeeClientIdentity } from '../access/client-policy'
import type { DB } from '../db/schema'
import {
  type CeWorkflowState,
  defaultVariant,
  findPrioritizationTool,
  loadSteps,
  stepLabel,
  userNames,
  workflowMembers,
} from './ce-workflow.repository'

/** A step's stored draft, parsed with its schema (a draft saved by an older release may not parse). */
export function parsedDraft<S extends CeWorkflowStep>(step: S, draft: unknown): CeStepDraft<S> {
  const parsed = CE_STEP_DRAFTS[step].safeParse(draft)
  return (parsed.success ? parsed.data : CE_STEP_DRAFTS[step].parse({})) as CeStepDraft<S>
}

type Db = Kysely<DB> | Transaction<DB>

/** The assessment step's answers scored with its tool version; null until a tool and type are set. */
export async function scoreDraft(db: Db, workflow: CeWorkflowState, draft: CeStepDraft<'ce_assessment'>) {
  const tool = await findPrioritizationTool(db, workflow.cocId, draft.toolVersionId)
  if (!tool) return { tool: undefined, outcome: undefined }
  const variant = draft.variant ?? defaultVariant(workflow)
  return { tool, outcome: scoreAssessment(tool, variant, draft.answers) }
}

/** Missing required elements of one step's draft, for the workflow's members. */
export function stepMissing(
  workflow: CeWorkflowState,
  step: CeWorkflowStep,
  draft: unknown,
  score?: AssessmentScore,
) {
  const data = parsedDraft(step, draft)
  return ceStepMissingElements(
    // biome-ignore lint/suspicious/noExplicitAny: step and data are parsed together just above
    { step, data, unansweredQuestions: score?.unansweredRequired } as any,
    workflowMembers(workflow),
  )
}

export async function loadCeAssessments(db: Db, enrollmentIds: readonly string[]): Promise<CeAssessment[]> {
  if (enrollmentIds.length === 0) return []
  const rows = await db
    .selectFrom('ce_assessment as a')
    .innerJoin('project as p', 'p.id', 'a.assessment_location_project_id')
    .leftJoin('assessment_tool_version as v', 'v.id', 'a.tool_version_id')
    .leftJoin('assessment_tool as t', 't.id', 'v.tool_id')
    .leftJoin('app_user as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select([
      'p.name as projectName',
      't.name as toolName',
      'v.version as toolVersion',
      'u.display_name as createdByName',
    ])
    .where('a.enrollment_id', 'in', enrollmentIds)
    .orderBy('a.assessment_date', 'desc')
    .orderBy('a.created_at', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    enrollmentId: row.enrollment_id,
    assessmentDate: row.assessment_date,
    assessmentLocationProjectId: row.assessment_location_project_id,
    assessmentLocationProjectName: row.projectName,
    assessmentType: row.assessment_type,
    assessmentLevel: row.assessment_level,
    prioritizationStatus: row.prioritization_status,
    toolVersionId: row.tool_version_id,
    toolName: row.toolName,
    toolVersion: row.toolVersion,
    answers: row.answers,
    score: row.score === null ? null : Number(row.score),
    subScores: row.sub_scores,
    createdAt: row.created_at.toISOString(),
    createdByName: row.createdByName,
  }))
}

/** The head's CE assessments with the yearly reassessment window. */
export async function ceAssessmentList(
  db: Db,
  head: { id: string; entryDate: string; exitDate: string | null },
  today: string,
): Promise<CeAssessmentList> {
  const assessments = await loadCeAssessments(db, [head.id])
  return {
    assessments,
    annualWindow: annualAssessmentStatus({
      hohEntryDate: head.entryDate,
      exitDate: head.exitDate,
      today,
      recordedDates: assessments.map((assessment) => assessment.assessmentDate),
    }),
  }
}

export async function loadCeDocuments(db: Db, workflowId: string): Promise<CeDocument[]> {
  const rows = await db
    .selectFrom('ce_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.document_type',
      'd.file_name',
      'd.content_type',
      'd.size_bytes',
      'd.uploaded_at',
      'u.display_name as uploadedByName',
    ])
    .where('d.workflow_id', '=', workflowId)
    .orderBy('d.uploaded_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    documentType: row.document_type as CeDocumentType,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedByName: row.uploadedByName,
  }))
}

export function workflowStatus(workflow: CeWorkflowState, completedSteps: number): CeWorkflow['status'] {
  if (workflow.row.closed_at !== null || workflow.head.row.exit_date !== null) return 'exited'
  if (workflow.row.outcome !== null && completedSteps >= CE_WORKFLOW_STEPS.length - 1) return 'completed'
  return workflow.row.paused_at !== null ? 'paused' : 'in_progress'
}

/** The API view of a workflow the actor may see. */
export async function presentCeWorkflow(
  db: Kysely<DB>,
  actor: Actor,
  workflow: CeWorkflowState,
  today: string,
): Promise<CeWorkflow> {
  const { row, head } = workflow
  const steps = await loadSteps(db, row.id)
  const byStep = new Map(steps.map((step) => [step.step, step]))
  const names = await userNames(db, [
    row.case_manager_user_id,
    row.paused_by,
    ...steps.flatMap((step) => [step.updated_by, step.completed_by]),
  ])
  const members = workflowMembers(workflow)
  const clients = await db
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name'])
    .where(
      'id',
      'in',
      members.map((member) => member.state.row.client_id),
    )
    .execute()
  const clientNames = new Map(clients.map((client) => [client.id, client]))
  const assessmentDraft = parsedDraft('ce_assessment', byStep.get('ce_assessment')?.draft)
  const { tool, outcome } = await scoreDraft(db, workflow, assessmentDraft)
  const runningScore = outcome?.ok ? outcome.score : null
  const completedSteps = steps.filter((step) => step.completed_at !== null).length
  return {
    id: row.id,
    enrollmentHouseholdId: row.enrollment_household_id,
    headEnrollmentId: head.row.id,
    headClientId: head.row.client_id,
    projectId: head.row.project_id,
    projectName: head.projectName,
    cocId: row.coc_id,
    entryDate: head.row.entry_date,
    exitDate: head.row.exit_date,
    caseManagerUserId: row.case_manager_user_id,
    caseManagerName: names.get(row.case_manager_user_id) ?? null,
    status: workflowStatus(workflow, completedSteps),
    pausedAt: row.paused_at?.toISOString() ?? null,
    pausedByName: row.paused_by ? (names.get(row.paused_by) ?? null) : null,
    outcome: row.outcome,
    outcomeDate: row.outcome_date,
    members: members.map((member, index) => {
      const client = clientNames.get(member.state.row.client_id)
      const named =
        member.state.client !== undefined && canSeeClientIdentity(actor, member.state.client) && client
      return {
        enrollmentId: member.enrollmentId,
        clientId: member.state.row.client_id,
        relationshipToHoh: member.state.row.relationship_to_hoh,
        isHead: member.isHead,
        isAdult: member.isAdult,
        label: named
          ? [client.first_name, client.last_name].filter(Boolean).join(' ') || `Member ${index + 1}`
          : `Member ${index + 1}`,
      }
    }),
    steps: CE_WORKFLOW_STEPS.map((step) => {
      const stored = byStep.get(step)
      const data = parsedDraft(step, stored?.draft)
      return {
        step,
        label: stepLabel(step),
        status: stored?.completed_at ? 'completed' : stored?.updated_at ? 'draft' : 'not_started',
        version: stored?.version ?? 1,
        data: data as Record<string, unknown>,
        missing: stepMissing(
          workflow,
          step,
          data,
          step === 'ce_assessment' ? (runningScore ?? undefined) : undefined,
        ),
        updatedAt: stored?.updated_at?.toISOString() ?? null,
        updatedByName: stored?.updated_by ? (names.get(stored.updated_by) ?? null) : null,
        completedAt: stored?.completed_at?.toISOString() ?? null,
        completedByName: stored?.completed_by ? (names.get(stored.completed_by) ?? null) : null,
      }
    }),
    assessmentTool: tool
      ? { id: tool.id, toolName: tool.toolName, version: tool.version, definition: tool.definition }
      : null,
    runningScore,
    documents: await loadCeDocuments(db, row.id),
    assessments: await ceAssessmentList(
      db,
      { id: head.row.id, entryDate: head.row.entry_date, exitDate: head.row.exit_date },
      today,
    ),
    canWork: canWorkOnCeWorkflow(actor, workflow),
  }
}
