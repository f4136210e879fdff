import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Actor, UserActor } from '../access/actor'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'

/** What every route plugin gets: the database, settings and clock of this app instance. */
export interface AppDeps {
  database: Database
  config: Config
  clock: Clock
  version: string
}

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/** A domain's routes: registered on the typed app with this instance's dependencies. */
export type RoutePlugin = (app: TypedApp, deps: AppDeps) => void

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; anonymous on public routes. */
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, API document). */
    public?: boolean
    /** Reachable by a signed-in session that still owes its second factor. */
    allowMfaPending?: boolean
  }
}

/** The actor of a route that requires sign-in (the auth hook guarantees it). */
export function userActor(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new Error('route needs a signed-in user')
  return actor
}
