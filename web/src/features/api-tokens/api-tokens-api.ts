import { api } from '../../api/client'
import type { ApiToken, CreatedApiToken, NewApiToken } from '../../api/types'

export const apiTokenKeys = { all: ['api-tokens'] as const }

export const apiTokensApi = {
  list: () => api.get<ApiToken[]>('/api/api-tokens'),
  issue: (input: NewApiToken) => api.post<CreatedApiToken>('/api/api-tokens', input),
  revoke: (id: string) => api.post<ApiToken>(`/api/api-tokens/${encodeURIComponent(id)}/revoke`),
}
