import { sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { rankOfKeySql } from './queue-order'
import { loadActiveRanking } from './queue-rankings.repository'

type HistoryEvent = 'placed' | 'status_changed' | 'refreshed' | 'left_queue'

/**
 * Records each entry's current status and rank under the CoC's default order ('all'), with the rank it had
 * at its previous record. A 'refreshed' record is written only when the rank actually moved. The entries'
 * rank keys must be in sync (syncRankKeys) first.
 */
export async function recordQueuePositions(
  trx: Transaction<DB>,
  input: {
    cocId: string
    entryIds: readonly string[]
    event: HistoryEvent
    actorUserId: string | null
    now: Date
  },
): Promise<void> {
  if (input.entryIds.length === 0) return
  const ranking = await loadActiveRanking(trx, input.cocId, 'all')
  await sql`
    INSERT INTO queue_position_history
      (queue_entry_id, occurred_at, event, status, program_type, ranking_version, rank, previous_rank, actor_user_id)
    SELECT current.id, ${input.now}, ${input.event}, current.status, 'all', ${ranking.version}, current.rank,
           previous.rank, ${input.actorUserId}::uuid
    FROM (
      SELECT qe.id, qe.status, ${rankOfKeySql} AS rank
      FROM queue_entry qe
      JOIN queue_rank_key k ON k.queue_entry_id = qe.id AND k.program_type = 'all'
      WHERE qe.id = ANY(${input.entryIds}::uuid[])) current
    LEFT JOIN LATERAL (
      SELECT h.rank FROM queue_position_history h
      WHERE h.queue_entry_id = current.id AND h.program_type = 'all' ORDER BY h.id DESC LIMIT 1) previous ON true
    WHERE ${input.event} <> 'refreshed' OR current.rank IS DISTINCT FROM previous.rank`.execute(trx)
}
