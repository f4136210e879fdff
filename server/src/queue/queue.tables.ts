import type { FactValue, HouseholdType, QueueProgramType, QueueStatus } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string | undefined, string>
/** numeric arrives as a string (exact decimal); written as a number. */
type Decimal = ColumnType<string | null, number | null | undefined, number | null>

/** One household placed on a CoC's Coordinated Entry queue, with the facts it is ranked and filtered by. */
export interface QueueEntryTable {
  id: Generated<string>
  coc_id: string
  ce_project_id: string
  enrollment_household_id: string
  owner_organization_id: string
  status: Generated<QueueStatus>
  status_reason: string | null
  inactive_since: string | null
  status_changed_at: Timestamp
  placed_at: Timestamp
  placed_by: string | null
  version: Generated<number>
  ce_start_date: string
  assessment_id: string | null
  assessment_date: string | null
  tool_version_id: string | null
  score: Decimal
  chronic: Generated<FactValue>
  veteran: Generated<FactValue>
  youth: Generated<FactValue>
  fleeing_dv: Generated<FactValue>
  household_type: Generated<HouseholdType>
  household_size: Generated<number>
  days_homeless: number | null
  last_cls_date: string | null
  disability_verified: Generated<boolean>
  documents_complete_for: Generated<string[]>
  missing_documents: Json<Record<string, string[]>>
  eligible_program_types: Generated<string[]>
  assigned_user_id: string | null
  tie_break: Generated<number>
  facts_as_of: string
}

/** A CoC's ranking rules for one program type; each published change is a new version. */
export interface QueueRankingTable {
  id: Generated<string>
  coc_id: string
  program_type: QueueProgramType
  version: number
  keys: Json<unknown>
  note: string | null
  published_at: Timestamp
  published_by: string | null
}

export interface QueuePositionHistoryTable {
  id: Generated<string>
  queue_entry_id: string
  occurred_at: Timestamp
  event: 'placed' | 'status_changed' | 'ranking_published' | 'refreshed' | 'left_queue'
  status: QueueStatus
  program_type: Generated<QueueProgramType>
  ranking_version: number | null
  rank: number | null
  previous_rank: number | null
  actor_user_id: string | null
}

/** An entry's sort key under one ranking of its CoC (see queue-order.ts). */
export interface QueueRankKeyTable {
  queue_entry_id: string
  coc_id: string
  program_type: QueueProgramType
  sort_key: string
}

export interface QueueTables {
  queue_entry: QueueEntryTable
  queue_rank_key: QueueRankKeyTable
  queue_ranking: QueueRankingTable
  queue_position_history: QueuePositionHistoryTable
}
