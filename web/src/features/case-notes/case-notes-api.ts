import type { CaseNote, CaseNoteHistory, CaseNotePatch, NewCaseNote } from '@threshold/core'
import { api, apiRequest } from '../../api/client'

const notePath = (id: string) => `/api/case-notes/${encodeURIComponent(id)}`

export const caseNoteKeys = {
  all: ['case-notes'] as const,
  ofClient: (clientId: string, q: string) => ['case-notes', 'of-client', clientId, q] as const,
  history: (id: string) => ['case-notes', 'history', id] as const,
}

export const caseNotesApi = {
  ofClient: (clientId: string, q: string) =>
    api.get<CaseNote[]>(`/api/clients/${encodeURIComponent(clientId)}/case-notes`, { q }),
  create: (clientId: string, note: NewCaseNote) =>
    api.post<CaseNote>(`/api/clients/${encodeURIComponent(clientId)}/case-notes`, note),
  update: (id: string, patch: CaseNotePatch) => api.patch<CaseNote>(notePath(id), patch),
  lock: (id: string) => api.post<CaseNote>(`${notePath(id)}/lock`),
  unlock: (id: string) => api.post<CaseNote>(`${notePath(id)}/unlock`),
  remove: (id: string, reason: string) => apiRequest<void>('DELETE', notePath(id), { body: { reason } }),
  history: (id: string) => api.get<CaseNoteHistory>(`${notePath(id)}/history`),
}
