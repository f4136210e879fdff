import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** tstzrange as PostgreSQL prints it; written with sql`tstzrange(…)`. */
type Range = ColumnType<string, string, string>

export type DedicatedPopulation = 'ch_veteran' | 'youth_veteran' | 'veteran' | 'ch_youth' | 'youth' | 'ch'
export type StayEnd = 'check_out' | 'auto_check_out' | 'move'
export type ReservationStatus = 'active' | 'checked_in' | 'cancelled' | 'expired'

/** A site (shelter, apartment building, scattered-site program office) run by one agency. */
export interface FacilityTable {
  id: Generated<string>
  coc_id: string
  organization_id: string
  name: string
  address: string | null
  version: Generated<number>
  created_at: CreatedAt
  updated_at: Timestamp
}

/** A room or unit, optionally inside a named building. */
export interface BedUnitTable {
  id: Generated<string>
  facility_id: string
  building: string | null
  name: string
  created_at: CreatedAt
}

export interface BedTable {
  id: Generated<string>
  facility_id: string
  unit_id: string
  project_id: string
  name: string
  /** HUD 2.07.4 */
  household_type: number
  /** HUD 2.07.5 */
  bed_type: Generated<number>
  /** HUD 2.07.6 */
  availability: Generated<number>
  dedicated_population: DedicatedPopulation | null
  active_from: string
  active_to: string | null
  expected_vacancy_date: string | null
  version: Generated<number>
  created_at: CreatedAt
}

export interface BedStayTable {
  id: Generated<string>
  bed_id: string
  client_id: string
  enrollment_id: string
  during: Range
  ended_by: StayEnd | null
  moved_from_stay_id: string | null
  reservation_id: string | null
  created_by: string | null
  ended_by_user_id: string | null
  created_at: CreatedAt
}

export interface ReservationTable {
  id: Generated<string>
  facility_id: string
  unit_id: string | null
  bed_id: string | null
  start_date: string
  end_date: string
  status: Generated<ReservationStatus>
  /** The accepted referral it holds the bed for (migration 0051); released or used with the referral. */
  referral_id: string | null
  created_by: string | null
  created_by_organization_id: string | null
  created_at: CreatedAt
  closed_at: Timestamp | null
}

export interface ReservationMemberTable {
  reservation_id: string
  client_id: string
  id: Generated<string>
}

export interface BedOfflineTable {
  id: Generated<string>
  bed_id: string
  during: Range
  reason: string
  created_by: string | null
  created_at: CreatedAt
}

export interface BedNightTable {
  id: Generated<string>
  client_id: string
  enrollment_id: string
  stay_id: string
  project_id: string
  night: string
  created_at: CreatedAt
}

export interface ClientBarTable {
  id: Generated<string>
  client_id: string
  coc_id: string
  project_id: string | null
  facility_id: string | null
  service: string | null
  begin_date: string
  end_date: string | null
  enforcing_organization_ids: string[]
  reason: string
  notes: string
  created_by: string | null
  created_by_organization_id: string | null
  created_at: CreatedAt
  ended_at: Timestamp | null
  ended_by: string | null
}

/** The `bed_inventory` view: HUD Inventory.csv rows derived from the beds. */
export interface BedInventoryView {
  project_id: string
  coc_code: string
  household_type: number
  bed_type: number
  availability: number
  inventory_start_date: string
  inventory_end_date: string | null
  unit_inventory: number
  bed_inventory: number
  ch_vet_bed_inventory: number
  youth_vet_bed_inventory: number
  vet_bed_inventory: number
  ch_youth_bed_inventory: number
  youth_bed_inventory: number
  ch_bed_inventory: number
  other_bed_inventory: number
}

export interface BedTables {
  facility: FacilityTable
  bed_unit: BedUnitTable
  bed: BedTable
  bed_stay: BedStayTable
  reservation: ReservationTable
  reservation_member: ReservationMemberTable
  bed_offline: BedOfflineTable
  bed_night: BedNightTable
  client_bar: ClientBarTable
  bed_inventory: BedInventoryView
}
