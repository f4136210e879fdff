import type { DeclineReason, DeclineReasonsUpdate } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { assertConfiguresReferrals } from './referral-settings-access'
import { declineReasonsFor, type ReferralContext } from './referrals.repository'

export function listDeclineReasons(
  context: ReferralContext,
  query: { includeInactive?: 'true' | 'false' } = {},
): Promise<DeclineReason[]> {
  return declineReasonsFor(context.db, userActor(context.actor).cocId, {
    includeInactive: query.includeInactive === 'true',
  })
}

/** The CoC's list as given, in order; reasons left out stay on old referrals but are no longer offered. */
export async function replaceDeclineReasons(
  context: ReferralContext,
  input: DeclineReasonsUpdate,
): Promise<DeclineReason[]> {
  const action = 'referral_decline_reasons.update'
  const actor = await assertConfiguresReferrals(context, action, 'decline reasons')
  const codes = input.reasons.map((reason) => reason.code)
  if (new Set(codes).size !== codes.length)
    throw new AppError('invalid_input', 'Each reason code appears once')
  for (const reason of input.reasons) {
    if ((reason.consequence === 'inactive') !== (reason.inactiveDays != null))
      throw new AppError(
        'invalid_input',
        `"${reason.code}": inactive days go with the "inactive" consequence only`,
      )
  }
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('referral_decline_reason')
      .set({ active: false })
      .where('coc_id', '=', actor.cocId)
      .execute()
    for (const [index, reason] of input.reasons.entries()) {
      const values = {
        label: reason.label,
        consequence: reason.consequence,
        inactive_days: reason.inactiveDays ?? null,
        active: true,
        sort_order: index,
      }
      await trx
        .insertInto('referral_decline_reason')
        .values({ coc_id: actor.cocId, code: reason.code, ...values })
        .onConflict((conflict) => conflict.columns(['coc_id', 'code']).doUpdateSet(values))
        .execute()
    }
    await recordAudit(trx, actor, { action, entityType: 'coc', entityId: actor.cocId, details: { codes } })
  })
  return declineReasonsFor(context.db, actor.cocId, { includeInactive: true })
}
