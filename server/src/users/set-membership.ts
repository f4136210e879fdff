import type { MembershipPut, User } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import { revokeUserSessions } from '../auth/sessions'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { loadMembershipTarget } from './membership-target'
import { findUser, toUser } from './users.repository'

/**
 * Adds a user to an organization or changes their role or status there. Changing the role of, or
 * deactivating, an existing membership ends all the user's sessions at once.
 */
export async function setMembership({
  db,
  clock,
  actor,
  userId,
  organizationId,
  membership,
}: {
  db: Kysely<DB>
  clock: Clock
  actor: Actor
  userId: string
  organizationId: string
  membership: MembershipPut
}): Promise<User> {
  const { user, organization, current } = await loadMembershipTarget({
    db,
    actor,
    userId,
    organizationId,
    action: 'membership.update',
    newRole: membership.role,
  })
  if (!current && !organization.active) {
    throw new AppError('unprocessable', `${organization.name} is inactive; reactivate it before adding users`)
  }
  const changes = current ? onlyChanges(current, membership) : membership
  const fields = Object.keys(changes)
  if (fields.length === 0) return toUser(user)
  // A new or reactivated membership can wait for the next sign-in; a changed or lost right must act now.
  const endsSessions =
    current !== undefined && (changes.role !== undefined || (current.active && changes.active === false))

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('membership')
      .values({ user_id: userId, organization_id: organizationId, ...membership })
      .onConflict((conflict) => conflict.columns(['user_id', 'organization_id']).doUpdateSet(membership))
      .execute()
    if (endsSessions) await revokeUserSessions(trx, clock, userId)
    await recordAudit(trx, actor, {
      action: current ? 'membership.update' : 'membership.create',
      entityType: 'user',
      entityId: userId,
      details: { organizationId, fields },
    })
  })
  return toUser((await findUser(db, userId))!)
}
