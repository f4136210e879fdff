import type { Transaction } from 'kysely'
import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { leaveQueue } from '../queue/queue-membership'

/**
 * The CE enrollment household exited: its workflow closes and the household leaves the Housing Queue
 * (status 'exited'). Runs inside the exit's transaction of any CE household, with a workflow or not.
 */
export async function closeCeWorkflowOnExit(
  trx: Transaction<DB>,
  input: { actor: UserActor; enrollmentHouseholdId: string; now: Date },
): Promise<void> {
  const closed = await trx
    .updateTable('ce_workflow')
    .set({ closed_at: input.now, paused_at: null, paused_by: null, updated_at: input.now })
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .where('closed_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (closed) {
    await recordAudit(trx, input.actor, {
      action: 'ce_workflow.close',
      entityType: 'ce_workflow',
      entityId: closed.id,
      details: { enrollmentHouseholdId: input.enrollmentHouseholdId },
    })
  }
  await leaveQueue(trx, { ...input, status: 'exited' })
}
