import type { User } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { revokeUserSessions } from '../auth/sessions'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { notFound } from '../http/errors'
import { loadMembershipTarget } from './membership-target'
import { findUser, toUser } from './users.repository'

/** Removes a user from an organization (the membership is kept, inactive, for the record) and ends their sessions. */
export async function deactivateMembership({
  db,
  clock,
  actor,
  userId,
  organizationId,
}: {
  db: Kysely<DB>
  clock: Clock
  actor: Actor
  userId: string
  organizationId: string
}): Promise<User> {
  const action = 'membership.deactivate'
  const { user, current } = await loadMembershipTarget({ db, actor, userId, organizationId, action })
  if (!current) throw notFound('membership')
  if (!current.active) return toUser(user)

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('membership')
      .set({ active: false })
      .where('user_id', '=', userId)
      .where('organization_id', '=', organizationId)
      .execute()
    await revokeUserSessions(trx, clock, userId)
    await recordAudit(trx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      details: { organizationId, fields: ['active'] },
    })
  })
  return toUser((await findUser(db, userId))!)
}
