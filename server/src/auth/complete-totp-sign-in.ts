import type { UserActor } from '../access/actor'
import { AppError } from '../http/errors'
import { lockedError, lockedUntil, recordLoginFailure, usernameKey } from './login-throttle'
import { verifySecondFactor } from './second-factor'
import {
  type AuthDeps,
  auditSignInFailure,
  type CompletedSignIn,
  startSignedInSession,
} from './sign-in-steps'

/**
 * The second step of a sign-in with an authenticator: a current code or an unused recovery code turns
 * the pending session into a fresh full one. Wrong codes count towards the username's lockout, so the
 * six digits cannot be guessed at leisure.
 */
export async function completeTotpSignIn(
  deps: AuthDeps,
  request: { actor: UserActor; code: string; userAgent: string | null },
): Promise<CompletedSignIn> {
  const { db, clock, config } = deps
  const { actor } = request
  const session = actor.sessionId
    ? await db
        .selectFrom('session')
        .select('mfa_pending')
        .where('id', '=', actor.sessionId)
        .executeTakeFirst()
    : undefined
  if (!session?.mfa_pending) {
    throw new AppError(
      'conflict',
      'This session is not waiting for a second factor: you are already signed in',
    )
  }

  const key = usernameKey(actor.username)
  const attempt = { username: actor.username, userId: actor.userId }
  const lockedTill = await lockedUntil(db, clock, key)
  if (lockedTill) {
    await auditSignInFailure(db, actor, { ...attempt, reason: 'locked' })
    throw lockedError(clock, lockedTill)
  }
  const factor = await verifySecondFactor(db, clock, actor.userId, request.code)
  if (!factor) {
    await db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, clock, config, key)
      await auditSignInFailure(trx, actor, { ...attempt, reason: 'bad_second_factor' })
    })
    throw new AppError('invalid_credentials', 'That code is not correct')
  }
  return startSignedInSession(deps, {
    caller: actor,
    userId: actor.userId,
    usernameKey: key,
    organizationId: actor.organizationId,
    userAgent: request.userAgent,
    replacesSessionId: actor.sessionId,
    audit: { secondFactor: factor },
  })
}
