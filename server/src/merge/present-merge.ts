import type { Selectable } from 'kysely'
import type { ClientMergeTable } from './merge.tables'

export function presentMerge(row: Selectable<ClientMergeTable>, keptOnSplit?: string[]) {
  return {
    id: row.id,
    survivorClientId: row.survivor_client_id,
    mergedClientId: row.merged_client_id,
    choices: row.field_choices,
    reason: row.reason,
    mergedAt: row.merged_at.toISOString(),
    mergedBy: row.merged_by,
    splitAt: row.split_at ? row.split_at.toISOString() : null,
    splitBy: row.split_by,
    splitReason: row.split_reason,
    ...(keptOnSplit && { keptOnSplit }),
  }
}
