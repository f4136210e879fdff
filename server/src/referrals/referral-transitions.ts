import {
  addDays,
  CANCEL_REASON_LABELS,
  type DeclineConsequence,
  type ReferralCancellation,
  type ReferralDecline,
  type ReferralDetail,
  type ReferralStatus,
  type ReferralStatusNote,
  referralResultForStatus,
} from '@threshold/core'
import type { Transaction, Updateable } from 'kysely'
import type { UserActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import {
  canTakeReferralAction,
  type ReferralAction,
  referralActionAllowedFrom,
} from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import { refusingOverlaps } from '../beds/beds.repository'
import { setReferralResult } from '../ce-events/referral-events'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { notifyUsers } from '../notifications/notify'
import { getReferral, loadVisibleReferral } from './get-referral'
import { holdOpeningBeds, releaseOpeningHolds } from './opening-beds'
import { returnToQueue } from './queue-link'
import type { ReferralTable } from './referral.tables'
import {
  accessFactsOf,
  declineReasonsFor,
  type ReferralContext,
  type ReferralRow,
  recordStatusChange,
} from './referrals.repository'

// Every status change: the policy (403), the status rule (409), a conditional update that loses a race
// cleanly (409), the history line, the CE event's result, the queue consequence, the audit row.

export interface Transition {
  action: ReferralAction
  to: ReferralStatus
  declinedBy?: ReferralDecline['declinedBy']
  reasonCode?: string | null
  note?: string | null
  /** Columns set with the status. */
  set?: Updateable<ReferralTable>
  /** What else happens in the same transaction. */
  alongside?: (trx: Transaction<DB>, row: ReferralRow, actor: UserActor) => Promise<void>
}

export async function changeReferralStatus(
  context: ReferralContext,
  id: string,
  transition: Transition,
): Promise<ReferralDetail> {
  const { db, clock } = context
  const actor = userActor(context.actor)
  const action = `referral.${transition.action}`
  const row = await loadVisibleReferral(context, id, action)
  await assertPermitted(
    db,
    actor,
    canTakeReferralAction(actor, accessFactsOf(row), transition.action, transition.declinedBy),
    {
      action,
      entityType: 'referral',
      entityId: id,
      message:
        transition.action === 'cancel'
          ? 'Only Coordinated Entry or the referring agency cancels a referral'
          : 'Only the receiving agency responds to a referral',
    },
  )
  assertAllowedFrom(transition.action, row.status)
  const now = clock.now()
  const today = todayFrom(clock)
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set((eb) => ({
        ...transition.set,
        status: transition.to,
        status_changed_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new AppError('conflict', 'The referral was changed by someone else; reload it')
    await recordStatusChange(trx, actor, {
      referralId: id,
      from: row.status,
      to: transition.to,
      at: now,
      reasonCode: transition.reasonCode,
      note: transition.note,
    })
    const result = referralResultForStatus(transition.to)
    // HUD 4.20.D/E: set on acceptance, dated again on enrollment or replaced by a later decline.
    if (result !== undefined)
      await setReferralResult(trx, id, { code: result, date: today, at: now, userId: actor.userId })
    await transition.alongside?.(trx, row, actor)
    await notifyOtherSide(trx, actor, row, transition.to, now)
    await recordAudit(trx, actor, {
      action,
      entityType: 'referral',
      entityId: id,
      details: { from: row.status, to: transition.to, reasonCode: transition.reasonCode ?? null },
    })
  })
  return getReferral(context, id)
}

export function assertAllowedFrom(action: ReferralAction, status: ReferralStatus): void {
  if (!referralActionAllowedFrom(action, status))
    throw new AppError('conflict', `A referral that is ${status.replaceAll('_', ' ')} cannot be ${action}ed`)
}

/** The person who made the referral hears of the provider's answers; the provider of CE's. */
async function notifyOtherSide(
  trx: Transaction<DB>,
  actor: UserActor,
  row: ReferralRow,
  to: ReferralStatus,
  at: Date,
): Promise<void> {
  const fromReceiving = actor.organizationId === row.receiving_organization_id
  if (fromReceiving) {
    if (!row.referred_by) return
    await notifyUsers(trx, [{ userId: row.referred_by, organizationId: row.referring_organization_id }], {
      kind: 'referral_updated',
      referralId: row.id,
      message: `Referral to ${row.projectName}: ${to.replaceAll('_', ' ')}`,
      at,
    })
    return
  }
  const responders = await trx
    .selectFrom('referral_status_change')
    .select(['changed_by as userId', 'organization_id as organizationId'])
    .where('referral_id', '=', row.id)
    .where('organization_id', '=', row.receiving_organization_id)
    .where('changed_by', 'is not', null)
    .execute()
  await notifyUsers(
    trx,
    responders.map((responder) => ({
      userId: responder.userId as string,
      organizationId: responder.organizationId as string,
    })),
    {
      kind: 'referral_updated',
      referralId: row.id,
      message: `Referral to ${row.projectName}: ${to.replaceAll('_', ' ')}`,
      at,
    },
  )
}

export function acknowledgeReferral(context: ReferralContext, id: string, input: ReferralStatusNote) {
  return changeReferralStatus(context, id, {
    action: 'acknowledge',
    to: 'acknowledged',
    note: input.note,
    set: { acknowledged_on: todayFrom(context.clock) },
  })
}

/**
 * The provider accepts the household: HUD's "successful referral: client accepted" is recorded now, and an
 * opening's bed or unit is held for the household (`holdOpeningBeds`).
 */
export function acceptReferral(context: ReferralContext, id: string, input: ReferralStatusNote) {
  const today = todayFrom(context.clock)
  return refusingOverlaps(
    'The opening’s bed was just held for another household: the referral was not accepted',
    () =>
      changeReferralStatus(context, id, {
        action: 'accept',
        to: 'accepted',
        note: input.note,
        set: { result_on: today },
        alongside: async (trx, row, actor) => {
          if (row.acknowledged_on === null)
            await trx.updateTable('referral').set({ acknowledged_on: today }).where('id', '=', id).execute()
          await holdOpeningBeds(
            trx,
            actor,
            { id, openingId: row.opening_id, decisionDueOn: row.decision_due_on },
            { now: context.clock.now(), today },
          )
        },
      }),
  )
}

const DECLINED_STATUS: Record<ReferralDecline['declinedBy'], ReferralStatus> = {
  provider: 'declined_by_provider',
  client: 'declined_by_client',
  unable_to_contact: 'unable_to_contact',
}

/**
 * Declined by the provider (a reason of the CoC's list is required), by the client, or no contact. The
 * reason's consequence decides how the household returns to the queue; a bed held for it is released.
 */
export async function declineReferral(context: ReferralContext, id: string, input: ReferralDecline) {
  const actor = userActor(context.actor)
  if (input.declinedBy === 'provider' && !input.reasonCode)
    throw new AppError('invalid_input', 'A provider decline needs a reason from the list')
  const reasons = await declineReasonsFor(context.db, actor.cocId)
  const reason = input.reasonCode
    ? reasons.find((candidate) => candidate.code === input.reasonCode)
    : undefined
  if (input.reasonCode && !reason)
    throw new AppError('invalid_input', 'The decline reason is not one of the CoC’s reasons', {
      reasons: reasons.map((candidate) => candidate.code),
    })
  const consequence: DeclineConsequence = reason?.consequence ?? 'return_same_rank'
  const today = todayFrom(context.clock)
  const inactiveUntil =
    consequence === 'inactive' && reason?.inactiveDays ? addDays(today, reason.inactiveDays) : null
  return changeReferralStatus(context, id, {
    action: 'decline',
    to: DECLINED_STATUS[input.declinedBy],
    declinedBy: input.declinedBy,
    reasonCode: reason?.code ?? null,
    note: input.note,
    set: { result_on: today, decline_reason_code: reason?.code ?? null, queue_inactive_until: inactiveUntil },
    alongside: async (trx, row) => {
      await releaseOpeningHolds(trx, actor, id, context.clock.now())
      await returnToQueue(trx, actor, {
        referralId: id,
        enrollmentHouseholdId: row.enrollment_household_id,
        consequence,
        reason: reason?.label ?? DECLINED_STATUS[input.declinedBy].replaceAll('_', ' '),
        now: context.clock.now(),
      })
    },
  })
}

/**
 * Cancelled by CE or the referring agency (vacancy filled otherwise, entered in error): back at the same rank,
 * and the opening's bed hold released.
 */
export function cancelReferral(context: ReferralContext, id: string, input: ReferralCancellation) {
  return changeReferralStatus(context, id, {
    action: 'cancel',
    to: 'cancelled',
    reasonCode: input.reason,
    note: input.note,
    alongside: async (trx, row, actor) => {
      if (row.status === 'accepted') {
        await trx
          .updateTable('ce_event')
          .set({ referral_result: null, result_date: null })
          .where('referral_id', '=', id)
          .execute()
      }
      await releaseOpeningHolds(trx, actor, id, context.clock.now())
      await returnToQueue(trx, actor, {
        referralId: id,
        enrollmentHouseholdId: row.enrollment_household_id,
        consequence: 'return_same_rank',
        reason: `referral cancelled: ${CANCEL_REASON_LABELS[input.reason]}`,
        now: context.clock.now(),
      })
    },
  })
}
