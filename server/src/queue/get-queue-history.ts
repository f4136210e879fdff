import type { QueuePositionEvent } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import type { QueueContext } from './list-queue'
import { loadVisibleQueueEntry } from './queue-entry-access'

const ACTION = 'queue.history'

/** Every recorded position of a household on the queue (placed, status changes, rank moves), newest first. */
export async function getQueueHistory(
  context: QueueContext,
  id: string,
): Promise<{ items: QueuePositionEvent[] }> {
  await loadVisibleQueueEntry(context, id, ACTION)
  const rows = await context.db
    .selectFrom('queue_position_history as h')
    .leftJoin('app_user as u', 'u.id', 'h.actor_user_id')
    .select([
      'h.id',
      'h.occurred_at',
      'h.event',
      'h.status',
      'h.program_type',
      'h.ranking_version',
      'h.rank',
      'h.previous_rank',
      'u.display_name',
    ])
    .where('h.queue_entry_id', '=', id)
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute()
  await recordAudit(context.db, context.actor, { action: ACTION, entityType: 'queue_entry', entityId: id })
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at.toISOString(),
      event: row.event,
      status: row.status,
      programType: row.program_type,
      rankingVersion: row.ranking_version,
      rank: row.rank,
      previousRank: row.previous_rank,
      actorName: row.display_name,
    })),
  }
}
