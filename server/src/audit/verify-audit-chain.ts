import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'

export interface AuditChainReport {
  rows: number
  /** The first row whose hash or link does not match, or null when the chain is intact. */
  firstBrokenSeq: number | null
}

/**
 * Recomputes every row's hash from its content and its predecessor's stored hash, with the same SQL
 * function the insert trigger uses; a changed, inserted or deleted row breaks the chain at that point.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditChainReport> {
  const result = await sql<{ rows: number; first_broken: number | null }>`
    WITH checked AS (
      SELECT e.seq,
             e.hash = audit_event_digest(lag(e.hash) OVER (ORDER BY e.seq), e)
               AND e.prev_hash IS NOT DISTINCT FROM lag(e.hash) OVER (ORDER BY e.seq)
               AND e.seq = row_number() OVER (ORDER BY e.seq) AS ok
      FROM audit_event e
    )
    SELECT count(*)::int AS rows, min(seq) FILTER (WHERE NOT ok) AS first_broken FROM checked`.execute(db)
  const row = result.rows[0]
  return { rows: row?.rows ?? 0, firstBrokenSeq: row?.first_broken ?? null }
}
