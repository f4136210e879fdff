import { api } from '../../api/client'
import type { NewOrganization, Organization, OrganizationPatch } from '../../api/types'

export interface OrganizationFilter {
  cocId?: string
  active?: boolean
}

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (filter: OrganizationFilter) => ['organizations', 'list', filter] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
}

export const organizationsApi = {
  list: (filter: OrganizationFilter = {}) => api.get<Organization[]>('/api/organizations', { ...filter }),
  get: (id: string) => api.get<Organization>(`/api/organizations/${encodeURIComponent(id)}`),
  create: (input: NewOrganization) => api.post<Organization>('/api/organizations', input),
  update: (id: string, patch: OrganizationPatch) =>
    api.patch<Organization>(`/api/organizations/${encodeURIComponent(id)}`, patch),
}
