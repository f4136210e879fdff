import {
  type NewQueueRanking,
  type QueueProgramType,
  type QueueRanking,
  type QueueRankingImpact,
  type QueueRankingList,
  type RankingKey,
  summarizeRankingImpact,
} from '@threshold/core'
import { type Kysely, sql, type Transaction } from 'kysely'
import { assertPermitted } from '../access/load-visible'
import { canConfigureQueueRanking } from '../access/queue-policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { publishChange } from '../live/publish-change'
import { assertCanViewQueue, type QueueContext } from './list-queue'
import { QUEUE_CHANNEL } from './queue-membership'
import { rankedEntriesSql, syncRankKeys } from './queue-order'
import { loadActiveRanking } from './queue-rankings.repository'

// Ranking rules per CoC and program type. Publishing appends a version (past versions never change), and
// every household whose rank moves gets a position-history row, written in one INSERT … SELECT.

/** The current ranking of a program type and every published version of it, newest first. */
export async function listQueueRankings(
  context: QueueContext,
  programType: QueueProgramType,
): Promise<QueueRankingList> {
  const actor = await assertCanViewQueue(context, 'queue.ranking.read')
  const current = await loadActiveRanking(context.db, actor.cocId, programType)
  const rows = await context.db
    .selectFrom('queue_ranking as r')
    .leftJoin('app_user as u', 'u.id', 'r.published_by')
    .select(['r.id', 'r.program_type', 'r.version', 'r.keys', 'r.note', 'r.published_at', 'u.display_name'])
    .where('r.coc_id', '=', actor.cocId)
    .where('r.program_type', '=', programType)
    .orderBy('r.version', 'desc')
    .execute()
  const versions: QueueRanking[] = rows.map((row) => ({
    id: row.id,
    programType: row.program_type,
    version: row.version,
    keys: row.keys as RankingKey[],
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    publishedByName: row.display_name,
  }))
  const currentVersion = versions.find((version) => version.id === current.id)
  return {
    current: currentVersion ?? {
      id: current.id,
      programType: current.programType,
      version: current.version,
      keys: current.keys,
      note: current.version === 0 ? 'Built-in default' : null,
      publishedAt: null,
      publishedByName: null,
    },
    versions,
  }
}

/** Each ranked household's rank under the current keys and under the proposed ones. */
async function rankPairs(
  db: Kysely<DB> | Transaction<DB>,
  cocId: string,
  before: RankingKey[],
  after: RankingKey[],
) {
  const { rows } = await sql<{ id: string; status: string; before: number; after: number }>`
    SELECT a.id, qe.status, b.rank AS before, a.rank AS after
    FROM (${rankedEntriesSql(cocId, after)}) a
    JOIN (${rankedEntriesSql(cocId, before)}) b ON b.id = a.id
    JOIN queue_entry qe ON qe.id = a.id`.execute(db)
  return rows
}

function describeImpact(impact: { changedPosition: number; leaveTop: number; top: number }): string {
  const households = (count: number) => `${count} household${count === 1 ? '' : 's'}`
  const change = `${households(impact.changedPosition)} change${impact.changedPosition === 1 ? 's' : ''} position`
  return `${change}; ${impact.leaveTop} leave${impact.leaveTop === 1 ? 's' : ''} the top ${impact.top}`
}

/** What publishing `keys` would do to the queue, before anyone commits to it. */
export async function previewQueueRanking(
  context: QueueContext,
  input: { programType: QueueProgramType; keys: RankingKey[]; top: number },
): Promise<QueueRankingImpact> {
  const actor = await assertCanViewQueue(context, 'queue.ranking.preview')
  const current = await loadActiveRanking(context.db, actor.cocId, input.programType)
  const pairs = await rankPairs(context.db, actor.cocId, current.keys, input.keys)
  const impact = summarizeRankingImpact(pairs, input.top)
  return {
    programType: input.programType,
    currentVersion: current.programType === input.programType ? current.version : 0,
    rankedHouseholds: pairs.length,
    ...impact,
    summary: describeImpact(impact),
  }
}

/** Publishes the next version of a program type's ranking (409 when someone published since `expectedVersion`). */
export async function publishQueueRanking(
  context: QueueContext,
  input: NewQueueRanking,
): Promise<QueueRanking & { impact: QueueRankingImpact }> {
  const actor = await assertCanViewQueue(context, 'queue.ranking.publish')
  await assertPermitted(context.db, actor, canConfigureQueueRanking(actor, { id: actor.cocId }), {
    action: 'queue.ranking.publish',
    entityType: 'queue_ranking',
    message: 'Only CoC administrators and CE managers set the queue ranking',
  })
  const now = context.clock.now()
  return context.db.transaction().execute(async (trx) => {
    // One publisher per CoC and program type at a time; the unique version is the backstop.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`queue_ranking:${actor.cocId}:${input.programType}`}))`.execute(
      trx,
    )
    const latest = await trx
      .selectFrom('queue_ranking')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('coc_id', '=', actor.cocId)
      .where('program_type', '=', input.programType)
      .executeTakeFirst()
    const latestVersion = latest?.version ?? 0
    if (latestVersion !== input.expectedVersion)
      throw new AppError(
        'conflict',
        `Version ${latestVersion} was published since you started; review it first`,
        {
          currentVersion: latestVersion,
        },
      )
    const before = await loadActiveRanking(trx, actor.cocId, input.programType)
    const version = latestVersion + 1
    const inserted = await trx
      .insertInto('queue_ranking')
      .values({
        coc_id: actor.cocId,
        program_type: input.programType,
        version,
        keys: JSON.stringify(input.keys),
        note: input.note ?? null,
        published_at: now,
        published_by: actor.userId,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow()
    const pairs = await rankPairs(trx, actor.cocId, before.keys, input.keys)
    await syncRankKeys(trx, actor.cocId, null)
    await sql`
      INSERT INTO queue_position_history
        (queue_entry_id, occurred_at, event, status, program_type, ranking_version, rank, previous_rank, actor_user_id)
      SELECT a.id, ${now}, 'ranking_published', qe.status, ${input.programType}, ${version}, a.rank, b.rank,
             ${actor.userId}::uuid
      FROM (${rankedEntriesSql(actor.cocId, input.keys)}) a
      JOIN (${rankedEntriesSql(actor.cocId, before.keys)}) b ON b.id = a.id
      JOIN queue_entry qe ON qe.id = a.id
      WHERE a.rank <> b.rank`.execute(trx)
    const impact = summarizeRankingImpact(pairs, 20)
    await recordAudit(trx, actor, {
      action: 'queue.ranking.publish',
      entityType: 'queue_ranking',
      entityId: inserted.id,
      details: { programType: input.programType, version, keys: input.keys.map((key) => key.key) },
    })
    await publishChange(trx, QUEUE_CHANNEL, {
      cocId: actor.cocId,
      rankingProgramType: input.programType,
      rankingVersion: version,
    })
    return {
      id: inserted.id,
      programType: input.programType,
      version,
      keys: input.keys,
      note: input.note ?? null,
      publishedAt: now.toISOString(),
      publishedByName: actor.username,
      impact: {
        programType: input.programType,
        currentVersion: version,
        rankedHouseholds: pairs.length,
        ...impact,
        summary: describeImpact(impact),
      },
    }
  })
}
