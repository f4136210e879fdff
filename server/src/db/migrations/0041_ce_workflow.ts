import { type Kysely, sql } from 'kysely'

// Coordinated Entry: the guided workflow of a CE enrollment household (one per household, its steps as
// versioned server-side drafts), HUD 4.19 CE assessments, and the documents uploaded for the household.
// The database keeps one open CE workflow per head of household and CoC, whatever the race.

const STEPS = sql.raw(
  `'enrollment', 'universal_data', 'disabilities', 'domestic_violence', 'current_living_situation', 'ce_assessment', 'outcome', 'documents'`,
)

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ce_workflow (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_household_id uuid NOT NULL UNIQUE REFERENCES enrollment_household(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      head_client_id uuid NOT NULL REFERENCES client(id),
      case_manager_user_id uuid NOT NULL REFERENCES app_user(id),
      outcome text CHECK (outcome IN ('diverted', 'placed_on_queue')),
      outcome_date date,
      outcome_recorded_at timestamptz,
      outcome_recorded_by uuid REFERENCES app_user(id),
      paused_at timestamptz,
      paused_by uuid REFERENCES app_user(id),
      closed_at timestamptz,
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((outcome IS NULL) = (outcome_date IS NULL))
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX ce_workflow_one_open_per_coc ON ce_workflow (coc_id, head_client_id)
            WHERE closed_at IS NULL`.execute(db)

  await sql`
    CREATE TABLE ce_workflow_step (
      workflow_id uuid NOT NULL REFERENCES ce_workflow(id),
      step text NOT NULL CHECK (step IN (${STEPS})),
      draft jsonb NOT NULL DEFAULT '{}'::jsonb,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz,
      updated_by uuid REFERENCES app_user(id),
      completed_at timestamptz,
      completed_by uuid REFERENCES app_user(id),
      PRIMARY KEY (workflow_id, step)
    )`.execute(db)

  await sql`
    CREATE TABLE ce_assessment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      assessment_date date NOT NULL,
      assessment_location_project_id uuid NOT NULL REFERENCES project(id),
      assessment_type smallint NOT NULL CHECK (assessment_type IN (1, 2, 3)),
      assessment_level smallint NOT NULL CHECK (assessment_level IN (1, 2)),
      prioritization_status smallint NOT NULL CHECK (prioritization_status IN (1, 2)),
      tool_version_id uuid REFERENCES assessment_tool_version(id),
      answers jsonb,
      score numeric,
      sub_scores jsonb,
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`.execute(db)
  await sql`CREATE INDEX ce_assessment_enrollment ON ce_assessment (enrollment_id, assessment_date)`.execute(
    db,
  )

  await sql`
    CREATE TABLE ce_document (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workflow_id uuid NOT NULL REFERENCES ce_workflow(id),
      enrollment_household_id uuid NOT NULL REFERENCES enrollment_household(id),
      document_type text NOT NULL,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      content bytea NOT NULL,
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by uuid REFERENCES app_user(id)
    )`.execute(db)
  await sql`CREATE INDEX ce_document_household ON ce_document (enrollment_household_id, document_type)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE ce_document, ce_assessment, ce_workflow_step, ce_workflow`.execute(db)
}
