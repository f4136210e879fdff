import type { SessionInfo } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor, AnonymousActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { clearLoginFailures } from './login-throttle'
import { resolveUserActor } from './resolve-actor'
import { loadSessionInfo } from './session-info'
import { createSession, revokeSession } from './sessions'

export interface AuthDeps {
  db: Kysely<DB>
  clock: Clock
  config: Config
}

/** Sign-in failures are audited as the anonymous caller, with the request's id and address. */
export const anonymousCaller = (actor: Actor): AnonymousActor => ({
  kind: 'anonymous',
  requestId: actor.requestId,
  ip: actor.ip,
})

export const invalidCredentials = () =>
  new AppError('invalid_credentials', 'The username or password is not correct')

export type SignInFailure =
  | 'unknown_user'
  | 'bad_password'
  | 'disabled'
  | 'no_active_membership'
  | 'locked'
  | 'bad_second_factor'

/** One audit row per refused attempt: the name typed, the user it matched (if any), and why; never a secret. */
export function auditSignInFailure(
  db: Kysely<DB>,
  caller: Actor,
  attempt: { username: string; userId: string | null; reason: SignInFailure },
): Promise<void> {
  return recordAudit(db, anonymousCaller(caller), {
    action: 'auth.login',
    outcome: 'failure',
    ...(attempt.userId && { entityType: 'user', entityId: attempt.userId }),
    username: attempt.username,
    details: { reason: attempt.reason },
  })
}

export interface CompletedSignIn {
  /** The new session's cookie value. */
  token: string
  info: SessionInfo
}

/**
 * The last step of every sign-in: a brand-new full session (never a reused id), the session the request
 * came with revoked, the username's failure count cleared and the sign-in audited, in one transaction.
 */
export async function startSignedInSession(
  { db, clock, config }: AuthDeps,
  sign: {
    caller: Actor
    userId: string
    usernameKey: string
    organizationId: string
    userAgent: string | null
    /** The pending or older session this sign-in replaces. */
    replacesSessionId: string | null
    audit: Record<string, unknown>
  },
): Promise<CompletedSignIn> {
  const { token, actor } = await db.transaction().execute(async (trx) => {
    if (sign.replacesSessionId) await revokeSession(trx, clock, sign.replacesSessionId)
    const session = await createSession(trx, clock, config, {
      userId: sign.userId,
      organizationId: sign.organizationId,
      mfaPending: false,
      ip: sign.caller.ip,
      userAgent: sign.userAgent,
    })
    const resolved = await resolveUserActor(
      trx,
      {
        userId: sign.userId,
        organizationId: sign.organizationId,
        sessionId: session.sessionId,
        apiTokenId: null,
      },
      sign.caller,
    )
    // Disabled or removed from the organization between the password check and now.
    if (!resolved) throw invalidCredentials()
    await clearLoginFailures(trx, sign.usernameKey)
    await recordAudit(trx, resolved.actor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: sign.userId,
      details: sign.audit,
    })
    return { token: session.token, actor: resolved.actor }
  })
  return { token, info: await loadSessionInfo(db, actor) }
}
