import type { ApiToken } from '@threshold/core'
import type { z } from 'zod'
import type { Actor } from '../access/actor'
import { canManageUser } from '../access/policy'
import { usersVisibleTo } from '../access/visibility'
import { loadUsers } from '../users/users.repository'
import { selectApiTokens, toApiToken } from './api-tokens.repository'
import type { AuthDeps } from './sign-in-steps'

/** The tokens of users the actor manages, revoked ones included (newest first). */
export async function listApiTokens(
  { db }: Pick<AuthDeps, 'db'>,
  actor: Actor,
): Promise<z.infer<typeof ApiToken>[]> {
  // SQL narrows to the users the actor can see; the policy predicate then keeps those they manage.
  const rows = await selectApiTokens(db)
    .where(usersVisibleTo(actor))
    .orderBy('api_token.created_at', 'desc')
    .orderBy('api_token.id')
    .execute()
  const users = await loadUsers(db, [...new Set(rows.map((row) => row.user_id))])
  const managed = new Set(users.filter((user) => canManageUser(actor, user)).map((user) => user.id))
  return rows.filter((row) => managed.has(row.user_id)).map(toApiToken)
}
