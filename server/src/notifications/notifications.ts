import type { NotificationList } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'

// Each user's own inbox: nobody reads or marks another person's notifications (404).

export interface NotificationContext {
  db: Kysely<DB>
  actor: Actor
  now: Date
}

export async function listNotifications(
  context: NotificationContext,
  query: { unreadOnly?: 'true' | 'false' },
): Promise<NotificationList> {
  const actor = userActor(context.actor)
  const rows = await context.db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .$if(query.unreadOnly === 'true', (q) => q.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
  const { unread } = await context.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    unread: Number(unread),
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      referralId: row.referral_id,
      openingId: row.opening_id,
      message: row.message,
      createdAt: row.created_at.toISOString(),
      read: row.read_at !== null,
    })),
  }
}

export async function markNotificationRead(context: NotificationContext, id: string): Promise<void> {
  const actor = userActor(context.actor)
  await loadVisible({
    db: context.db,
    actor,
    entityType: 'notification',
    id,
    action: 'notification.mark_read',
    load: (db, notificationId) =>
      db.selectFrom('notification').select('user_id').where('id', '=', notificationId).executeTakeFirst(),
    canSee: (_actor, notification) => notification.user_id === actor.userId,
  })
  await context.db
    .updateTable('notification')
    .set({ read_at: context.now })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute()
}

export async function markAllNotificationsRead(context: NotificationContext): Promise<void> {
  const actor = userActor(context.actor)
  await context.db
    .updateTable('notification')
    .set({ read_at: context.now })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .execute()
}
