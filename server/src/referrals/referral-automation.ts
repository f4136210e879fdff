import type { Kysely } from 'kysely'
import { systemActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EmailSender } from '../notifications/email'
import { sendPendingEmails } from '../notifications/email-outbox'
import { notifyUsers, type Recipient, usersWithRoles } from '../notifications/notify'
import { changeQueueStatus } from '../queue/queue-membership'
import { RECEIVING_ROLES } from './create-referral'
import { returnToQueue } from './queue-link'
import { recordStatusChange } from './referrals.repository'

// The referral timers, run on an interval inside the server (like bed automation) with the injectable
// clock. Each referral is taken with FOR UPDATE SKIP LOCKED, so several app instances never act twice.

export interface ReferralAutomationDeps {
  db: Kysely<DB>
  clock: Clock
  email?: EmailSender
}

async function receivingStaff(
  db: Kysely<DB>,
  referral: { coc_id: string; receiving_organization_id: string },
): Promise<Recipient[]> {
  return db.transaction().execute((trx) =>
    usersWithRoles(trx, {
      cocId: referral.coc_id,
      organizationId: referral.receiving_organization_id,
      roles: RECEIVING_ROLES,
    }),
  )
}

/** Referrals still undecided past their expiry day: expired, the household back at its rank, the slot free. */
export async function expireReferrals(deps: ReferralAutomationDeps): Promise<number> {
  const today = todayFrom(deps.clock)
  const now = deps.clock.now()
  const due = await deps.db
    .selectFrom('referral')
    .select('id')
    .where('status', 'in', ['pending', 'acknowledged'])
    .where('expires_on', '<', today)
    .execute()
  let expired = 0
  for (const { id } of due) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const referral = await trx
        .selectFrom('referral')
        .innerJoin('project', 'project.id', 'referral.project_id')
        .selectAll('referral')
        .select('project.name as projectName')
        .where('referral.id', '=', id)
        .where('referral.status', 'in', ['pending', 'acknowledged'])
        .forUpdate('referral')
        .skipLocked()
        .executeTakeFirst()
      if (!referral) return false
      await trx
        .updateTable('referral')
        .set((eb) => ({
          status: 'expired',
          status_changed_at: now,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute()
      await recordStatusChange(trx, systemActor, {
        referralId: id,
        from: referral.status,
        to: 'expired',
        at: now,
        note: 'No decision before the expiry date',
      })
      await returnToQueue(trx, systemActor, {
        referralId: id,
        enrollmentHouseholdId: referral.enrollment_household_id,
        consequence: 'return_same_rank',
        reason: 'referral expired',
        now,
      })
      const recipients = await usersWithRoles(trx, {
        cocId: referral.coc_id,
        organizationId: referral.receiving_organization_id,
        roles: RECEIVING_ROLES,
      })
      if (referral.referred_by)
        recipients.push({ userId: referral.referred_by, organizationId: referral.referring_organization_id })
      await notifyUsers(trx, recipients, {
        kind: 'referral_expired',
        referralId: id,
        message: `Referral to ${referral.projectName} expired without a decision`,
        at: now,
      })
      await recordAudit(trx, systemActor, {
        action: 'referral.expire',
        entityType: 'referral',
        entityId: id,
        details: { from: referral.status, to: 'expired' },
      })
      return true
    })
    if (done) expired += 1
  }
  return expired
}

/** One reminder per stalled referral: the provider is reminded, the referrer told it has stalled. */
export async function remindStalledReferrals(deps: ReferralAutomationDeps): Promise<number> {
  const today = todayFrom(deps.clock)
  const now = deps.clock.now()
  const stalled = await deps.db
    .selectFrom('referral')
    .innerJoin('project', 'project.id', 'referral.project_id')
    .select([
      'referral.id',
      'referral.coc_id',
      'referral.receiving_organization_id',
      'referral.referring_organization_id',
      'referral.referred_by',
      'project.name as projectName',
    ])
    .where('referral.reminded_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('referral.status', '=', 'pending'), eb('referral.acknowledge_due_on', '<', today)]),
        eb.and([
          eb('referral.status', 'in', ['pending', 'acknowledged']),
          eb('referral.decision_due_on', '<', today),
        ]),
      ]),
    )
    .execute()
  let reminded = 0
  for (const referral of stalled) {
    const staff = await receivingStaff(deps.db, referral)
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const claim = await trx
        .updateTable('referral')
        .set({ reminded_at: now })
        .where('id', '=', referral.id)
        .where('reminded_at', 'is', null)
        .returning('id')
        .executeTakeFirst()
      if (!claim) return false
      await notifyUsers(trx, staff, {
        kind: 'referral_reminder',
        referralId: referral.id,
        message: `Referral to ${referral.projectName} is overdue: please respond`,
        at: now,
      })
      if (referral.referred_by) {
        await notifyUsers(
          trx,
          [{ userId: referral.referred_by, organizationId: referral.referring_organization_id }],
          {
            kind: 'referral_stalled',
            referralId: referral.id,
            message: `Referral to ${referral.projectName} has stalled`,
            at: now,
          },
        )
      }
      return true
    })
    if (claimed) reminded += 1
  }
  return reminded
}

/** A decline's "inactive for N days" is over: the household is back on the queue at its rank. */
export async function reactivateQueueEntries(deps: ReferralAutomationDeps): Promise<number> {
  const today = todayFrom(deps.clock)
  const due = await deps.db
    .selectFrom('referral')
    .innerJoin('queue_entry', 'queue_entry.enrollment_household_id', 'referral.enrollment_household_id')
    .select(['referral.id', 'queue_entry.id as queueEntryId', 'queue_entry.status'])
    .where('referral.queue_inactive_until', '<=', today)
    .execute()
  let reactivated = 0
  for (const row of due) {
    await deps.db.transaction().execute(async (trx) => {
      const claim = await trx
        .updateTable('referral')
        .set({ queue_inactive_until: null })
        .where('id', '=', row.id)
        .where('queue_inactive_until', 'is not', null)
        .returning('id')
        .executeTakeFirst()
      if (!claim || row.status !== 'inactive') return
      await changeQueueStatus(trx, {
        actor: systemActor,
        queueEntryId: row.queueEntryId,
        status: 'ready',
        reason: 'inactive period after a declined referral ended',
        now: deps.clock.now(),
      })
      reactivated += 1
    })
  }
  return reactivated
}

/** One round of every referral timer. */
export async function runReferralTimers(deps: ReferralAutomationDeps) {
  const result = {
    expired: await expireReferrals(deps),
    reminded: await remindStalledReferrals(deps),
    reactivated: await reactivateQueueEntries(deps),
  }
  // E-mail copies of every notification not mailed yet (this round's and the requests' since the last).
  const { email } = deps
  if (email) await sendPendingEmails({ db: deps.db, clock: deps.clock, email })
  return result
}

export interface ReferralAutomationOptions extends ReferralAutomationDeps {
  /** How often (default 5 minutes). */
  intervalMs?: number
  onError(error: unknown): void
}

/** Runs the timers on a light interval; returns a function that stops it (and waits for a round). */
export function startReferralAutomation(options: ReferralAutomationOptions): () => Promise<void> {
  let running: Promise<void> | undefined
  const timer = setInterval(
    () => {
      running ??= runReferralTimers(options)
        .then(() => undefined, options.onError)
        .finally(() => {
          running = undefined
        })
    },
    options.intervalMs ?? 5 * 60_000,
  ).unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
