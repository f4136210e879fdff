import { type Kysely, sql } from 'kysely'

// Project enrollments (HUD Enrollment.csv + Exit.csv, one row per client) grouped into enrollment households
// (HUD HouseholdID), and the data collected at each stage, shaped like the HUD CSV files IncomeBenefits,
// Disabilities, HealthAndDV and CurrentLivingSituation. The database refuses overlapping stays of one client
// in one project (exit date = the day after the last night, so ranges are half-open) and more than one
// project-start or project-exit record of a kind per enrollment.
const STAGE_CHECK = sql`CHECK (data_collection_stage IN (1, 2, 3, 5, 6))`
const NO_YES_MISSING = (column: string) =>
  sql`${sql.ref(column)} integer CHECK (${sql.ref(column)} IN (0, 1, 99))`

const INCOME_SOURCES = [
  'earned',
  'unemployment',
  'ssi',
  'ssdi',
  'va_disability_service',
  'va_disability_non_service',
  'private_disability',
  'workers_comp',
  'tanf',
  'ga',
  'soc_sec_retirement',
  'pension',
  'child_support',
  'alimony',
]
const BENEFITS = [
  'snap',
  'wic',
  'tanf_child_care',
  'tanf_transportation',
  'other_tanf',
  'other_benefits_source',
]
const INSURANCES = [
  'medicaid',
  'medicare',
  'schip',
  'vha_services',
  'employer_provided',
  'cobra',
  'private_pay',
  'state_health_ins',
  'indian_health_services',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE enrollment_household (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES project(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id)
    )`.execute(db)

  await sql`
    CREATE TABLE enrollment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_household_id uuid NOT NULL REFERENCES enrollment_household(id),
      client_id uuid NOT NULL REFERENCES client(id),
      project_id uuid NOT NULL REFERENCES project(id),
      relationship_to_hoh integer NOT NULL CHECK (relationship_to_hoh IN (1, 2, 3, 4, 5, 99)),
      entry_date date NOT NULL,
      move_in_date date,
      exit_date date,
      destination integer,
      destination_subsidy_type integer,
      other_destination text,
      enrollment_coc text CHECK (enrollment_coc ~ '^[A-Z]{2}-[0-9]{3}$'),
      disabling_condition integer NOT NULL DEFAULT 99 CHECK (disabling_condition IN (0, 1, 8, 9, 99)),
      living_situation integer,
      rental_subsidy_type integer,
      length_of_stay integer,
      ${NO_YES_MISSING('los_under_threshold')},
      ${NO_YES_MISSING('previous_street_essh')},
      date_to_street_essh date,
      times_homeless_past_three_years integer,
      months_homeless_past_three_years integer,
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_by uuid REFERENCES app_user(id),
      CONSTRAINT enrollment_exit_after_entry CHECK (exit_date IS NULL OR exit_date >= entry_date),
      CONSTRAINT enrollment_move_in_within_stay CHECK (
        move_in_date IS NULL OR (move_in_date >= entry_date AND (exit_date IS NULL OR move_in_date <= exit_date))),
      CONSTRAINT enrollment_destination_on_exit CHECK ((exit_date IS NULL) = (destination IS NULL)),
      CONSTRAINT enrollment_destination_subsidy CHECK (
        (destination_subsidy_type IS NOT NULL) = (destination IS NOT DISTINCT FROM 435)),
      CONSTRAINT enrollment_no_overlap EXCLUDE USING gist (
        client_id WITH =, project_id WITH =, daterange(entry_date, exit_date, '[)') WITH &&)
    )`.execute(db)
  await sql`CREATE INDEX enrollment_household_members ON enrollment (enrollment_household_id)`.execute(db)
  await sql`CREATE INDEX enrollment_client ON enrollment (client_id, entry_date)`.execute(db)
  await sql`CREATE INDEX enrollment_project ON enrollment (project_id, entry_date)`.execute(db)

  const stageColumns = sql`
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      information_date date NOT NULL,
      data_collection_stage integer NOT NULL ${STAGE_CHECK},
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id)`
  const flags = (names: string[], withAmount: boolean) =>
    sql.join(
      names.flatMap((name) => [
        NO_YES_MISSING(name),
        ...(withAmount
          ? [sql`${sql.ref(`${name}_amount`)} numeric(10, 2) CHECK (${sql.ref(`${name}_amount`)} >= 0)`]
          : []),
      ]),
    )
  const reasons = sql.join(
    INSURANCES.map(
      (name) =>
        sql`${sql.ref(`no_${name}_reason`)} integer CHECK (${sql.ref(`no_${name}_reason`)} IN (1, 2, 3, 4, 8, 9, 99))`,
    ),
  )

  await sql`
    CREATE TABLE income_benefits (
      ${stageColumns},
      income_from_any_source integer CHECK (income_from_any_source IN (0, 1, 8, 9, 99)),
      total_monthly_income numeric(10, 2) CHECK (total_monthly_income >= 0),
      ${flags(INCOME_SOURCES, true)},
      ${NO_YES_MISSING('other_income_source')},
      other_income_amount numeric(10, 2) CHECK (other_income_amount >= 0),
      other_income_source_identify text,
      benefits_from_any_source integer CHECK (benefits_from_any_source IN (0, 1, 8, 9, 99)),
      ${flags(BENEFITS, false)},
      other_benefits_source_identify text,
      insurance_from_any_source integer CHECK (insurance_from_any_source IN (0, 1, 8, 9, 99)),
      ${flags(INSURANCES, false)},
      ${reasons},
      ${NO_YES_MISSING('other_insurance')},
      other_insurance_identify text
    )`.execute(db)

  await sql`
    CREATE TABLE disabilities (
      ${stageColumns},
      disability_type integer NOT NULL CHECK (disability_type BETWEEN 5 AND 10),
      disability_response integer NOT NULL CHECK (disability_response IN (0, 1, 2, 3, 8, 9, 99)),
      indefinite_and_impairs integer CHECK (indefinite_and_impairs IN (0, 1, 8, 9, 99))
    )`.execute(db)

  await sql`
    CREATE TABLE health_and_dv (
      ${stageColumns},
      domestic_violence_survivor integer CHECK (domestic_violence_survivor IN (0, 1, 8, 9, 99)),
      when_occurred integer CHECK (when_occurred IN (1, 2, 3, 4, 8, 9, 99)),
      currently_fleeing integer CHECK (currently_fleeing IN (0, 1, 8, 9, 99))
    )`.execute(db)

  // One record per enrollment, stage and day (per disability type); project start and exit happen once.
  for (const table of ['income_benefits', 'health_and_dv']) {
    await sql`CREATE UNIQUE INDEX ${sql.id(`${table}_per_day`)}
              ON ${sql.table(table)} (enrollment_id, data_collection_stage, information_date)`.execute(db)
    await sql`CREATE UNIQUE INDEX ${sql.id(`${table}_start_exit_once`)}
              ON ${sql.table(table)} (enrollment_id, data_collection_stage)
              WHERE data_collection_stage IN (1, 3)`.execute(db)
  }
  await sql`CREATE UNIQUE INDEX disabilities_per_day
            ON disabilities (enrollment_id, data_collection_stage, information_date, disability_type)`.execute(
    db,
  )
  await sql`CREATE UNIQUE INDEX disabilities_start_exit_once ON disabilities (enrollment_id, data_collection_stage, disability_type)
            WHERE data_collection_stage IN (1, 3)`.execute(db)

  await sql`
    CREATE TABLE current_living_situation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      information_date date NOT NULL,
      current_living_situation integer NOT NULL,
      cls_subsidy_type integer,
      verified_by text,
      leave_situation14_days integer CHECK (leave_situation14_days IN (0, 1, 8, 9, 99)),
      subsequent_residence integer CHECK (subsequent_residence IN (0, 1, 8, 9, 99)),
      resources_to_obtain integer CHECK (resources_to_obtain IN (0, 1, 8, 9, 99)),
      lease_own60_day integer CHECK (lease_own60_day IN (0, 1, 8, 9, 99)),
      moved_two_or_more integer CHECK (moved_two_or_more IN (0, 1, 8, 9, 99)),
      location_details text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id)
    )`.execute(db)
  for (const table of ['income_benefits', 'disabilities', 'health_and_dv', 'current_living_situation']) {
    await sql`CREATE INDEX ${sql.id(`${table}_enrollment`)} ON ${sql.table(table)} (enrollment_id)`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE current_living_situation, health_and_dv, disabilities, income_benefits, enrollment,
            enrollment_household`.execute(db)
}
