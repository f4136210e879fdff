import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canManageUser, canSeeUser } from '../access/policy'
import type { DB } from '../db/schema'
import { findUser, type UserRecord } from './users.repository'

/**
 * The user an administrative change targets: 404 when the actor cannot see them, 403 (audited) when they
 * can but do not administer the account, e.g. their own account without an admin role.
 */
export async function loadManagedUser({
  db,
  actor,
  id,
  action,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
  action: string
}): Promise<UserRecord> {
  const user = await loadVisible({
    db,
    actor,
    entityType: 'user',
    id,
    action,
    load: findUser,
    canSee: canSeeUser,
  })
  await assertPermitted(db, actor, canManageUser(actor, user), {
    action,
    entityType: 'user',
    entityId: id,
    message:
      'Only a CoC administrator, or an agency administrator of every organization this user belongs to, can change this account',
  })
  return user
}
