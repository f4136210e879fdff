import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeCeWorkflow, canWorkOnCeWorkflow } from '../access/ce-workflow-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { type CeWorkflowState, loadCeWorkflow, WORKFLOW_ENTITY } from './ce-workflow.repository'

/** What every CE workflow use case receives. */
export interface CeWorkflowContext {
  db: Kysely<DB>
  actor: Actor
  /** YYYY-MM-DD from the injectable clock. */
  today: string
  now: Date
}

/** The workflow, or 404 (with a `denied` audit row) when it is missing or its household is not visible. */
export function loadVisibleCeWorkflow(
  context: CeWorkflowContext,
  id: string,
  action: string,
): Promise<CeWorkflowState> {
  return loadVisible({
    db: context.db,
    actor: context.actor,
    entityType: WORKFLOW_ENTITY,
    id,
    action,
    label: 'CE workflow',
    load: (db, workflowId) => loadCeWorkflow(db, context.actor, { id: workflowId }, context.today),
    canSee: canSeeCeWorkflow,
  })
}

/** A visible workflow the actor may also work on (a CE user of the CoC), else 403 with a `denied` row. */
export async function loadWorkableCeWorkflow(
  context: CeWorkflowContext,
  id: string,
  action: string,
): Promise<CeWorkflowState> {
  const workflow = await loadVisibleCeWorkflow(context, id, action)
  await assertPermitted(context.db, context.actor, canWorkOnCeWorkflow(context.actor, workflow), {
    action,
    entityType: WORKFLOW_ENTITY,
    entityId: id,
    message:
      'Only Coordinated Entry users of the CoC (CE managers, case managers of CE agencies) work on this',
  })
  return workflow
}
