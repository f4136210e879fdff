import { PROJECT_TYPES } from '@threshold/core'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { eligibleProjectTypesForHouseholds } from '../eligibility/index'
import { publishChange } from '../live/publish-change'
import { QUEUE_CHANNEL } from './queue-membership'

// The queue's "eligible program type" filter reads a stored column, because evaluating every household's
// rules on each page would cost seconds at 50k households (see server/src/eligibility/index.ts). It is
// refreshed with the rest of a household's facts, and for a whole CoC when its eligibility rules change.

const PROGRAM_TYPE_OF: Record<number, string> = {
  [PROJECT_TYPES.PSH]: 'psh',
  [PROJECT_TYPES.RRH]: 'rrh',
  [PROJECT_TYPES.TH]: 'th',
}

/**
 * Re-evaluates the eligibility of some queue entries (or, with `entryIds` null, every entry still on the
 * CoC's queue, announced as one CoC-wide change so open queue screens refetch). Saving a rule set calls it
 * with null in its transaction.
 */
export async function refreshQueueEligibility(
  db: Kysely<DB> | Transaction<DB>,
  input: { cocId: string; entryIds: readonly string[] | null; asOf: string },
): Promise<void> {
  let query = db
    .selectFrom('queue_entry')
    .select(['id', 'enrollment_household_id'])
    .where('coc_id', '=', input.cocId)
    .where('status', 'not in', ['housed', 'exited'])
  if (input.entryIds !== null) {
    if (input.entryIds.length === 0) return
    query = query.where('id', 'in', input.entryIds)
  }
  const entries = await query.execute()
  if (entries.length === 0) return
  const eligible = await eligibleProjectTypesForHouseholds(db, {
    cocId: input.cocId,
    enrollmentHouseholdIds: entries.map((entry) => entry.enrollment_household_id),
    asOf: input.asOf,
  })
  const programTypes = entries.map((entry) =>
    JSON.stringify(
      [...(eligible.get(entry.enrollment_household_id) ?? [])]
        .map((type) => PROGRAM_TYPE_OF[type])
        .filter((type): type is string => type !== undefined)
        .sort(),
    ),
  )
  await sql`
    UPDATE queue_entry qe SET eligible_program_types = ARRAY(SELECT jsonb_array_elements_text(u.types::jsonb))
    FROM unnest(${entries.map((entry) => entry.id)}::uuid[], ${programTypes}::text[]) AS u(id, types)
    WHERE qe.id = u.id`.execute(db)
  if (input.entryIds === null)
    await publishChange(db, QUEUE_CHANNEL, { cocId: input.cocId, eligibilityAsOf: input.asOf })
}
