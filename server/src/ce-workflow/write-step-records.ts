import {
  type CeStepDraft,
  type CeWorkflowStep,
  DATA_COLLECTION_STAGES,
  DisabilityAnswer,
  HealthAndDvAnswers,
  NewCurrentLivingSituation,
  PROJECT_TYPES,
  PriorLivingSituation,
  type RuleIssue,
  scoreAssessment,
} from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import type { z } from 'zod'
import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { assertNoIssues } from '../enrollments/enrollment-access'
import { priorLivingSituationColumns } from '../enrollments/enrollments.repository'
import { insertStageRecord } from '../enrollments/stage-records'
import { AppError } from '../http/errors'
import { placeOnQueue } from '../queue/queue-membership'
import { type CeWorkflowState, findPrioritizationTool, workflowMembers } from './ce-workflow.repository'
import { assertCaseManagerInCoc } from './enroll-ce-household'

interface StepWrite {
  actor: UserActor
  workflow: CeWorkflowState
  step: CeWorkflowStep
  data: unknown
  today: string
  now: Date
}

/** Answers that fail HUD's own rules: 422 naming the member's field. */
function parseHud<S extends z.ZodType>(schema: S, value: unknown, field: string): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues: RuleIssue[] = parsed.error.issues.map((issue) => ({
    field: [field, ...issue.path].join('.'),
    message: issue.message,
  }))
  throw new AppError('unprocessable', `${issues[0]!.field}: ${issues[0]!.message}`, issues)
}

/** A date recorded during the CE stay, never in the future. */
function dateIssues(field: string, date: string, workflow: CeWorkflowState, today: string): RuleIssue[] {
  if (date > today) return [{ field, message: 'The date must not be in the future' }]
  if (date < workflow.head.row.entry_date)
    return [
      { field, message: `The date must not be before the CE start date (${workflow.head.row.entry_date})` },
    ]
  return []
}

async function auditEnrollment(
  trx: Transaction<DB>,
  actor: UserActor,
  enrollmentId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(trx, actor, {
    action: 'enrollment.update',
    entityType: 'enrollment',
    entityId: enrollmentId,
    details,
  })
}

/** Replaces a member's project-start records of one kind (the workflow step is where they are corrected). */
async function replaceProjectStart(
  trx: Transaction<DB>,
  actor: UserActor,
  member: { enrollmentId: string; entryDate: string },
  table: 'disabilities' | 'health_and_dv',
  answers: Parameters<typeof insertStageRecord>[2]['answers'],
) {
  await trx
    .deleteFrom(table)
    .where('enrollment_id', '=', member.enrollmentId)
    .where('data_collection_stage', '=', DATA_COLLECTION_STAGES.projectStart)
    .execute()
  await insertStageRecord(trx, actor, {
    enrollmentId: member.enrollmentId,
    stage: DATA_COLLECTION_STAGES.projectStart,
    informationDate: member.entryDate,
    answers,
  })
}

