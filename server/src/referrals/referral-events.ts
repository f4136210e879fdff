import { uuid } from '@threshold/core'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { assertPermitted } from '../access/load-visible'
import { canSeeReferral } from '../access/referral-policy'
import type { DB } from '../db/schema'
import { type LiveStreamRequest, oncePerEvent } from '../live/live-stream'
import type { ChangePayload } from '../live/publish-change'
import { loadVisibleReferral } from './get-referral'
import type { ReferralContext } from './referrals.repository'

// The live referral stream (GET /api/referrals/events): status changes of the referrals the viewer may see,
// as { referralId, status }. The referrals screens refetch through the access-checked API on each one.

export const ReferralEventsQuery = z
  .object({
    referralId: uuid.optional().describe('Follow this one referral only (404 unless you may see it)'),
  })
  .strict()
export type ReferralEventsQuery = z.infer<typeof ReferralEventsQuery>

/** Any signed-in user may follow the referrals they see; following one referral needs that referral (404). */
export async function assertCanFollowReferrals(context: ReferralContext, query: ReferralEventsQuery) {
  if (query.referralId) {
    await loadVisibleReferral(context, query.referralId, 'referral.events')
    return
  }
  await assertPermitted(context.db, context.actor, context.actor.kind === 'user', {
    action: 'referral.events',
    entityType: 'referral',
    message: 'Only signed-in users follow referrals',
  })
}

/**
 * Whether a change reaches a stream: the referral must be one the viewer may see (the CoC's CE staff, or
 * staff of the referring or the receiving agency). Its parties are read once per change for all streams.
 */
export function referralEventFilter(db: Kysely<DB>) {
  const partiesOf = oncePerEvent((payload: ChangePayload) =>
    typeof payload.referralId === 'string'
      ? db
          .selectFrom('referral')
          .select([
            'coc_id as cocId',
            'referring_organization_id as referringOrganizationId',
            'receiving_organization_id as receivingOrganizationId',
          ])
          .where('id', '=', payload.referralId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  )
  return async (
    payload: ChangePayload,
    request: LiveStreamRequest<unknown, ReferralEventsQuery>,
  ): Promise<boolean> => {
    const { referralId } = request.query
    if (referralId && payload.referralId !== referralId) return false
    const parties = await partiesOf(payload)
    return parties !== undefined && canSeeReferral(request.actor, parties)
  }
}
