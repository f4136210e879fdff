import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string | undefined, string>
/** Computed by the database (normalised and phonetic names); never written. */
type Derived = ColumnType<string, never, never>

export type Restriction = 'open' | 'restricted' | 'confidential'

export interface ClientTable {
  id: Generated<string>
  client_number: ColumnType<number, never, never>
  coc_id: string
  owner_organization_id: string
  restriction: Generated<Restriction>
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  name_suffix: string | null
  name_data_quality: number
  ssn: string | null
  ssn_last4: string | null
  ssn_data_quality: number
  dob: string | null
  dob_data_quality: number
  race_ethnicity: Generated<string[]>
  race_none: number | null
  additional_race_ethnicity: string | null
  sex: number | null
  gender_identity: string | null
  veteran_status: number | null
  veteran_details: Json<Record<string, unknown> | null> | null
  contact: Json<Record<string, unknown>>
  marital_status: string | null
  children_count: number | null
  merged_into_client_id: string | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
  created_by: string | null
  updated_by: string | null
  first_norm: Derived
  last_norm: Derived
  first_dm: Derived
  first_dm_alt: Derived
  last_dm: Derived
  last_dm_alt: Derived
}

export interface ClientAliasTable {
  id: Generated<string>
  client_id: string
  kind: 'former_name' | 'alias'
  first_name: string | null
  last_name: string | null
  created_at: Timestamp
  first_norm: Derived
  last_norm: Derived
  first_dm: Derived
  last_dm: Derived
}

export interface ClientVersionTable {
  id: Generated<string>
  client_id: string
  version: number
  changed_at: Timestamp
  changed_by: string | null
  organization_id: string | null
  action: string
  changes: Json<Record<string, unknown>>
}

export interface ClientTables {
  client: ClientTable
  client_alias: ClientAliasTable
  client_version: ClientVersionTable
}
