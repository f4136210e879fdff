import type {
  ClientMerge,
  DuplicatePair,
  MergeComparison,
  MergeFieldGroup,
  NewMerge,
  NotDuplicateRequest,
} from '@threshold/core'
import type { z } from 'zod'
import { api } from '../../api/client'
import { PATHS } from '../shell/navigation'

// core/src/api/merge.ts exports the merge contracts as schemas only; their shapes are read from them here.
export type DuplicatePairView = z.output<typeof DuplicatePair>
export type MergeComparisonView = z.output<typeof MergeComparison>
export type ClientMergeView = z.output<typeof ClientMerge>
export type MergeChoices = Partial<Record<MergeFieldGroup, 'survivor' | 'merged'>>

export const mergeKeys = {
  all: ['client-merge'] as const,
  duplicates: (minScore: number) => ['client-merge', 'duplicates', minScore] as const,
  comparison: (survivorId: string, mergedId: string) =>
    ['client-merge', 'compare', survivorId, mergedId] as const,
  history: ['client-merge', 'history'] as const,
}

export const mergeApi = {
  duplicates: (minScore: number) =>
    api.get<{ pairs: DuplicatePairView[] }>('/api/clients/duplicates', { minScore, limit: 100 }),
  compare: (survivorId: string, mergedId: string) =>
    api.get<MergeComparisonView>('/api/clients/compare', { survivorId, mergedId }),
  merge: (input: z.input<typeof NewMerge>) => api.post<ClientMergeView>('/api/client-merges', input),
  history: () => api.get<{ merges: ClientMergeView[] }>('/api/client-merges', { limit: 100 }),
  split: (mergeId: string, reason: string) =>
    api.post<ClientMergeView>(`/api/client-merges/${encodeURIComponent(mergeId)}/split`, { reason }),
  notDuplicate: (input: z.input<typeof NotDuplicateRequest>) =>
    api.post<void>('/api/client-pairs/not-duplicate', input),
}

export const comparePath = (survivorId: string, mergedId: string) =>
  `${PATHS.duplicateClients}/compare/${survivorId}/${mergedId}`
