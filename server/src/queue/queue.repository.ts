import {
  addDays,
  DEFAULT_STALE_AFTER_DAYS,
  explainRanking,
  type QueueFilters,
  type QueueRow,
  type QueueSort,
  type RankingFacts,
} from '@threshold/core'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { queueEntriesVisibleTo, queueIdentitySql } from '../access/queue-policy'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { type ActiveRanking, UNRANKED_PREFIX } from './queue-order'

// The queue page: the CoC's ranking as a window over its ranked entries, joined to the entries the actor may
// see and the page's filters, ordered and cut by a keyset cursor. The facts are columns of queue_entry, so
// one query answers a page whatever the filters.

/** The sortable columns, with the type a cursor value is cast back to; rank sorts by the unique stored key. */
const SORT_SQL: Record<
  QueueSort,
  { expression: RawBuilder<unknown>; cast: string; defaultDirection: 'asc' | 'desc'; unique?: true }
> = {
  rank: { expression: sql`k.sort_key`, cast: 'text', defaultDirection: 'asc', unique: true },
  score: { expression: sql`qe.score`, cast: 'numeric', defaultDirection: 'desc' },
  ce_start_date: { expression: sql`qe.ce_start_date`, cast: 'date', defaultDirection: 'asc' },
  last_cls_date: { expression: sql`qe.last_cls_date`, cast: 'date', defaultDirection: 'asc' },
  days_homeless: { expression: sql`qe.days_homeless`, cast: 'int', defaultDirection: 'desc' },
}

interface Cursor {
  value: string | null
  id: string
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url')

function decodeCursor(text: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown]
    if ((typeof value === 'string' || value === null) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { value, id }
  } catch {}
  throw new AppError('invalid_input', 'cursor is not one this API returned')
}

/** The status filter when none is given: households still on the queue. */
const OPEN_STATUSES = ['pending_review', 'incomplete_documentation', 'ready', 'referred', 'inactive'] as const

export interface QueueListOptions {
  filters: QueueFilters
  sort: QueueSort
  direction?: 'asc' | 'desc'
  limit: number
  cursor?: string
}

function filterConditions(options: QueueListOptions, today: string): RawBuilder<unknown>[] {
  const { filters } = options
  const conditions: RawBuilder<unknown>[] = []
  const statuses = filters.status ?? [...OPEN_STATUSES]
  conditions.push(sql`qe.status = ANY(${statuses}::text[])`)
  if (filters.projectId) conditions.push(sql`qe.ce_project_id = ${filters.projectId}::uuid`)
  if (filters.householdType) conditions.push(sql`qe.household_type = ${filters.householdType}`)
  if (filters.veteran) conditions.push(sql`qe.veteran = ${filters.veteran}`)
  if (filters.youth) conditions.push(sql`qe.youth = ${filters.youth}`)
  if (filters.chronic) conditions.push(sql`qe.chronic = ${filters.chronic}`)
  if (filters.dv) conditions.push(sql`qe.fleeing_dv = ${filters.dv}`)
  if (filters.documentation) {
    const complete =
      filters.programType === 'all'
        ? sql`cardinality(qe.documents_complete_for) > 0`
        : sql`${filters.programType} = ANY(qe.documents_complete_for)`
    conditions.push(filters.documentation === 'complete' ? complete : sql`NOT (${complete})`)
  }
  if (filters.staleCls !== undefined) {
    const staleBefore = addDays(today, -DEFAULT_STALE_AFTER_DAYS)
    const stale = sql`(qe.last_cls_date IS NULL OR qe.last_cls_date < ${staleBefore}::date)`
    conditions.push(filters.staleCls ? stale : sql`NOT ${stale}`)
  }
  if (filters.assignedUserId) conditions.push(sql`qe.assigned_user_id = ${filters.assignedUserId}::uuid`)
  if (filters.eligibleProgramType)
    conditions.push(sql`${filters.eligibleProgramType} = ANY(qe.eligible_program_types)`)
  return conditions
}

