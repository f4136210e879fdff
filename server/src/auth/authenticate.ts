import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor } from '../access/actor'
import type { AppDeps } from '../http/app-context'
import { AppError } from '../http/errors'
import { resolveUserActor } from './resolve-actor'
import { SESSION_COOKIE, touchSession } from './sessions'
import { hashToken } from './tokens'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin header (or, failing that,
 * Sec-Fetch-Site) must say the request came from this site. Bearer-token calls carry no ambient
 * credentials and need no check.
 */
function assertSameOrigin(request: FastifyRequest, trustedOrigins: string[]): void {
  const origin = request.headers.origin
  if (origin) {
    if (origin === requestOrigin(request) || trustedOrigins.includes(origin)) return
    throw new AppError('csrf_rejected', 'This request came from another site and was refused')
  }
  if (request.headers['sec-fetch-site'] === 'same-origin') return
  throw new AppError(
    'csrf_rejected',
    'This request did not say where it came from (Origin header) and was refused',
  )
}

/** Builds `request.actor` for every request: from a Bearer API token, a session cookie, or anonymous. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database
  app.decorateRequest('actor', null as never)

  app.addHook('onRequest', async (request) => {
    const requestInfo = { requestId: request.id, ip: request.ip }
    request.actor = { kind: 'anonymous', ...requestInfo }
    const config = request.routeOptions.config
    const authorization = request.headers.authorization

    if (authorization?.startsWith('Bearer ')) {
      const actor = await actorFromApiToken(deps, authorization.slice('Bearer '.length).trim(), requestInfo)
      if (!actor) throw new AppError('unauthenticated', 'The API token is not valid')
      request.actor = actor
      return
    }

    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request, deps.config.trustedOrigins)

    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      const session = await touchSession(db, deps.clock, deps.config, token)
      if (session && (!session.mfaPending || config.allowMfaPending)) {
        const resolved = await resolveUserActor(
          db,
          {
            userId: session.userId,
            organizationId: session.organizationId,
            sessionId: session.id,
            apiTokenId: null,
          },
          requestInfo,
        )
        if (resolved) {
          request.actor = resolved.actor
          if (resolved.mfaEnrollmentRequired && !config.public && !isAuthRoute(request)) {
            throw new AppError(
              'forbidden',
              'Your CoC requires a second factor for this role: set up an authenticator app first',
            )
          }
        }
      }
    }
    if (request.actor.kind !== 'user' && !config.public) {
      throw new AppError('unauthenticated', 'Sign in to continue (your session may have expired)')
    }
  })
}

/** Sign-in, sign-out, password and authenticator set-up stay reachable while a second factor is owed. */
function isAuthRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/auth/') ?? false
}

async function actorFromApiToken(
  deps: AppDeps,
  token: string,
  requestInfo: { requestId: string; ip: string },
): Promise<Actor | null> {
  const now = deps.clock.now()
  const row = await deps.database.db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['id', 'user_id', 'organization_id'])
    .executeTakeFirst()
  if (!row) return null
  // An admin-issued token is itself the strong credential: the CoC's second-factor rule is for people.
  const resolved = await resolveUserActor(
    deps.database.db,
    { userId: row.user_id, organizationId: row.organization_id, sessionId: null, apiTokenId: row.id },
    requestInfo,
  )
  return resolved?.actor ?? null
}
