import { queryOptions, useQuery } from '@tanstack/react-query'
import { ApiError, api } from '../../api/client'
import type { LoginResponse, SessionInfo } from '../../api/types'

export const sessionQueryKey = ['session'] as const

/** Who is signed in, or null. A signed-in user whose session lapsed is asked to sign in again first. */
async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api.get<SessionInfo>('/api/auth/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: Number.POSITIVE_INFINITY,
})

/** The session inside the signed-in area (the layout route has loaded it before anything renders). */
export function useSession(): SessionInfo {
  const { data } = useQuery(sessionQuery)
  if (!data) throw new Error('useSession is only for pages behind sign-in')
  return data
}

export function currentMembership(session: SessionInfo) {
  return session.organizations.find(
    (membership) => membership.organizationId === session.currentOrganizationId,
  )
}

/** Only a path inside this app may be a post-sign-in destination (no `//evil.example`). */
export function safeRedirectTarget(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/'
}

export const isMfaChallenge = (response: LoginResponse): response is { mfaRequired: true } =>
  'mfaRequired' in response

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginResponse>('/api/auth/login', { username, password }, { skipReauthentication: true }),
  loginTotp: (code: string) =>
    api.post<SessionInfo>('/api/auth/login/totp', { code }, { skipReauthentication: true }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { skipReauthentication: true }),
  switchOrganization: (organizationId: string) =>
    api.post<SessionInfo>('/api/auth/organization', { organizationId }),
}