function keysetCondition(sort: QueueSort, descending: boolean, cursor: Cursor): RawBuilder<unknown> {
  const { expression, cast, unique } = SORT_SQL[sort]
  if (cursor.value === null) return sql`(${expression} IS NULL AND qe.id > ${cursor.id}::uuid)`
  const value = sql`${cursor.value}::${sql.raw(cast)}`
  const beyond = descending ? sql`${expression} < ${value}` : sql`${expression} > ${value}`
  if (unique) return beyond
  return sql`(${beyond} OR (${expression} = ${value} AND qe.id > ${cursor.id}::uuid) OR ${expression} IS NULL)`
}

interface RowRecord {
  id: string
  enrollment_household_id: string
  rank: number | null
  status: QueueRow['status']
  status_reason: string | null
  inactive_since: string | null
  version: number
  identity: QueueRow['identity']
  client_id: string
  first_name: string | null
  last_name: string | null
  ce_project_id: string
  ce_project_name: string
  household_type: QueueRow['householdType']
  household_size: number
  veteran: QueueRow['veteran']
  youth: QueueRow['youth']
  chronic: QueueRow['chronic']
  fleeing_dv: QueueRow['fleeingDv']
  ce_start_date: string
  score: string | null
  assessment_date: string | null
  tool_name: string | null
  days_homeless: number | null
  disability_verified: boolean
  documents_complete_for: string[]
  missing_documents: Record<string, string[]>
  eligible_program_types: string[]
  last_cls_date: string | null
  assigned_user_id: string | null
  assigned_user_name: string | null
  sort_value: string | null
}

/** One page of the queue (limit + 1 rows are read to know whether another page follows). */
export async function selectQueuePage(
  db: Kysely<DB>,
  actor: Actor & { kind: 'user' },
  ranking: ActiveRanking,
  options: QueueListOptions,
  today: string,
): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
  const sort = SORT_SQL[options.sort]
  const descending = (options.direction ?? sort.defaultDirection) === 'desc'
  const conditions = filterConditions(options, today)
  if (options.cursor) conditions.push(keysetCondition(options.sort, descending, decodeCursor(options.cursor)))
  const visible = queueEntriesVisibleTo(actor)
  const identity = queueIdentitySql(actor, today)
  // biome-ignore lint/suspicious/noExplicitAny: the where-callbacks ignore their builder argument
  const eb = undefined as any
  const staleBefore = addDays(today, -DEFAULT_STALE_AFTER_DAYS)
  const direction = descending ? sql`DESC` : sql`ASC`
  const order = sort.unique
    ? sql`${sort.expression} ${direction}`
    : sql`${sort.expression} ${direction} NULLS LAST, qe.id`
  // The page's ids first (filters, visibility and order over queue_entry and its rank key), then the ranks
  // of those rows (a window over the keys up to the page's last ranked one), then their details.
  const { rows } = await sql<RowRecord>`
    WITH page AS MATERIALIZED (
      SELECT qe.id, k.sort_key, (${sort.expression})::text AS sort_value,
             row_number() OVER (ORDER BY ${order}) AS position
      FROM queue_entry qe
      JOIN queue_rank_key k ON k.queue_entry_id = qe.id AND k.program_type = ${ranking.programType}
      WHERE k.coc_id = ${actor.cocId}::uuid AND ${visible(eb)} AND ${sql.join(conditions, sql` AND `)}
      ORDER BY ${order}
      LIMIT ${options.limit + 1}),
    ranked AS (
      SELECT ahead.queue_entry_id AS id, (row_number() OVER (ORDER BY ahead.sort_key))::int AS rank
      FROM queue_rank_key ahead
      WHERE ahead.coc_id = ${actor.cocId}::uuid AND ahead.program_type = ${ranking.programType}
        AND ahead.sort_key <= (SELECT max(page.sort_key) FROM page WHERE page.sort_key < ${UNRANKED_PREFIX}))
    SELECT qe.id, qe.enrollment_household_id, ranked.rank, qe.status, qe.status_reason,
           qe.inactive_since::text AS inactive_since, qe.version, ${identity(eb)} AS identity,
           client.id AS client_id, client.first_name, client.last_name,
           qe.ce_project_id, p.name AS ce_project_name, qe.household_type, qe.household_size,
           qe.veteran, qe.youth, qe.chronic, qe.fleeing_dv, qe.ce_start_date::text AS ce_start_date,
           qe.score::text AS score, qe.assessment_date::text AS assessment_date, tool.name AS tool_name,
           qe.days_homeless, qe.disability_verified, qe.documents_complete_for, qe.missing_documents, qe.eligible_program_types,
           qe.last_cls_date::text AS last_cls_date, qe.assigned_user_id, u.display_name AS assigned_user_name,
           page.sort_value
    FROM page
    JOIN queue_entry qe ON qe.id = page.id
    LEFT JOIN ranked ON ranked.id = page.id
    JOIN LATERAL (
      SELECT e.client_id FROM enrollment e
      WHERE e.enrollment_household_id = qe.enrollment_household_id
      ORDER BY (e.relationship_to_hoh = 1) DESC, e.exit_date IS NULL DESC, e.entry_date LIMIT 1) hoh ON true
    JOIN client ON client.id = hoh.client_id
    JOIN project p ON p.id = qe.ce_project_id
    LEFT JOIN assessment_tool_version tv ON tv.id = qe.tool_version_id
    LEFT JOIN assessment_tool tool ON tool.id = tv.tool_id
    LEFT JOIN app_user u ON u.id = qe.assigned_user_id
    ORDER BY page.position`.execute(db)
  const page = rows.slice(0, options.limit)
  const last = page.at(-1)
  return {
    rows: page.map((row) => toQueueRow(row, ranking, staleBefore)),
    nextCursor:
      rows.length > options.limit && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null,
  }
}

