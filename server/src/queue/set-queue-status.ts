import type { QueueStatusPatch } from '@threshold/core'
import { assertPermitted } from '../access/load-visible'
import { canManageQueue } from '../access/queue-policy'
import type { QueueContext } from './list-queue'
import { loadVisibleQueueEntry } from './queue-entry-access'
import { changeQueueStatus } from './queue-membership'

const ACTION = 'queue.status_changed'

/** A CE manager's status change (review, inactive, ready, exit), refused with 409 on a stale version. */
export async function setQueueStatus(context: QueueContext, id: string, patch: QueueStatusPatch) {
  const entry = await loadVisibleQueueEntry(context, id, ACTION)
  await assertPermitted(context.db, context.actor, canManageQueue(context.actor, { id: entry.cocId }), {
    action: ACTION,
    entityType: 'queue_entry',
    entityId: id,
    message: 'Only Coordinated Entry managers change queue statuses',
  })
  return context.db.transaction().execute(async (trx) => {
    await changeQueueStatus(trx, {
      actor: context.actor,
      queueEntryId: id,
      status: patch.status,
      reason: patch.reason ?? null,
      now: context.clock.now(),
      expectedVersion: patch.expectedVersion,
    })
    return trx
      .selectFrom('queue_entry')
      .select(['id as queueEntryId', 'status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  })
}
