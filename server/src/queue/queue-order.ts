import {
  DEFAULT_RANKING_KEYS,
  type QueueProgramType,
  RANKED_QUEUE_STATUSES,
  type RankingKey,
  type RankingKeyName,
} from '@threshold/core'
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

// The ranking keys as SQL over queue_entry (aliased `qe`), mirroring core's compareRanked: missing values
// last whichever the direction, yes/no facts yes-first when descending, then the stable tie-break and the
// id. Two forms: an ORDER BY list (for ranking under proposed keys), and one text sort key per entry and
// ranking, stored in queue_rank_key (byte order = rank order), so pages and ranks are index reads.

type KeyKind = 'number' | 'date' | 'fact'

const KEY_SQL: Record<RankingKeyName, { expression: RawBuilder<unknown>; kind: KeyKind }> = {
  score: { expression: sql`qe.score`, kind: 'number' },
  chronic: { expression: sql`qe.chronic`, kind: 'fact' },
  days_homeless: { expression: sql`qe.days_homeless`, kind: 'number' },
  ce_start_date: { expression: sql`qe.ce_start_date`, kind: 'date' },
  assessment_date: { expression: sql`qe.assessment_date`, kind: 'date' },
  veteran: { expression: sql`qe.veteran`, kind: 'fact' },
  youth: { expression: sql`qe.youth`, kind: 'fact' },
  fleeing_dv: { expression: sql`qe.fleeing_dv`, kind: 'fact' },
  household_size: { expression: sql`qe.household_size`, kind: 'number' },
}

function rankingOrderBy(keys: readonly RankingKey[]): RawBuilder<unknown> {
  const parts = keys.map(({ key, direction }) => {
    const { expression, kind } = KEY_SQL[key]
    const value = kind === 'fact' ? sql`(${expression} = 'yes')` : expression
    return direction === 'desc' ? sql`${value} DESC NULLS LAST` : sql`${value} ASC NULLS LAST`
  })
  return sql.join([...parts, sql`qe.tie_break`, sql`qe.id`])
}

/** Numbers (to 3 decimals) and dates (as day numbers) as fixed-width digits, flipped for descending. */
function encodedNumber(value: RawBuilder<unknown>, descending: boolean): RawBuilder<unknown> {
  const signed = descending ? sql`-(${value})` : value
  return sql`lpad((1000000000000000 + round(${signed} * 1000))::bigint::text, 16, '0')`
}

function keySegment({ key, direction }: RankingKey): RawBuilder<unknown> {
  const { expression, kind } = KEY_SQL[key]
  const descending = direction === 'desc'
  if (kind === 'fact')
    return descending
      ? sql`CASE WHEN ${expression} = 'yes' THEN '0' ELSE '1' END`
      : sql`CASE WHEN ${expression} = 'yes' THEN '1' ELSE '0' END`
  const numeric = kind === 'date' ? sql`(${expression} - DATE '1900-01-01')` : expression
  // '0' + digits for a value, '1' for none: missing values last in either direction.
  return sql`CASE WHEN ${expression} IS NULL THEN '1' ELSE '0' || ${encodedNumber(numeric, descending)} END`
}

export const UNRANKED_PREFIX = '~'

/** The entry's sort key under `keys` (entries outside the ranked statuses sort after every ranked one). */
export function sortKeySql(keys: readonly RankingKey[]): RawBuilder<string> {
  const tieBreak = sql`lpad((qe.tie_break * 1000000000000000)::bigint::text, 16, '0')`
  return sql<string>`(CASE WHEN qe.status IN ${rankedStatusesSql} THEN '' ELSE ${UNRANKED_PREFIX} END
    || ${sql.join([...keys.map(keySegment), tieBreak, sql`qe.id::text`], sql` || `)})`
}

/** Statuses holding a rank, as a SQL list. */
const rankedStatusesSql = sql`(${sql.join(RANKED_QUEUE_STATUSES.map((status) => sql.lit(status)))})`

export interface ActiveRanking {
  id: string | null
  programType: QueueProgramType
  /** 0 = the built-in default (no version published yet). */
  version: number
  keys: RankingKey[]
}

export const builtInRanking = (programType: QueueProgramType): ActiveRanking => ({
  id: null,
  programType,
  version: 0,
  keys: [...DEFAULT_RANKING_KEYS],
})

/**
 * `SELECT id, rank` of the CoC's ranked entries under a key list, computed from the facts (for rankings not
 * stored yet: previews and the version being replaced).
 */
export function rankedEntriesSql(cocId: string, keys: readonly RankingKey[]): RawBuilder<unknown> {
  return sql`SELECT qe.id, (row_number() OVER (ORDER BY ${rankingOrderBy(keys)}))::int AS rank
             FROM queue_entry qe
             WHERE qe.coc_id = ${cocId}::uuid AND qe.status IN ${rankedStatusesSql}`
}

/** The rankings in force in a CoC: its 'all' ranking (published or built in) and each program type's own. */
async function rankingsInForce(db: Kysely<DB> | Transaction<DB>, cocId: string): Promise<ActiveRanking[]> {
  const rows = await db
    .selectFrom('queue_ranking')
    .select(['id', 'program_type', 'version', 'keys'])
    .distinctOn('program_type')
    .where('coc_id', '=', cocId)
    .orderBy('program_type')
    .orderBy('version', 'desc')
    .execute()
  const rankings: ActiveRanking[] = rows.map((row) => ({
    id: row.id,
    programType: row.program_type,
    version: row.version,
    keys: row.keys as RankingKey[],
  }))
  if (!rankings.some((ranking) => ranking.programType === 'all')) rankings.push(builtInRanking('all'))
  return rankings
}

/**
 * Rewrites the stored sort keys of some entries (or, with `entryIds` null, of every entry of the CoC) under
 * every ranking in force. Call it whenever an entry's facts or status change, and after a publish.
 */
export async function syncRankKeys(
  db: Kysely<DB> | Transaction<DB>,
  cocId: string,
  entryIds: readonly string[] | null,
): Promise<void> {
  if (entryIds?.length === 0) return
  const scope = entryIds === null ? sql`true` : sql`qe.id = ANY(${entryIds}::uuid[])`
  for (const ranking of await rankingsInForce(db, cocId)) {
    await sql`
      INSERT INTO queue_rank_key (queue_entry_id, coc_id, program_type, sort_key)
      SELECT qe.id, qe.coc_id, ${ranking.programType}, ${sortKeySql(ranking.keys)}
      FROM queue_entry qe WHERE qe.coc_id = ${cocId}::uuid AND ${scope}
      ON CONFLICT (queue_entry_id, program_type) DO UPDATE SET sort_key = excluded.sort_key`.execute(db)
  }
}

/** The rank of a stored key row `k` (null when the entry is not in a ranked status). */
export const rankOfKeySql = sql<number | null>`CASE WHEN k.sort_key < ${UNRANKED_PREFIX} THEN (1 + (
    SELECT count(*) FROM queue_rank_key ahead
    WHERE ahead.coc_id = k.coc_id AND ahead.program_type = k.program_type AND ahead.sort_key < k.sort_key))::int END`
