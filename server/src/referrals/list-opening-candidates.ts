import { HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { sql } from 'kysely'
import { canSeeClientIdentity } from '../access/client-policy'
import { loadClientAccessFactsMany, todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { canCreateCeReferral } from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import { evaluateProjectsForHouseholds } from '../eligibility'
import { userActor } from '../http/app-context'
import { rankedEntriesSql } from '../queue/queue-order'
import { loadActiveRanking } from '../queue/queue-rankings.repository'
import { loadVisibleOpening } from './openings'
import { queueProgramTypeFor } from './queue-link'
import type { ReferralContext } from './referrals.repository'

const LIMIT = 50

/**
 * The queued households CE could refer to an opening, best first: 'ready' on the queue, ranked by the
 * ranking in force for the program type, without an active referral to that type, and not failing the
 * project's eligibility rules. Each comes with why (rank, key facts, eligibility).
 */
export async function listOpeningCandidates(context: ReferralContext, openingId: string) {
  const { db } = context
  const actor = userActor(context.actor)
  const today = todayFrom(context.clock)
  const action = 'referral_opening.candidates'
  const opening = await loadVisibleOpening(context, openingId, action)
  await assertPermitted(db, actor, canCreateCeReferral(actor, opening), {
    action,
    entityType: 'referral_opening',
    entityId: openingId,
    message: 'Only Coordinated Entry sees the queue for an opening',
  })
  const ranking = await loadActiveRanking(db, opening.cocId, queueProgramTypeFor(opening.projectType))
  const ranked = await sql<{
    id: string
    rank: number
    enrollmentHouseholdId: string
    status: string
    score: string | null
    chronic: string
    daysHomeless: number | null
    householdSize: number
  }>`
    SELECT qe.id, ranked.rank, qe.enrollment_household_id AS "enrollmentHouseholdId", qe.status, qe.score,
      qe.chronic, qe.days_homeless AS "daysHomeless", qe.household_size AS "householdSize"
    FROM (${rankedEntriesSql(opening.cocId, ranking.keys)}) AS ranked
    JOIN queue_entry qe ON qe.id = ranked.id
    WHERE qe.status = 'ready'
      AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.enrollment_household_id = qe.enrollment_household_id
        AND r.program_type = ${opening.projectType}::smallint AND r.status IN ('pending', 'acknowledged', 'accepted'))
    ORDER BY ranked.rank
    LIMIT ${LIMIT * 4}`.execute(db)
  const householdIds = ranked.rows.map((row) => row.enrollmentHouseholdId)
  const evaluations = await evaluateProjectsForHouseholds(db, {
    cocId: opening.cocId,
    enrollmentHouseholdIds: householdIds,
    asOf: today,
    projectIds: [opening.projectId],
  })
  const heads =
    householdIds.length === 0
      ? []
      : await db
          .selectFrom('enrollment as e')
          .innerJoin('client as c', 'c.id', 'e.client_id')
          .select([
            'e.id',
            'e.enrollment_household_id as householdId',
            'e.client_id as clientId',
            'c.first_name as firstName',
            'c.last_name as lastName',
          ])
          .where('e.enrollment_household_id', 'in', householdIds)
          .where('e.relationship_to_hoh', '=', HEAD_OF_HOUSEHOLD)
          .where('e.exit_date', 'is', null)
          .execute()
  const facts = await loadClientAccessFactsMany(
    db,
    actor,
    heads.map((head) => head.clientId),
    today,
  )
  const candidates = []
  for (const row of ranked.rows) {
    const head = heads.find((candidate) => candidate.householdId === row.enrollmentHouseholdId)
    const evaluation = evaluations.get(row.enrollmentHouseholdId)?.[0]
    if (!head || evaluation?.result.outcome === 'fail') continue
    const client = facts.get(head.clientId)
    const named = client !== undefined && canSeeClientIdentity(actor, client)
    candidates.push({
      queueEntryId: row.id,
      ceEnrollmentId: head.id,
      rank: row.rank,
      householdLabel: named
        ? `${head.firstName ?? ''} ${head.lastName ?? ''}`.trim()
        : `Household ${row.enrollmentHouseholdId.slice(0, 8)}`,
      householdSize: row.householdSize,
      explanation: [
        `Rank ${row.rank} on the ${ranking.programType} ranking (version ${ranking.version})`,
        ...(row.score !== null ? [`Score ${Number(row.score)}`] : []),
        `Chronically homeless: ${row.chronic}`,
        ...(row.daysHomeless !== null ? [`${row.daysHomeless} days homeless`] : []),
        evaluation === undefined
          ? 'The project has no eligibility rules'
          : evaluation.result.outcome === 'pass'
            ? 'Meets the project’s eligibility rules'
            : `Eligibility unknown: missing ${evaluation.result.missing.join(', ')}`,
      ],
    })
    if (candidates.length === LIMIT) break
  }
  await recordAudit(db, actor, {
    action,
    entityType: 'referral_opening',
    entityId: openingId,
    details: { count: candidates.length },
  })
  return candidates
}
