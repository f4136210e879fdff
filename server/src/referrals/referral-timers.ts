import type { ReferralTimerSettings } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { assertConfiguresReferrals } from './referral-settings-access'
import type { ReferralContext } from './referrals.repository'

// The CoC's referral timers (acknowledge, decide, expire) and whether enrolling houses the household, by
// project type; see `timersFor` and `housedOnEnrollFor`.

export async function getReferralTimers(context: ReferralContext): Promise<ReferralTimerSettings> {
  const actor = userActor(context.actor)
  const rows = await context.db
    .selectFrom('referral_timer_setting')
    .selectAll()
    .where('coc_id', '=', actor.cocId)
    .orderBy('project_type', 'asc')
    .execute()
  return {
    timers: rows.map((row) => ({
      projectType: row.project_type as ReferralTimerSettings['timers'][number]['projectType'],
      acknowledgeWorkingDays: row.acknowledge_working_days,
      decisionDays: row.decision_days,
      expireDays: row.expire_days,
      housedOnEnroll: row.housed_on_enroll,
    })),
  }
}

/** Replaces the CoC's timers (CoC admins); referrals already sent keep their due dates. */
export async function replaceReferralTimers(
  context: ReferralContext,
  input: ReferralTimerSettings,
): Promise<ReferralTimerSettings> {
  const action = 'referral_timers.update'
  const actor = await assertConfiguresReferrals(context, action, 'referral timers')
  const types = input.timers.map((timer) => timer.projectType)
  if (new Set(types).size !== types.length)
    throw new AppError('invalid_input', 'Each project type (and the default) appears once')
  for (const timer of input.timers) {
    if (timer.expireDays < timer.decisionDays)
      throw new AppError('invalid_input', 'A referral cannot expire before its decision is due')
  }
  await context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('referral_timer_setting').where('coc_id', '=', actor.cocId).execute()
    if (input.timers.length > 0) {
      await trx
        .insertInto('referral_timer_setting')
        .values(
          input.timers.map((timer) => ({
            coc_id: actor.cocId,
            project_type: timer.projectType,
            acknowledge_working_days: timer.acknowledgeWorkingDays,
            decision_days: timer.decisionDays,
            expire_days: timer.expireDays,
            housed_on_enroll: timer.housedOnEnroll,
          })),
        )
        .execute()
    }
    await recordAudit(trx, actor, { action, entityType: 'coc', entityId: actor.cocId, details: { types } })
  })
  return getReferralTimers(context)
}
