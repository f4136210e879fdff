import type { QueueProgramType, RankingKey } from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { type ActiveRanking, builtInRanking } from './queue-order'

/**
 * The ranking in force for a CoC and program type: its latest published version, else the CoC's 'all'
 * ranking, else the built-in default.
 */
export async function loadActiveRanking(
  db: Kysely<DB> | Transaction<DB>,
  cocId: string,
  programType: QueueProgramType,
): Promise<ActiveRanking> {
  const rows = await db
    .selectFrom('queue_ranking')
    .select(['id', 'program_type', 'version', 'keys'])
    .where('coc_id', '=', cocId)
    .where('program_type', 'in', programType === 'all' ? ['all'] : [programType, 'all'])
    .orderBy('version', 'desc')
    .execute()
  const row = rows.find((ranking) => ranking.program_type === programType) ?? rows[0]
  if (!row) return builtInRanking(programType)
  return { id: row.id, programType: row.program_type, version: row.version, keys: row.keys as RankingKey[] }
}
