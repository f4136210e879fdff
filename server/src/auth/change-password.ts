import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../http/errors'
import { hashPassword, validateNewPassword, verifyPassword } from './passwords'
import { revokeUserSessions } from './sessions'
import type { AuthDeps } from './sign-in-steps'

/**
 * A signed-in user changes their own password (the current one proves it is them, not someone at an
 * unlocked screen). Every other session of theirs ends: whoever knew the old password is signed out.
 */
export async function changePassword(
  { db, clock, config }: AuthDeps,
  actor: UserActor,
  change: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db
    .selectFrom('app_user')
    .select(['username', 'password_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, change.currentPassword))) {
    await recordAudit(db, actor, {
      action: 'auth.password_change',
      outcome: 'failure',
      entityType: 'user',
      entityId: actor.userId,
      details: { reason: 'bad_current_password' },
    })
    throw new AppError('invalid_input', 'The current password is not correct', [
      { path: 'body.currentPassword', message: 'is not correct' },
    ])
  }
  validateNewPassword(config, user.username, change.newPassword, 'newPassword')
  const passwordHash = await hashPassword(change.newPassword)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: clock.now() })
      .where('id', '=', actor.userId)
      .execute()
    await revokeUserSessions(trx, clock, actor.userId, actor.sessionId ?? undefined)
    await recordAudit(trx, actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: actor.userId,
      details: { otherSessionsEnded: true },
    })
  })
}
