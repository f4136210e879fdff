import type { Role } from '@threshold/core'

/** Who is acting, for whom, and where the request came from; built once per request. */
export interface UserActor {
  kind: 'user'
  userId: string
  username: string
  organizationId: string
  cocId: string
  role: Role
  /** The session or API token that authenticated the request. */
  sessionId: string | null
  apiTokenId: string | null
  requestId: string | null
  ip: string | null
}

/** Background and start-up work (migrations, seeding, timers) acts as the system, explicitly. */
export interface SystemActor {
  kind: 'system'
  requestId: string | null
  ip: string | null
}

/** Someone who has not signed in yet; sign-in attempts are audited with the request's id and IP. */
export interface AnonymousActor {
  kind: 'anonymous'
  requestId: string | null
  ip: string | null
}

export type Actor = UserActor | SystemActor | AnonymousActor

export const systemActor: SystemActor = { kind: 'system', requestId: null, ip: null }
