import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { hashToken, newSecretToken } from './tokens'

export const SESSION_COOKIE = 'threshold_session'

export interface NewSession {
  userId: string
  organizationId: string
  mfaPending: boolean
  ip: string | null
  userAgent: string | null
}

/** Starts a session with a fresh random id (never reusing one from before sign-in); returns the cookie value. */
export async function createSession(
  db: Kysely<DB>,
  clock: Clock,
  config: Pick<Config, 'sessionAbsoluteHours'>,
  session: NewSession,
): Promise<{ token: string; sessionId: string }> {
  const token = newSecretToken()
  const now = clock.now()
  const row = await db
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      user_id: session.userId,
      organization_id: session.organizationId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
      mfa_pending: session.mfaPending,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { token, sessionId: row.id }
}

export interface LiveSession {
  id: string
  userId: string
  organizationId: string
  mfaPending: boolean
}

/**
 * The session behind a cookie, if it is still alive: not revoked, within its absolute lifetime and
 * used within the idle timeout. A live session's idle timer restarts.
 */
export async function touchSession(
  db: Kysely<DB>,
  clock: Clock,
  config: Pick<Config, 'sessionIdleMinutes'>,
  token: string,
): Promise<LiveSession | null> {
  const now = clock.now()
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000)
  const row = await db
    .updateTable('session')
    .set({ last_seen_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleCutoff)
    .returning(['id', 'user_id', 'organization_id', 'mfa_pending'])
    .executeTakeFirst()
  if (!row) return null
  return { id: row.id, userId: row.user_id, organizationId: row.organization_id, mfaPending: row.mfa_pending }
}

export async function revokeSession(db: Kysely<DB>, clock: Clock, sessionId: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ revoked_at: clock.now() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * Disabling a user or changing their role ends every session they have, at once; a password change ends
 * all but the one it was made in (`keepSessionId`).
 */
export async function revokeUserSessions(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  let query = db
    .updateTable('session')
    .set({ revoked_at: clock.now() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (keepSessionId) query = query.where('id', '<>', keepSessionId)
  await query.execute()
}

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure behind TLS. */
export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
  })
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
  })
}
