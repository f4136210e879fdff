import {
  type DeclineConsequence,
  type QueueProgramType,
  RANKED_QUEUE_STATUSES,
  type ReferralSnapshot,
} from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'
import { changeQueueStatus, leaveQueue } from '../queue/queue-membership'
import { rankedEntriesSql } from '../queue/queue-order'
import { loadActiveRanking } from '../queue/queue-rankings.repository'
import type { Executor } from './referrals.repository'

// Where referrals meet the Housing Queue (HQ owns the queue; these calls go through its functions).

/** The queue's program type for an opening's project type. */
export function queueProgramTypeFor(projectType: number): QueueProgramType {
  if (projectType === 3) return 'psh'
  if (projectType === 13) return 'rrh'
  if (projectType === 2) return 'th'
  return 'all'
}

export interface QueuePlace {
  queueEntryId: string
  status: string
  snapshot: ReferralSnapshot
}

/** The household's queue entry with its rank under the ranking in force for the program type. */
export async function queuePlaceOf(
  db: Executor,
  input: { cocId: string; enrollmentHouseholdId: string; projectType: number },
): Promise<QueuePlace | undefined> {
  const entry = await db
    .selectFrom('queue_entry')
    .select([
      'id',
      'status',
      'score',
      'chronic',
      'veteran',
      'fleeing_dv',
      'household_type',
      'household_size',
      'days_homeless',
      'assessment_date',
    ])
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .executeTakeFirst()
  if (!entry) return undefined
  const ranking = await loadActiveRanking(db, input.cocId, queueProgramTypeFor(input.projectType))
  const ranked = await sql<{ rank: number }>`
    SELECT ranked.rank FROM (${rankedEntriesSql(input.cocId, ranking.keys)}) AS ranked
    WHERE ranked.id = ${entry.id}::uuid`.execute(db)
  return {
    queueEntryId: entry.id,
    status: entry.status,
    snapshot: {
      rank: ranked.rows[0]?.rank ?? null,
      rankingVersion: `${ranking.programType} v${ranking.version}`,
      values: {
        score: entry.score === null ? null : Number(entry.score),
        chronic: entry.chronic,
        veteran: entry.veteran,
        fleeingDv: entry.fleeing_dv,
        householdType: entry.household_type,
        householdSize: entry.household_size,
        daysHomeless: entry.days_homeless,
        assessmentDate: entry.assessment_date,
      },
    },
  }
}

/** A referral was made: a waiting household is now 'referred'. */
export async function markReferred(
  trx: Transaction<DB>,
  actor: Actor,
  place: QueuePlace | undefined,
  now: Date,
): Promise<void> {
  if (!place || !RANKED_QUEUE_STATUSES.includes(place.status as never)) return
  await changeQueueStatus(trx, {
    actor,
    queueEntryId: place.queueEntryId,
    status: 'referred',
    reason: 'referral sent',
    now,
  })
}

/**
 * The referral ended without a placement: the household goes back as the consequence says, unless it
 * still has another active referral (it stays 'referred') or has left the queue.
 */
export async function returnToQueue(
  trx: Transaction<DB>,
  actor: Actor,
  input: {
    referralId: string
    enrollmentHouseholdId: string
    consequence: DeclineConsequence
    reason: string
    now: Date
  },
): Promise<void> {
  const entry = await trx
    .selectFrom('queue_entry')
    .select(['id', 'status'])
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .executeTakeFirst()
  if (entry?.status !== 'referred') return
  const otherActive = await trx
    .selectFrom('referral')
    .select('id')
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .where('id', '<>', input.referralId)
    .where('status', 'in', ['pending', 'acknowledged', 'accepted'])
    .executeTakeFirst()
  if (otherActive) return
  const status =
    input.consequence === 'inactive'
      ? 'inactive'
      : input.consequence === 'needs_reassessment'
        ? 'pending_review'
        : 'ready'
  await changeQueueStatus(trx, {
    actor,
    queueEntryId: entry.id,
    status,
    reason: input.consequence === 'needs_reassessment' ? `needs reassessment: ${input.reason}` : input.reason,
    now: input.now,
  })
}

/**
 * Whether enrolling through a referral to this project type houses the household: the CoC's row for the
 * project type, else its default row (the rows of the referral timers), else yes.
 */
export async function housedOnEnrollFor(db: Executor, cocId: string, projectType: number): Promise<boolean> {
  const rows = await db
    .selectFrom('referral_timer_setting')
    .select(['project_type', 'housed_on_enroll'])
    .where('coc_id', '=', cocId)
    .where((eb) => eb.or([eb('project_type', '=', projectType), eb('project_type', 'is', null)]))
    .execute()
  const row = rows.find((candidate) => candidate.project_type === projectType) ?? rows[0]
  return row?.housed_on_enroll ?? true
}

/**
 * Placed: the household leaves the queue as housed, or, where the CoC keeps households enrolled in this
 * project type on the queue, goes back to it at its rank for the other program types (still 'referred'
 * while another referral of it is active).
 */
export async function markPlaced(
  trx: Transaction<DB>,
  actor: Actor,
  placement: {
    referralId: string
    enrollmentHouseholdId: string
    cocId: string
    projectType: number
    projectName: string
    now: Date
  },
): Promise<void> {
  if (await housedOnEnrollFor(trx, placement.cocId, placement.projectType)) {
    await leaveQueue(trx, {
      actor,
      enrollmentHouseholdId: placement.enrollmentHouseholdId,
      status: 'housed',
      now: placement.now,
    })
    return
  }
  await returnToQueue(trx, actor, {
    referralId: placement.referralId,
    enrollmentHouseholdId: placement.enrollmentHouseholdId,
    consequence: 'return_same_rank',
    reason: `enrolled in ${placement.projectName}; stays on the queue for other program types`,
    now: placement.now,
  })
}
