import { api } from '../../api/client'
import type { MembershipPut, NewUser, User, UserPatch } from '../../api/types'

export interface UserFilter {
  organizationId?: string
  q?: string
}

export const USERS_PAGE_SIZE = 50

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
}

export const usersApi = {
  list: (filter: UserFilter, offset = 0, limit = USERS_PAGE_SIZE) =>
    api.get<User[]>('/api/users', { ...filter, limit, offset }),
  get: (id: string) => api.get<User>(userPath(id)),
  create: (input: NewUser) => api.post<User>('/api/users', input),
  update: (id: string, patch: UserPatch) => api.patch<User>(userPath(id), patch),
  setMembership: (id: string, organizationId: string, membership: MembershipPut) =>
    api.put<User>(`${userPath(id)}/memberships/${encodeURIComponent(organizationId)}`, membership),
  removeMembership: (id: string, organizationId: string) =>
    api.delete<User>(`${userPath(id)}/memberships/${encodeURIComponent(organizationId)}`),
  resetTotp: (id: string) => api.delete<void>(`${userPath(id)}/totp`),
}
