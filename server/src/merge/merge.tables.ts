import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

/** Ids of related rows moved to the survivor, per `table.column`, so a split can move exactly them back. */
export type MovedRows = Record<string, string[]>

export interface ClientMergeTable {
  id: Generated<string>
  coc_id: string
  survivor_client_id: string
  merged_client_id: string
  field_choices: Json<Record<string, 'survivor' | 'merged'>>
  survivor_before: Json<Record<string, unknown>>
  survivor_after: Json<Record<string, unknown>>
  moved: Json<MovedRows>
  added_alias_id: string | null
  reason: string | null
  merged_at: Timestamp
  merged_by: string
  organization_id: string
  split_at: Timestamp | null
  split_by: string | null
  split_reason: string | null
}

export interface ClientPairExclusionTable {
  client_a: string
  client_b: string
  reason: string
  created_at: Timestamp
  created_by: string | null
}

export interface MergeTables {
  client_merge: ClientMergeTable
  client_pair_exclusion: ClientPairExclusionTable
}
