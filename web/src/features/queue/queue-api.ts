import type {
  NewQueueRanking,
  QueueEntryVersion,
  QueuePage,
  QueuePositionHistory,
  QueueProgramType,
  QueueRanking,
  QueueRankingImpact,
  QueueRankingList,
  QueueSort,
  QueueStatusPatch,
  QueueWorkerList,
  RankingKey,
} from '@threshold/core'
import { api } from '../../api/client'

/** The queue screen's filters, as query parameters (absent = any). */
export interface QueueFilterValues {
  projectId?: string
  status?: string
  householdType?: string
  veteran?: string
  youth?: string
  chronic?: string
  dv?: string
  documentation?: string
  eligibleProgramType?: string
  staleCls?: string
  assignedUserId?: string
  programType?: QueueProgramType
  sort?: QueueSort
}

const segment = encodeURIComponent

export const queueKeys = {
  all: ['queue'] as const,
  page: (filters: QueueFilterValues, cursor: string | null) => ['queue', 'page', filters, cursor] as const,
  history: (id: string) => ['queue', 'history', id] as const,
  rankings: (programType: QueueProgramType) => ['queue', 'rankings', programType] as const,
  workers: ['queue', 'workers'] as const,
}

/** The queue's live changes (text/event-stream of `{ queueEntryId, cocId, ceProjectId, version }`). */
export const QUEUE_EVENTS_URL = '/api/queue/events'

const queryOf = (filters: QueueFilterValues) => ({ ...filters }) as Record<string, string | undefined>

export function queueCsvUrl(filters: QueueFilterValues): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  const search = params.toString()
  return `/api/queue/export.csv${search ? `?${search}` : ''}`
}

export const queueApi = {
  page: (filters: QueueFilterValues, cursor: string | null, limit = 25) =>
    api.get<QueuePage>('/api/queue', { ...queryOf(filters), limit, cursor }),
  setStatus: (id: string, patch: QueueStatusPatch) =>
    api.patch<QueueEntryVersion>(`/api/queue/${segment(id)}/status`, patch),
  history: (id: string) => api.get<QueuePositionHistory>(`/api/queue/${segment(id)}/history`),
  workers: () => api.get<QueueWorkerList>('/api/queue/workers'),
  rankings: (programType: QueueProgramType) =>
    api.get<QueueRankingList>('/api/queue/rankings', { programType }),
  preview: (programType: QueueProgramType, keys: RankingKey[]) =>
    api.post<QueueRankingImpact>('/api/queue/rankings/preview', { programType, keys, top: 20 }),
  publish: (input: NewQueueRanking) =>
    api.post<QueueRanking & { impact: QueueRankingImpact }>('/api/queue/rankings', input),
}
