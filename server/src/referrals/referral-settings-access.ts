import type { UserActor } from '../access/actor'
import { assertPermitted } from '../access/load-visible'
import { canConfigureReferrals } from '../access/referral-policy'
import { userActor } from '../http/app-context'
import type { ReferralContext } from './referrals.repository'

/**
 * The gate of every referral setting of the CoC (decline reasons, timers, rules): CoC administrators only,
 * a refusal audited as `action`. Returns the acting user.
 */
export async function assertConfiguresReferrals(
  context: ReferralContext,
  action: string,
  what: string,
): Promise<UserActor> {
  const actor = userActor(context.actor)
  await assertPermitted(context.db, actor, canConfigureReferrals(actor, { id: actor.cocId }), {
    action,
    entityType: 'coc',
    entityId: actor.cocId,
    message: `Only CoC administrators configure ${what}`,
  })
  return actor
}
