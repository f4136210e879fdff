import { randomBytes } from 'node:crypto'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { lockedError, lockedUntil, recordLoginFailure, usernameKey } from './login-throttle'
import { hashPassword, verifyPassword } from './passwords'
import { activeMemberships } from './session-info'
import { createSession, revokeSession } from './sessions'
import {
  type AuthDeps,
  anonymousCaller,
  auditSignInFailure,
  type CompletedSignIn,
  invalidCredentials,
  type SignInFailure,
  startSignedInSession,
} from './sign-in-steps'

export type SignInResult = ({ mfaRequired: false } & CompletedSignIn) | { mfaRequired: true; token: string }

/** A hash nobody knows the password of: an unknown username then costs as much as a wrong password. */
const hashForUnknownUsers = hashPassword(randomBytes(32).toString('hex'))

/**
 * Password sign-in. Unknown user, wrong password, disabled user and a user with no active organization
 * all get the same answer in about the same time; a locked username gets 429 before any password is
 * checked. With an authenticator enrolled the answer is a second-factor challenge on a pending session.
 */
export async function signIn(
  deps: AuthDeps,
  request: { caller: Actor; username: string; password: string; userAgent: string | null },
): Promise<SignInResult> {
  const { db, clock, config } = deps
  const key = usernameKey(request.username)
  const caller = anonymousCaller(request.caller)

  const lockedTill = await lockedUntil(db, clock, key)
  if (lockedTill) {
    await auditSignInFailure(db, caller, { username: request.username, userId: null, reason: 'locked' })
    throw lockedError(clock, lockedTill)
  }

  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active', 'totp_enabled_at'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', key))
    .executeTakeFirst()
  const passwordMatches = await verifyPassword(
    user?.password_hash ?? (await hashForUnknownUsers),
    request.password,
  )
  const organization =
    user && passwordMatches && user.active ? (await activeMemberships(db, user.id))[0] : undefined
  if (!user || !passwordMatches || !user.active || !organization) {
    const reason: SignInFailure = !user
      ? 'unknown_user'
      : !passwordMatches
        ? 'bad_password'
        : !user.active
          ? 'disabled'
          : 'no_active_membership'
    await db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, clock, config, key)
      await auditSignInFailure(trx, caller, { username: request.username, userId: user?.id ?? null, reason })
    })
    throw invalidCredentials()
  }

  const previousSessionId = request.caller.kind === 'user' ? request.caller.sessionId : null
  if (user.totp_enabled_at) {
    // The failure count stays until the second factor is right too: a known password does not reset it.
    const pending = await db.transaction().execute(async (trx) => {
      if (previousSessionId) await revokeSession(trx, clock, previousSessionId)
      const session = await createSession(trx, clock, config, {
        userId: user.id,
        organizationId: organization.organizationId,
        mfaPending: true,
        ip: caller.ip,
        userAgent: request.userAgent,
      })
      await recordAudit(trx, caller, {
        action: 'auth.mfa_challenge',
        entityType: 'user',
        entityId: user.id,
        username: request.username,
      })
      return session
    })
    return { mfaRequired: true, token: pending.token }
  }
  const signedIn = await startSignedInSession(deps, {
    caller,
    userId: user.id,
    usernameKey: key,
    organizationId: organization.organizationId,
    userAgent: request.userAgent,
    replacesSessionId: previousSessionId,
    audit: { secondFactor: 'none' },
  })
  return { mfaRequired: false, ...signedIn }
}
