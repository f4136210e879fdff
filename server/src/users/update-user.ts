import type { User, UserPatch } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { isUser } from '../access/policy'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import { clearLoginFailures, usernameKey } from '../auth/login-throttle'
import { hashPassword, validateNewPassword } from '../auth/passwords'
import { revokeUserSessions } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { loadManagedUser } from './load-managed-user'
import { findUser, toUser } from './users.repository'

/**
 * An administrator edits an account: name, email, disabling it, or resetting its password. Disabling and
 * a password reset end every session of the user at once; a reset also lifts a sign-in lockout.
 */
export async function updateUser({
  db,
  clock,
  config,
  actor,
  id,
  patch,
}: {
  db: Kysely<DB>
  clock: Clock
  config: Pick<Config, 'passwordMinLength'>
  actor: Actor
  id: string
  patch: UserPatch
}): Promise<User> {
  const action = 'user.update'
  const user = await loadManagedUser({ db, actor, id, action })
  const { password, ...profile } = patch
  const isOwnAccount = isUser(actor) && actor.userId === id
  if (isOwnAccount && profile.active === false) {
    throw new AppError('forbidden', 'You cannot disable your own account; ask another administrator')
  }
  if (isOwnAccount && password !== undefined) {
    throw new AppError(
      'forbidden',
      'Change your own password in your account settings, which ask for the current one',
    )
  }
  const changes = onlyChanges(user, profile)
  const fields = [...Object.keys(changes), ...(password !== undefined ? ['password'] : [])]
  if (fields.length === 0) return toUser(user)
  if (password !== undefined) validateNewPassword(config, user.username, password)
  const passwordHash = password !== undefined ? await hashPassword(password) : undefined

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        display_name: changes.displayName,
        email: changes.email,
        active: changes.active,
        password_hash: passwordHash,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
    if (changes.active === false || passwordHash) await revokeUserSessions(trx, clock, id)
    // The usual reason for a reset is a user locked out by failed attempts: the new password lets them in.
    if (passwordHash) await clearLoginFailures(trx, usernameKey(user.username))
    await recordAudit(trx, actor, { action, entityType: 'user', entityId: id, details: { fields } })
  })
  return toUser((await findUser(db, id))!)
}
