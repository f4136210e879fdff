import { api } from '../../api/client'
import type { Coc, CocPatch, NewCoc } from '../../api/types'

export const cocKeys = { all: ['cocs'] as const }

export const cocsApi = {
  list: () => api.get<Coc[]>('/api/cocs'),
  create: (input: NewCoc) => api.post<Coc>('/api/cocs', input),
  update: (id: string, patch: CocPatch) => api.patch<Coc>(`/api/cocs/${encodeURIComponent(id)}`, patch),
}