function toQueueRow(row: RowRecord, ranking: ActiveRanking, staleBefore: string): QueueRow {
  const score = row.score === null ? null : Number(row.score)
  const facts: RankingFacts = {
    score,
    chronic: row.chronic,
    daysHomeless: row.days_homeless,
    ceStartDate: row.ce_start_date,
    assessmentDate: row.assessment_date,
    veteran: row.veteran,
    youth: row.youth,
    fleeingDv: row.fleeing_dv,
    householdSize: row.household_size,
  }
  const named = row.identity === 'named'
  return {
    queueEntryId: row.id,
    householdId: row.enrollment_household_id,
    rank: row.rank,
    status: row.status,
    statusReason: row.status_reason,
    inactiveSince: row.inactive_since,
    version: row.version,
    explanation: explainRanking(ranking.keys, facts),
    rankingVersion: ranking.version,
    rankingProgramType: ranking.programType,
    identity: row.identity,
    clientId: row.identity === 'deidentified' ? null : row.client_id,
    headName: named ? [row.first_name, row.last_name].filter(Boolean).join(' ') || null : null,
    ceProjectId: row.ce_project_id,
    ceProjectName: row.ce_project_name,
    householdType: row.household_type,
    householdSize: row.household_size,
    veteran: row.veteran,
    youth: row.youth,
    chronic: row.chronic,
    fleeingDv: row.fleeing_dv,
    ceStartDate: row.ce_start_date,
    score,
    assessmentDate: row.assessment_date,
    toolName: row.tool_name,
    daysHomeless: row.days_homeless,
    disabilityVerified: row.disability_verified,
    documentsCompleteFor: row.documents_complete_for,
    missingDocuments: row.missing_documents,
    eligibleProgramTypes: row.eligible_program_types,
    lastClsDate: row.last_cls_date,
    clsStale: row.last_cls_date === null || row.last_cls_date < staleBefore,
    assignedUserId: row.assigned_user_id,
    assignedUserName: row.assigned_user_name,
  }
}
