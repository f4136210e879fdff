import type {
  Client,
  ClientHistory,
  ClientPatch,
  ClientSearchResults,
  NewClient,
  NewClientAlias,
  SavedClient,
} from '@threshold/core'
import { api } from '../../api/client'

/** What Find Client sends; every field optional, blank ones are left out of the request. */
export interface ClientSearchCriteria {
  firstName?: string
  lastName?: string
  dob?: string
  ssn?: string
  clientNumber?: string
  q?: string
}

const clientPath = (id: string) => `/api/clients/${encodeURIComponent(id)}`

export const clientKeys = {
  all: ['clients'] as const,
  search: (criteria: ClientSearchCriteria) => ['clients', 'search', criteria] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  history: (id: string) => ['clients', 'history', id] as const,
}

export const SEARCH_RESULT_LIMIT = 25

export const clientsApi = {
  search: (criteria: ClientSearchCriteria) =>
    api.get<ClientSearchResults>('/api/clients/search', { ...criteria, limit: SEARCH_RESULT_LIMIT }),
  get: (id: string) => api.get<Client>(clientPath(id)),
  create: (input: NewClient) => api.post<SavedClient>('/api/clients', input),
  update: (id: string, patch: ClientPatch) => api.patch<SavedClient>(clientPath(id), patch),
  history: (id: string) => api.get<ClientHistory>(`${clientPath(id)}/history`),
  fullSsn: (id: string) => api.get<{ ssn: string | null }>(`${clientPath(id)}/ssn`),
  addAlias: (id: string, alias: NewClientAlias) => api.post<Client>(`${clientPath(id)}/aliases`, alias),
  removeAlias: (id: string, aliasId: string) =>
    api.delete<Client>(`${clientPath(id)}/aliases/${encodeURIComponent(aliasId)}`),
}
