import { type Kysely, sql } from 'kysely'

// Case notes (with every saved version and links to services) and services: each organization's service
// catalogue and the services recorded on enrollments. Notes and service records are never deleted: a
// deletion sets `deleted_at` with who and why. Note text is stored sanitized (see case-notes/), with its
// plain words in `plain_text` for full-text search.
const CATEGORIES = sql`('rapid_rehousing', 'emergency_shelter', 'homeless_prevention',
  'permanent_supportive_housing', 'family_based_setting_support', 'financial_assistance', 'supportive_services',
  'bed_night', 'referral', 'voucher_tracking', 'moving_on_assistance')`
const ASSISTANCE_KINDS = sql`('rental', 'rental_arrears', 'security_deposit', 'utility_deposit', 'utility_payment',
  'moving_costs', 'mortgage', 'hotel_motel', 'other')`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES client(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      author_user_id uuid NOT NULL REFERENCES app_user(id),
      enrollment_id uuid REFERENCES enrollment(id),
      entry_date date NOT NULL,
      regarding text NOT NULL CHECK (length(regarding) BETWEEN 1 AND 200),
      body_html text NOT NULL,
      plain_text text NOT NULL,
      shareable boolean NOT NULL DEFAULT false,
      locked boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id),
      deleted_at timestamptz,
      deleted_by uuid REFERENCES app_user(id),
      deleted_reason text,
      search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, regarding || ' ' || plain_text)) STORED,
      CHECK ((deleted_at IS NULL) = (deleted_by IS NULL) AND (deleted_at IS NULL) = (deleted_reason IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX case_note_client ON case_note (client_id, entry_date DESC) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX case_note_search ON case_note USING gin (search_vector)`.execute(db)

  await sql`
    CREATE TABLE case_note_version (
      case_note_id uuid NOT NULL REFERENCES case_note(id),
      version integer NOT NULL,
      action text NOT NULL CHECK (action IN ('created', 'updated', 'locked', 'unlocked')),
      entry_date date NOT NULL,
      regarding text NOT NULL,
      body_html text NOT NULL,
      shareable boolean NOT NULL,
      locked boolean NOT NULL,
      changed_fields text[] NOT NULL DEFAULT '{}',
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by uuid REFERENCES app_user(id),
      organization_id uuid REFERENCES organization(id),
      PRIMARY KEY (case_note_id, version)
    )`.execute(db)

  await sql`
    CREATE TABLE service_type (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      category text NOT NULL CHECK (category IN ${CATEGORIES}),
      assistance_kind text CHECK (assistance_kind IN ${ASSISTANCE_KINDS}),
      unit text NOT NULL CHECK (unit IN ('count', 'hours', 'minutes', 'dollars')),
      default_value numeric(12, 2) CHECK (default_value > 0),
      active boolean NOT NULL DEFAULT true,
      hud_record_type integer,
      hud_type_provided integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id),
      CHECK ((category = 'financial_assistance') = (assistance_kind IS NOT NULL)),
      CHECK (category <> 'financial_assistance' OR unit = 'dollars'),
      CHECK ((hud_record_type IS NULL) = (hud_type_provided IS NULL))
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX service_type_name ON service_type (organization_id, lower(name))`.execute(db)

  await sql`
    CREATE TABLE service_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      client_id uuid NOT NULL REFERENCES client(id),
      service_type_id uuid NOT NULL REFERENCES service_type(id),
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      batch_id uuid NOT NULL,
      provided_on date NOT NULL,
      quantity numeric(12, 2) CHECK (quantity > 0),
      amount numeric(12, 2) CHECK (amount > 0),
      funder text,
      funding_source integer,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      deleted_at timestamptz,
      deleted_by uuid REFERENCES app_user(id),
      deleted_reason text,
      CHECK ((quantity IS NULL) <> (amount IS NULL)),
      CHECK ((deleted_at IS NULL) = (deleted_by IS NULL) AND (deleted_at IS NULL) = (deleted_reason IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX service_record_enrollment ON service_record (enrollment_id, provided_on)`.execute(db)
  await sql`CREATE INDEX service_record_client ON service_record (client_id)`.execute(db)
  await sql`CREATE INDEX service_record_batch ON service_record (batch_id)`.execute(db)

  await sql`
    CREATE TABLE case_note_service (
      case_note_id uuid NOT NULL REFERENCES case_note(id),
      service_record_id uuid NOT NULL REFERENCES service_record(id),
      PRIMARY KEY (case_note_id, service_record_id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_note_service, service_record, service_type, case_note_version, case_note`.execute(
    db,
  )
}
