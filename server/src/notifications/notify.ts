import type { Role } from '@threshold/core'
import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { publishChange } from '../live/publish-change'
import type { NotificationKind } from '../referrals/referral.tables'

// The in-app inbox. Messages name projects, agencies and statuses, never a client: the inbox (and any
// e-mail made from it) carries no personal data.

export interface Recipient {
  userId: string
  organizationId: string
}

/** Active members of a CoC (optionally of one agency) holding one of the roles. */
export function usersWithRoles(
  trx: Transaction<DB>,
  filter: { cocId: string; organizationId?: string; roles: readonly Role[] },
): Promise<Recipient[]> {
  return trx
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.user_id as userId', 'm.organization_id as organizationId'])
    .where('o.coc_id', '=', filter.cocId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .where('m.role', 'in', [...filter.roles])
    .$if(filter.organizationId !== undefined, (query) =>
      query.where('m.organization_id', '=', filter.organizationId as string),
    )
    .execute()
}

export interface NotificationMessage {
  kind: NotificationKind
  message: string
  at: Date
  referralId?: string
  openingId?: string
}

/** One inbox row per recipient, announced on the 'notifications' channel (ids only). */
export async function notifyUsers(
  trx: Transaction<DB>,
  recipients: readonly Recipient[],
  notification: NotificationMessage,
): Promise<void> {
  const unique = [...new Map(recipients.map((recipient) => [recipient.userId, recipient])).values()]
  if (unique.length === 0) return
  await trx
    .insertInto('notification')
    .values(
      unique.map((recipient) => ({
        user_id: recipient.userId,
        organization_id: recipient.organizationId,
        kind: notification.kind,
        referral_id: notification.referralId ?? null,
        opening_id: notification.openingId ?? null,
        message: notification.message,
        created_at: notification.at,
      })),
    )
    .execute()
  for (const recipient of unique) await publishChange(trx, 'notifications', { userId: recipient.userId })
}
