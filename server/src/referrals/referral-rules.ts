import type { ReferralRules } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { assertConfiguresReferrals } from './referral-settings-access'
import type { Executor, ReferralContext } from './referrals.repository'

// The CoC's rules for making referrals. The database applies them too: a trigger copies the rule onto each
// new referral and a partial unique index enforces it (0052_referral_rules), so racing requests cannot
// slip past the check below.

export const DEFAULT_REFERRAL_RULES: ReferralRules = { oneActivePerProgramType: true }

export async function referralRulesFor(db: Executor, cocId: string): Promise<ReferralRules> {
  const row = await db
    .selectFrom('referral_rule_setting')
    .select('one_active_per_program_type')
    .where('coc_id', '=', cocId)
    .executeTakeFirst()
  return row ? { oneActivePerProgramType: row.one_active_per_program_type } : DEFAULT_REFERRAL_RULES
}

export function getReferralRules(context: ReferralContext): Promise<ReferralRules> {
  return referralRulesFor(context.db, userActor(context.actor).cocId)
}

/** CoC admins turn the rules on or off; referrals already made keep the rule they were made under. */
export async function replaceReferralRules(
  context: ReferralContext,
  input: ReferralRules,
): Promise<ReferralRules> {
  const action = 'referral_rules.update'
  const actor = await assertConfiguresReferrals(context, action, 'referral rules')
  const now = context.clock.now()
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('referral_rule_setting')
      .values({
        coc_id: actor.cocId,
        one_active_per_program_type: input.oneActivePerProgramType,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.column('coc_id').doUpdateSet({
          one_active_per_program_type: input.oneActivePerProgramType,
          updated_at: now,
        }),
      )
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: 'coc',
      entityId: actor.cocId,
      details: { oneActivePerProgramType: input.oneActivePerProgramType },
    })
  })
  return referralRulesFor(context.db, actor.cocId)
}
