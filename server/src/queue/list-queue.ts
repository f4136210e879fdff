import type { QueuePage, QueueQuery, QueueRow } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor, UserActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { canViewQueue } from '../access/queue-policy'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { selectQueuePage } from './queue.repository'
import { loadActiveRanking } from './queue-rankings.repository'

export interface QueueContext {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
}

/** 403 (audited) unless the actor may open the queue of their CoC. */
export async function assertCanViewQueue(context: QueueContext, action: string): Promise<UserActor> {
  const { db, actor } = context
  const permitted = actor.kind === 'user' && canViewQueue(actor, { id: actor.cocId })
  await assertPermitted(db, actor, permitted, {
    action,
    entityType: 'queue',
    message: 'Your role does not work the Housing Queue',
  })
  return actor as UserActor
}

const identifiedCount = (rows: readonly QueueRow[]) => rows.filter((row) => row.identity === 'named').length

/** A page of the CoC's queue as the actor may see it, ranked, filtered and explained. */
export async function listQueue(context: QueueContext, query: QueueQuery): Promise<QueuePage> {
  const actor = await assertCanViewQueue(context, 'queue.list')
  const { sort, direction, limit, cursor, ...filters } = query
  const ranking = await loadActiveRanking(context.db, actor.cocId, filters.programType)
  const page = await selectQueuePage(
    context.db,
    actor,
    ranking,
    { filters, sort, direction, limit, cursor },
    todayFrom(context.clock),
  )
  await recordAudit(context.db, actor, {
    action: 'queue.list',
    entityType: 'queue',
    details: { count: page.rows.length, identified: identifiedCount(page.rows) },
  })
  return page
}

/** The most rows one case-conferencing export holds. */
const EXPORT_LIMIT = 10_000

const CSV_COLUMNS: [string, (row: QueueRow) => string | number | boolean | null][] = [
  ['Rank', (row) => row.rank],
  ['Status', (row) => row.status],
  ['Client ID', (row) => row.clientId],
  ['Head of household', (row) => (row.identity === 'named' ? row.headName : row.identity)],
  ['CE project', (row) => row.ceProjectName],
  ['Household type', (row) => row.householdType],
  ['Household size', (row) => row.householdSize],
  ['Veteran', (row) => row.veteran],
  ['Youth', (row) => row.youth],
  ['Chronic', (row) => row.chronic],
  ['Fleeing DV', (row) => row.fleeingDv],
  ['CE start', (row) => row.ceStartDate],
  ['Assessment tool', (row) => row.toolName],
  ['Score', (row) => row.score],
  ['Assessment date', (row) => row.assessmentDate],
  ['Days homeless (3 years)', (row) => row.daysHomeless],
  ['Disability verified', (row) => row.disabilityVerified],
  ['Documents complete for', (row) => row.documentsCompleteFor.join(' ')],
  ['Eligible program types', (row) => row.eligibleProgramTypes.join(' ')],
  ['Last CLS', (row) => row.lastClsDate],
  ['CLS stale', (row) => row.clsStale],
  ['Assigned worker', (row) => row.assignedUserName],
  ['Ranking', (row) => `${row.rankingProgramType} v${row.rankingVersion}`],
]

/** A cell as CSV: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The filtered queue as CSV for case conferencing (same masking as the screen; audited). */
export async function exportQueueCsv(context: QueueContext, query: QueueQuery): Promise<string> {
  const actor = await assertCanViewQueue(context, 'queue.export')
  const { sort, direction, cursor: _cursor, limit: _limit, ...filters } = query
  const ranking = await loadActiveRanking(context.db, actor.cocId, filters.programType)
  const { rows } = await selectQueuePage(
    context.db,
    actor,
    ranking,
    { filters, sort, direction, limit: EXPORT_LIMIT },
    todayFrom(context.clock),
  )
  await recordAudit(context.db, actor, {
    action: 'queue.export',
    entityType: 'queue',
    details: { count: rows.length, identified: identifiedCount(rows) },
  })
  const lines = [
    CSV_COLUMNS.map(([header]) => csvCell(header)).join(','),
    ...rows.map((row) => CSV_COLUMNS.map(([, value]) => csvCell(value(row))).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}