/** Completing a step writes the HUD records it collects, audited, in the step's transaction. */
export async function writeStepRecords(trx: Transaction<DB>, write: StepWrite): Promise<void> {
  const { actor, workflow, today, now } = write
  const members = workflowMembers(workflow)
  const headId = workflow.head.row.id
  const clientOf = (enrollmentId: string) =>
    members.find((member) => member.enrollmentId === enrollmentId)?.state.row.client_id
  switch (write.step) {
    case 'enrollment': {
      const data = write.data as CeStepDraft<'enrollment'>
      const project = await trx
        .selectFrom('coc')
        .select('code')
        .where('id', '=', workflow.cocId)
        .executeTakeFirstOrThrow()
      if (data.enrollmentCoc !== project.code) {
        assertNoIssues([
          {
            field: 'enrollmentCoc',
            message: `The enrollment CoC must be the project's CoC (${project.code})`,
          },
        ])
      }
      await assertCaseManagerInCoc(trx, data.caseManagerUserId!, workflow.cocId)
      await trx
        .updateTable('enrollment')
        .set({
          enrollment_coc: data.enrollmentCoc!,
          version: sql`version + 1`,
          updated_at: now,
          updated_by: actor.userId,
        })
        .where('id', '=', headId)
        .execute()
      await trx
        .updateTable('ce_workflow')
        .set({ case_manager_user_id: data.caseManagerUserId! })
        .where('id', '=', workflow.row.id)
        .execute()
      await auditEnrollment(trx, actor, headId, {
        clientId: clientOf(headId),
        fields: ['enrollmentCoc', 'caseManager'],
      })
      return
    }
    case 'universal_data': {
      const data = write.data as CeStepDraft<'universal_data'>
      for (const member of members) {
        const answers = data.members[member.enrollmentId]
        const prior =
          member.isHead || member.isAdult
            ? parseHud(
                PriorLivingSituation,
                answers?.priorLivingSituation,
                `${member.enrollmentId}.priorLivingSituation`,
              )
            : null
        await trx
          .updateTable('enrollment')
          .set({
            disabling_condition: answers?.disablingCondition ?? 99,
            ...(prior && priorLivingSituationColumns(prior)),
            version: sql`version + 1`,
            updated_at: now,
            updated_by: actor.userId,
          })
          .where('id', '=', member.enrollmentId)
          .execute()
        await auditEnrollment(trx, actor, member.enrollmentId, {
          clientId: member.state.row.client_id,
          fields: ['disablingCondition', ...(prior ? ['priorLivingSituation'] : [])],
        })
      }
      return
    }
    case 'disabilities': {
      const data = write.data as CeStepDraft<'disabilities'>
      for (const member of members) {
        const answers = Object.entries(data.members[member.enrollmentId] ?? {}).map(([type, answer]) =>
          parseHud(
            DisabilityAnswer,
            {
              disabilityType: Number(type),
              disabilityResponse: answer?.disabilityResponse,
              indefiniteAndImpairs: answer?.indefiniteAndImpairs ?? null,
            },
            `${member.enrollmentId}.${type}`,
          ),
        )
        await replaceProjectStart(
          trx,
          actor,
          { enrollmentId: member.enrollmentId, entryDate: member.state.row.entry_date },
          'disabilities',
          {
            disabilities: answers,
          },
        )
        await auditEnrollment(trx, actor, member.enrollmentId, {
          clientId: member.state.row.client_id,
          fields: ['disabilities'],
        })
      }
      return
    }
    case 'domestic_violence': {
      const data = write.data as CeStepDraft<'domestic_violence'>
      for (const member of members.filter((candidate) => candidate.isHead || candidate.isAdult)) {
        const answer = parseHud(HealthAndDvAnswers, data.members[member.enrollmentId], member.enrollmentId)
        await replaceProjectStart(
          trx,
          actor,
          { enrollmentId: member.enrollmentId, entryDate: member.state.row.entry_date },
          'health_and_dv',
          {
            healthAndDv: answer,
          },
        )
        await auditEnrollment(trx, actor, member.enrollmentId, {
          clientId: member.state.row.client_id,
          fields: ['healthAndDv'],
        })
      }
      return
    }
    case 'current_living_situation': {
      const answer = parseHud(NewCurrentLivingSituation, write.data, 'currentLivingSituation')
      assertNoIssues(dateIssues('informationDate', answer.informationDate, workflow, today))
      const { id } = await trx
        .insertInto('current_living_situation')
        .values({
          enrollment_id: headId,
          information_date: answer.informationDate,
          current_living_situation: answer.currentLivingSituation,
          cls_subsidy_type: answer.clsSubsidyType,
          verified_by: answer.verifiedBy,
          leave_situation14_days: answer.leaveSituation14Days,
          subsequent_residence: answer.subsequentResidence,
          resources_to_obtain: answer.resourcesToObtain,
          lease_own60_day: answer.leaseOwn60Day,
          moved_two_or_more: answer.movedTwoOrMore,
          location_details: answer.locationDetails,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(trx, actor, {
        action: 'enrollment.current_living_situation.create',
        entityType: 'enrollment',
        entityId: headId,
        details: { clientId: clientOf(headId), currentLivingSituationId: id },
      })
      return
    }
    case 'ce_assessment': {
      const data = write.data as CeStepDraft<'ce_assessment'>
      assertNoIssues(dateIssues('assessmentDate', data.assessmentDate!, workflow, today))
      const location = await trx
        .selectFrom('project')
        .select(['project_type', 'coc_id'])
        .where('id', '=', data.assessmentLocationProjectId!)
        .executeTakeFirst()
      if (!location || location.coc_id !== workflow.cocId || location.project_type !== PROJECT_TYPES.CE) {
        assertNoIssues([
          {
            field: 'assessmentLocationProjectId',
            message: 'The assessment location must be a Coordinated Entry project of the CoC',
          },
        ])
      }
      const tool = await findPrioritizationTool(trx, workflow.cocId, data.toolVersionId)
      if (!tool)
        assertNoIssues([{ field: 'toolVersionId', message: 'Not a published assessment tool of this CoC' }])
      const outcome = scoreAssessment(tool!, data.variant!, data.answers)
      if (!outcome.ok) throw new AppError('unprocessable', outcome.issues[0]!.message, outcome.issues)
      const { id } = await trx
        .insertInto('ce_assessment')
        .values({
          enrollment_id: headId,
          assessment_date: data.assessmentDate!,
          assessment_location_project_id: data.assessmentLocationProjectId!,
          assessment_type: data.assessmentType!,
          assessment_level: data.assessmentLevel!,
          prioritization_status: data.prioritizationStatus!,
          tool_version_id: tool!.id,
          answers: JSON.stringify(data.answers),
          score: outcome.score.total,
          sub_scores: JSON.stringify(outcome.score.subScores),
          owner_organization_id: actor.organizationId,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(trx, actor, {
        action: 'ce_assessment.create',
        entityType: 'ce_assessment',
        entityId: id,
        details: { clientId: clientOf(headId), enrollmentId: headId, toolVersionId: tool!.id },
      })
      return
    }
    case 'outcome': {
      const data = write.data as CeStepDraft<'outcome'>
      assertNoIssues(dateIssues('outcomeDate', data.outcomeDate!, workflow, today))
      await trx
        .updateTable('ce_workflow')
        .set({
          outcome: data.outcome!,
          outcome_date: data.outcomeDate!,
          outcome_recorded_at: now,
          outcome_recorded_by: actor.userId,
        })
        .where('id', '=', workflow.row.id)
        .execute()
      await recordAudit(trx, actor, {
        action: 'ce_workflow.outcome',
        entityType: 'ce_workflow',
        entityId: workflow.row.id,
        details: { clientId: clientOf(headId), outcome: data.outcome },
      })
      if (data.outcome === 'placed_on_queue') {
        await placeOnQueue(trx, { actor, enrollmentHouseholdId: workflow.row.enrollment_household_id, now })
      }
      return
    }
    case 'documents':
      return
  }
}
