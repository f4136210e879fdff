import fastifyRateLimit from '@fastify/rate-limit'
import {
  ApiToken,
  ChangePasswordRequest,
  CreatedApiToken,
  IdParams,
  LoginRequest,
  LoginResponse,
  NewApiToken,
  SessionInfo,
  SwitchOrganizationRequest,
  TotpActivation,
  TotpEnrollment,
  TotpRequest,
} from '@threshold/core'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type AppDeps, type RoutePlugin, type TypedApp, userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { activateTotp } from './activate-totp'
import { changePassword } from './change-password'
import { completeTotpSignIn } from './complete-totp-sign-in'
import { createApiToken } from './create-api-token'
import { disableTotp } from './disable-totp'
import { enrollTotp } from './enroll-totp'
import { listApiTokens } from './list-api-tokens'
import { resetUserTotp } from './reset-user-totp'
import { revokeApiToken } from './revoke-api-token'
import { loadSessionInfo } from './session-info'
import { clearSessionCookie, setSessionCookie } from './sessions'
import { signIn } from './sign-in'
import type { AuthDeps } from './sign-in-steps'
import { signOut } from './sign-out'
import { switchOrganization } from './switch-organization'

const NoContent = z.null().describe('No content')

const userAgentOf = (request: FastifyRequest): string | null => request.headers['user-agent'] ?? null

/**
 * Sign-in, sessions, second factor and API tokens. They live in their own scope so the per-address rate
 * limit (in-memory, per instance) applies to the routes that guess at secrets and nothing else.
 */
export const authRoutes: RoutePlugin = (app, deps) => {
  app.register(async (scope: TypedApp) => {
    await scope.register(fastifyRateLimit, { global: false })
    registerRoutes(scope, deps)
  })
}

function registerRoutes(app: TypedApp, deps: AppDeps): void {
  const auth: AuthDeps = { db: deps.database.db, clock: deps.clock, config: deps.config }
  const rateLimit = {
    max: deps.config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () =>
      new AppError('too_many_requests', 'Too many attempts from this address: wait a minute and try again'),
  }
  const respondSignedIn = (reply: FastifyReply, signedIn: { token: string; info: SessionInfo }) => {
    setSessionCookie(reply, deps.config, signedIn.token)
    return signedIn.info
  }

  app.post(
    '/api/auth/login',
    {
      // A pending session that starts over is replaced like any other.
      config: { public: true, allowMfaPending: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        description:
          'Sets the session cookie. With an authenticator app set up the answer is `{ mfaRequired: true }` ' +
          'and the code goes to POST /api/auth/login/totp.',
        body: LoginRequest,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const result = await signIn(auth, {
        caller: request.actor,
        ...request.body,
        userAgent: userAgentOf(request),
      })
      if (result.mfaRequired) {
        setSessionCookie(reply, deps.config, result.token)
        return { mfaRequired: true as const }
      }
      return respondSignedIn(reply, result)
    },
  )

  app.post(
    '/api/auth/login/totp',
    {
      config: { allowMfaPending: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: an authenticator code or a recovery code',
        body: TotpRequest,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) =>
      respondSignedIn(
        reply,
        await completeTotpSignIn(auth, {
          actor: userActor(request.actor),
          code: request.body.code,
          userAgent: userAgentOf(request),
        }),
      ),
  )

  app.post(
    '/api/auth/logout',
    {
      config: { public: true, allowMfaPending: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session server-side)',
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await signOut(auth, request.actor)
      clearSessionCookie(reply, deps.config)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and organization',
        response: { 200: SessionInfo },
      },
    },
    async (request) => loadSessionInfo(auth.db, userActor(request.actor)),
  )

  app.post(
    '/api/auth/organization',
    {
      schema: {
        tags: ['auth'],
        summary: 'Act in another organization the user is a member of',
        body: SwitchOrganizationRequest,
        response: { 200: SessionInfo },
      },
    },
    async (request) => switchOrganization(auth, userActor(request.actor), request.body.organizationId),
  )

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (ends your other sessions)',
        body: ChangePasswordRequest,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changePassword(auth, userActor(request.actor), request.body)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/auth/totp/enroll',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app',
        response: { 200: TotpEnrollment },
      },
    },
    async (request) => enrollTotp(auth, userActor(request.actor)),
  )

  app.post(
    '/api/auth/totp/activate',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish the set-up with a code from the app; returns recovery codes once',
        body: TotpRequest,
        response: { 200: TotpActivation },
      },
    },
    async (request) => activateTotp(auth, userActor(request.actor), request.body.code),
  )

  app.post(
    '/api/auth/totp/disable',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Remove your authenticator app (needs a current code or a recovery code)',
        body: TotpRequest,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await disableTotp(auth, userActor(request.actor), request.body.code)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/users/:id/totp',
    {
      schema: {
        tags: ['users'],
        summary: "Reset a user's authenticator app (administrators)",
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resetUserTotp(auth, request.actor, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        summary: 'Issue an API token for a user in one organization (shown once)',
        body: NewApiToken,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(auth, userActor(request.actor), request.body)
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/api/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        summary: 'API tokens of the users you manage',
        response: { 200: z.array(ApiToken) },
      },
    },
    async (request) => listApiTokens(auth, request.actor),
  )

  app.post(
    '/api/api-tokens/:id/revoke',
    {
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: ApiToken },
      },
    },
    async (request) => revokeApiToken(auth, request.actor, request.params.id),
  )
}
