import {
  CE_STEP_DRAFTS,
  CE_STEPS_BEFORE_QUEUE,
  type CeStepSave,
  type CeWorkflow,
  type CeWorkflowStep,
} from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { refreshQueueEntry } from '../queue/queue-membership'
import { type CeWorkflowState, loadCeWorkflow, loadSteps, stepLabel } from './ce-workflow.repository'
import { type CeWorkflowContext, loadWorkableCeWorkflow } from './ce-workflow-access'
import { presentCeWorkflow, scoreDraft, stepMissing } from './present-ce-workflow'
import { writeStepRecords } from './write-step-records'

/** Steps whose records feed the queue's ranking facts (HQ recomputes them). */
const QUEUE_FACT_STEPS: readonly CeWorkflowStep[] = [
  'universal_data',
  'disabilities',
  'domestic_violence',
  'current_living_situation',
  'ce_assessment',
]

function parseDraft(step: CeWorkflowStep, data: unknown) {
  const parsed = CE_STEP_DRAFTS[step].safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }))
    throw new AppError(
      'invalid_input',
      `${stepLabel(step)}: ${issues[0]?.field} ${issues[0]?.message}`,
      issues,
    )
  }
  return parsed.data
}

/** 409 that tells the loser of a race the version that won. */
async function staleStep(
  trx: Transaction<DB> | CeWorkflowContext['db'],
  workflowId: string,
  step: CeWorkflowStep,
) {
  const current = await trx
    .selectFrom('ce_workflow_step as s')
    .leftJoin('app_user as u', 'u.id', 's.updated_by')
    .select(['s.version', 'u.display_name as updatedByName', 's.updated_at'])
    .where('s.workflow_id', '=', workflowId)
    .where('s.step', '=', step)
    .executeTakeFirstOrThrow()
  return new AppError(
    'conflict',
    `${current.updatedByName ?? 'Someone'} saved "${stepLabel(step)}" after you opened it (now version ${current.version}); reload it and make your change again`,
    { version: current.version, updatedByName: current.updatedByName },
  )
}

function assertOpen(workflow: CeWorkflowState) {
  if (workflow.row.closed_at !== null || workflow.head.row.exit_date !== null) {
    throw new AppError('conflict', 'This Coordinated Entry enrollment has exited; its workflow is closed')
  }
}

/**
 * Saves a step's draft (`complete: false`) or completes it, writing the real HUD records. Either way the
 * stored version must be the one the user loaded: of two users saving the same step at once, one wins and
 * the other gets 409 with the newer version. Completing with required elements missing is a 422 listing them.
 */
export async function saveCeStep(
  context: CeWorkflowContext,
  id: string,
  step: CeWorkflowStep,
  input: CeStepSave,
  complete: boolean,
): Promise<CeWorkflow> {
  const { db, today, now } = context
  const actor = userActor(context.actor)
  const action = complete ? 'ce_workflow.step.complete' : 'ce_workflow.step.save'
  const workflow = await loadWorkableCeWorkflow(context, id, action)
  assertOpen(workflow)
  const data = parseDraft(step, input.data)
  const stored = (await loadSteps(db, id)).find((row) => row.step === step)
  if (stored && stored.version !== input.version) throw await staleStep(db, id, step)

  if (complete) {
    const score = step === 'ce_assessment' ? await scoreDraft(db, workflow, data as never) : undefined
    if (score?.outcome && !score.outcome.ok) {
      throw new AppError('unprocessable', score.outcome.issues[0]!.message, score.outcome.issues)
    }
    const missing = stepMissing(workflow, step, data, score?.outcome?.ok ? score.outcome.score : undefined)
    if (step === 'outcome' && (data as { outcome?: string }).outcome === 'placed_on_queue') {
      const steps = await loadSteps(db, id)
      for (const before of CE_STEPS_BEFORE_QUEUE) {
        if (!steps.some((row) => row.step === before && row.completed_at !== null))
          missing.push({ element: `Complete "${stepLabel(before)}" first`, memberEnrollmentId: null })
      }
    }
    if (missing.length > 0) {
      throw new AppError(
        'unprocessable',
        `${stepLabel(step)} is missing ${missing.length} required element${missing.length === 1 ? '' : 's'}: ${missing[0]!.element}`,
        missing,
      )
    }
  }

  await db.transaction().execute(async (trx) => {
    // The versioned update comes first: it locks the row, so a concurrent save waits and then loses.
    const updated = await trx
      .updateTable('ce_workflow_step')
      .set({
        draft: JSON.stringify(data),
        version: sql`version + 1`,
        updated_at: now,
        updated_by: actor.userId,
        ...(complete && { completed_at: now, completed_by: actor.userId }),
      })
      .where('workflow_id', '=', id)
      .where('step', '=', step)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) throw await staleStep(trx, id, step)
    // Working on it is resuming it.
    await trx
      .updateTable('ce_workflow')
      .set({ paused_at: null, paused_by: null, updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: 'ce_workflow',
      entityId: id,
      details: { step, clientId: workflow.head.row.client_id, fields: Object.keys(data) },
    })
    if (!complete) return
    await writeStepRecords(trx, { actor, workflow, step, data, today, now })
    if (QUEUE_FACT_STEPS.includes(step)) {
      await refreshQueueEntry(trx, { enrollmentHouseholdId: workflow.row.enrollment_household_id, now })
    }
  })
  const reloaded = await loadCeWorkflow(db, actor, { id }, today)
  return presentCeWorkflow(db, actor, reloaded!, today)
}

/** Pauses (any CE user may resume later) or resumes the workflow. */
export async function setCeWorkflowPaused(
  context: CeWorkflowContext,
  id: string,
  paused: boolean,
): Promise<CeWorkflow> {
  const { db, today, now } = context
  const actor = userActor(context.actor)
  const action = paused ? 'ce_workflow.pause' : 'ce_workflow.resume'
  const workflow = await loadWorkableCeWorkflow(context, id, action)
  assertOpen(workflow)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ce_workflow')
      .set({
        paused_at: paused ? now : null,
        paused_by: paused ? actor.userId : null,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: 'ce_workflow',
      entityId: id,
      details: { clientId: workflow.head.row.client_id },
    })
  })
  const reloaded = await loadCeWorkflow(db, actor, { id }, today)
  return presentCeWorkflow(db, actor, reloaded!, today)
}
