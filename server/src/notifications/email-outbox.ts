import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { NotificationKind } from '../referrals/referral.tables'
import type { EmailSender } from './email'

// The e-mail copy of each inbox notification, sent by the automation pass. A notification is claimed by
// counting the attempt first (so two app instances never send it twice and no transaction is held while
// the SMTP server answers); a failure is recorded on the row and retried on the next pass, up to
// MAX_EMAIL_ATTEMPTS. Nothing here throws for a failed send: the automation loop keeps running.

export const MAX_EMAIL_ATTEMPTS = 5
/** Notifications older than this are not mailed any more (the inbox still has them). */
const MAX_AGE_MS = 2 * 86_400_000

const SUBJECTS: Record<NotificationKind, string> = {
  referral_received: 'New referral',
  referral_reminder: 'Referral reminder',
  referral_stalled: 'Referral stalled',
  referral_updated: 'Referral updated',
  referral_requested: 'Referral requested',
  referral_expired: 'Referral expired',
}

/** Subject and body: the notification's own text (which never names a client) and where to act on it. */
export function emailContent(notification: { kind: NotificationKind; message: string }) {
  return {
    subject: `[Threshold] ${SUBJECTS[notification.kind]}: ${notification.message}`,
    text:
      `${notification.message}\n\n` +
      'Sign in to Threshold to see the details and respond.\n' +
      'This message names no client on purpose.\n' +
      'Please do not reply with client information.\n',
  }
}

/** Why a send failed, without anything the server echoed back (its reply can contain the address). */
function failureOf(error: unknown): string {
  const details = error as { responseCode?: number; code?: string; name?: string }
  if (details.responseCode) return `SMTP ${details.responseCode}`
  return details.code ?? details.name ?? 'error'
}

export async function sendPendingEmails(deps: {
  db: Kysely<DB>
  clock: Clock
  email: EmailSender
}): Promise<{ sent: number; failed: number }> {
  const { db, email } = deps
  const now = deps.clock.now()
  const pending = await db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select([
      'notification.id',
      'notification.user_id as userId',
      'notification.kind',
      'notification.message',
      'notification.email_attempts as attempts',
      'app_user.email as address',
    ])
    .where('notification.emailed_at', 'is', null)
    .where('notification.email_attempts', '<', MAX_EMAIL_ATTEMPTS)
    .where('notification.created_at', '>', new Date(now.getTime() - MAX_AGE_MS))
    .orderBy('notification.created_at')
    .limit(500)
    .execute()
  let sent = 0
  let failed = 0
  for (const row of pending) {
    const claimed = await db
      .updateTable('notification')
      .set({ email_attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('emailed_at', 'is', null)
      .where('email_attempts', '=', row.attempts)
      .returning('id')
      .executeTakeFirst()
    if (!claimed) continue
    if (email.delivers && !row.address) {
      // Nobody to send to: recorded once, not retried.
      await db
        .updateTable('notification')
        .set({ email_attempts: MAX_EMAIL_ATTEMPTS, email_error: 'no e-mail address' })
        .where('id', '=', row.id)
        .execute()
      continue
    }
    try {
      await email.send({
        notificationId: row.id,
        userId: row.userId,
        kind: row.kind,
        to: row.address ?? '',
        ...emailContent(row),
      })
    } catch (error) {
      failed += 1
      const reason = failureOf(error)
      email.log.warn(
        { userId: row.userId, kind: row.kind, attempt: row.attempts + 1, reason },
        row.attempts + 1 < MAX_EMAIL_ATTEMPTS
          ? 'notification e-mail failed; retried on the next pass'
          : 'notification e-mail failed for the last time',
      )
      await db.updateTable('notification').set({ email_error: reason }).where('id', '=', row.id).execute()
      continue
    }
    sent += 1
    await db
      .updateTable('notification')
      .set({ emailed_at: deps.clock.now(), email_error: null })
      .where('id', '=', row.id)
      .execute()
  }
  return { sent, failed }
}
