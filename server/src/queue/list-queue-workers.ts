import { CLOSED_QUEUE_STATUSES, type QueueWorkerList } from '@threshold/core'
import { queueEntriesVisibleTo } from '../access/queue-policy'
import { assertCanViewQueue, type QueueContext } from './list-queue'

/**
 * The workers assigned to households still on the queue, among the entries the actor may see: the choices
 * of the queue's "assigned worker" filter (a worker of another agency is never named to an agency user).
 */
export async function listQueueWorkers(context: QueueContext): Promise<QueueWorkerList> {
  const actor = await assertCanViewQueue(context, 'queue.workers')
  const items = await context.db
    .selectFrom('queue_entry as qe')
    .innerJoin('app_user as u', 'u.id', 'qe.assigned_user_id')
    .select(['u.id', 'u.display_name as name'])
    .distinct()
    .where('qe.coc_id', '=', actor.cocId)
    .where('qe.status', 'not in', CLOSED_QUEUE_STATUSES)
    // The visibility builder reads nothing from its argument (it is plain SQL over the alias qe).
    .where((eb) => queueEntriesVisibleTo(actor)(eb as never))
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute()
  return { items }
}
