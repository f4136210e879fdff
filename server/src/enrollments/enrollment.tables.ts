import type {
  BenefitField,
  IncomeAmountField,
  IncomeSourceField,
  InsuranceField,
  InsuranceReasonField,
  SnakeCase,
} from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** numeric columns arrive as strings (exact decimals); written as numbers. */
type Money = ColumnType<string | null, number | null | undefined, number | null>

/** HUD HouseholdID: the people enrolled together in one project. */
export interface EnrollmentHouseholdTable {
  id: Generated<string>
  project_id: string
  coc_id: string
  /** The agency that enrolled them (from the actor). */
  owner_organization_id: string
  created_at: CreatedAt
  created_by: string | null
}

/** One client's stay in a project (HUD Enrollment.csv with its Exit.csv row folded in). */
export interface EnrollmentTable {
  id: Generated<string>
  enrollment_household_id: string
  client_id: string
  project_id: string
  relationship_to_hoh: number
  entry_date: string
  move_in_date: string | null
  exit_date: string | null
  destination: number | null
  destination_subsidy_type: number | null
  other_destination: string | null
  enrollment_coc: string | null
  disabling_condition: Generated<number>
  living_situation: number | null
  rental_subsidy_type: number | null
  length_of_stay: number | null
  los_under_threshold: number | null
  previous_street_essh: number | null
  date_to_street_essh: string | null
  times_homeless_past_three_years: number | null
  months_homeless_past_three_years: number | null
  owner_organization_id: string
  version: Generated<number>
  created_at: CreatedAt
  updated_at: Timestamp
  created_by: string | null
  updated_by: string | null
}

/** What every record of a data collection stage carries. */
interface StageRecordColumns {
  id: Generated<string>
  enrollment_id: string
  information_date: string
  data_collection_stage: number
  created_at: CreatedAt
  created_by: string | null
}

type Columns<Field extends string, Type> = { [K in Field as SnakeCase<K>]: Type }

/** HUD IncomeBenefits.csv (4.02–4.04). */
export type IncomeBenefitsTable = StageRecordColumns &
  Columns<IncomeSourceField | BenefitField | InsuranceField | InsuranceReasonField, number | null> &
  Columns<IncomeAmountField, Money> & {
    income_from_any_source: number | null
    total_monthly_income: Money
    other_income_source: number | null
    other_income_amount: Money
    other_income_source_identify: string | null
    benefits_from_any_source: number | null
    other_benefits_source_identify: string | null
    insurance_from_any_source: number | null
    other_insurance: number | null
    other_insurance_identify: string | null
  }

/** HUD Disabilities.csv (4.05–4.10): one row per disability type per stage. */
export interface DisabilitiesTable extends StageRecordColumns {
  disability_type: number
  disability_response: number
  indefinite_and_impairs: number | null
}

/** HUD HealthAndDV.csv, the 4.11 domestic violence part. */
export interface HealthAndDvTable extends StageRecordColumns {
  domestic_violence_survivor: number | null
  when_occurred: number | null
  currently_fleeing: number | null
}

/** HUD CurrentLivingSituation.csv (4.12): one row per contact. */
export interface CurrentLivingSituationTable {
  id: Generated<string>
  enrollment_id: string
  information_date: string
  current_living_situation: number
  cls_subsidy_type: number | null
  verified_by: string | null
  leave_situation14_days: number | null
  subsequent_residence: number | null
  resources_to_obtain: number | null
  lease_own60_day: number | null
  moved_two_or_more: number | null
  location_details: string | null
  created_at: CreatedAt
  created_by: string | null
}

export interface EnrollmentTables {
  enrollment_household: EnrollmentHouseholdTable
  enrollment: EnrollmentTable
  income_benefits: IncomeBenefitsTable
  disabilities: DisabilitiesTable
  health_and_dv: HealthAndDvTable
  current_living_situation: CurrentLivingSituationTable
}
