import type { FinancialAssistanceKind, ServiceCategory, ServiceUnit } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** numeric(12,2) arrives as a string (exact decimals); written as a number. */
type Decimal = ColumnType<string | null, number | null | undefined, number | null>

/** One entry of an organization's service catalogue. */
export interface ServiceTypeTable {
  id: Generated<string>
  organization_id: string
  name: string
  category: ServiceCategory
  assistance_kind: FinancialAssistanceKind | null
  unit: ServiceUnit
  default_value: Decimal
  active: Generated<boolean>
  /** HUD Services.csv RecordType (list 1.4) and TypeProvided, when the service is one HUD reports. */
  hud_record_type: number | null
  hud_type_provided: number | null
  created_at: CreatedAt
  created_by: string | null
  updated_at: Timestamp
  updated_by: string | null
}

/** A service given to one client on one enrollment; a household's rows share `batch_id`. */
export interface ServiceRecordTable {
  id: Generated<string>
  enrollment_id: string
  client_id: string
  service_type_id: string
  /** The agency that recorded it (the enrollment's). */
  owner_organization_id: string
  batch_id: string
  provided_on: string
  quantity: Decimal
  amount: Decimal
  funder: string | null
  /** HUD 2.06.1 FundingSource. */
  funding_source: number | null
  note: string | null
  created_at: CreatedAt
  created_by: string | null
  deleted_at: Timestamp | null
  deleted_by: string | null
  deleted_reason: string | null
}

export interface ServiceTables {
  service_type: ServiceTypeTable
  service_record: ServiceRecordTable
}
