import { type Kysely, sql } from 'kysely'

// The Housing Queue: one row per household placed on a CoC's Coordinated Entry queue, carrying the facts it
// is ranked and filtered by (refreshed whenever the household's data changes, so a page of the queue is one
// indexed query over this table), the CoC's versioned ranking rules, and each household's position history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE queue_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      ce_project_id uuid NOT NULL REFERENCES project(id),
      enrollment_household_id uuid NOT NULL UNIQUE REFERENCES enrollment_household(id),
      -- The agency that enrolled the household (enrollment_household.owner_organization_id, which never changes).
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      status text NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review',
        'incomplete_documentation', 'ready', 'referred', 'inactive', 'housed', 'exited')),
      status_reason text,
      inactive_since date,
      status_changed_at timestamptz NOT NULL,
      placed_at timestamptz NOT NULL,
      placed_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      -- Ranking and filter facts (see queue-facts.ts), as of facts_as_of.
      ce_start_date date NOT NULL,
      assessment_id uuid,
      assessment_date date,
      tool_version_id uuid,
      score numeric,
      chronic text NOT NULL DEFAULT 'unknown' CHECK (chronic IN ('yes', 'no', 'unknown')),
      veteran text NOT NULL DEFAULT 'unknown' CHECK (veteran IN ('yes', 'no', 'unknown')),
      youth text NOT NULL DEFAULT 'unknown' CHECK (youth IN ('yes', 'no', 'unknown')),
      fleeing_dv text NOT NULL DEFAULT 'unknown' CHECK (fleeing_dv IN ('yes', 'no', 'unknown')),
      household_type text NOT NULL DEFAULT 'unknown'
        CHECK (household_type IN ('adults_only', 'adults_and_children', 'children_only', 'unknown')),
      household_size integer NOT NULL DEFAULT 1,
      days_homeless integer,
      last_cls_date date,
      disability_verified boolean NOT NULL DEFAULT false,
      -- Program types ('psh', 'rrh') whose document checklist is complete, and what each one misses.
      documents_complete_for text[] NOT NULL DEFAULT '{}',
      missing_documents jsonb NOT NULL DEFAULT '{}',
      -- Program types ('psh', 'rrh', 'th') with a project whose eligibility rules the household passes.
      eligible_program_types text[] NOT NULL DEFAULT '{}',
      assigned_user_id uuid REFERENCES app_user(id),
      -- A stable random tie-break, drawn once when the household is placed.
      tie_break double precision NOT NULL DEFAULT random(),
      facts_as_of date NOT NULL,
      CONSTRAINT queue_entry_inactive_date CHECK ((status = 'inactive') = (inactive_since IS NOT NULL))
    )`.execute(db)
  await sql`CREATE INDEX queue_entry_coc_status ON queue_entry (coc_id, status)`.execute(db)
  await sql`CREATE INDEX queue_entry_project ON queue_entry (ce_project_id, status)`.execute(db)

  // Each entry's place under each ranking in force in its CoC, as one byte-ordered text key (see
  // queue-order.ts): the queue in rank order is an index scan, and a rank is a count of smaller keys.
  // Entries not in a ranked status get keys starting with '~', after every ranked one.
  await sql`
    CREATE TABLE queue_rank_key (
      queue_entry_id uuid NOT NULL REFERENCES queue_entry(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      program_type text NOT NULL,
      sort_key text COLLATE "C" NOT NULL,
      PRIMARY KEY (queue_entry_id, program_type)
    )`.execute(db)
  await sql`CREATE INDEX queue_rank_key_order ON queue_rank_key (coc_id, program_type, sort_key)`.execute(db)

  await sql`
    CREATE TABLE queue_ranking (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      program_type text NOT NULL CHECK (program_type IN ('all', 'psh', 'rrh', 'th')),
      version integer NOT NULL CHECK (version > 0),
      keys jsonb NOT NULL,
      note text,
      published_at timestamptz NOT NULL,
      published_by uuid REFERENCES app_user(id),
      -- Versions are append-only: publishing a change adds the next version, never rewrites one.
      UNIQUE (coc_id, program_type, version)
    )`.execute(db)

  await sql`
    CREATE TABLE queue_position_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      queue_entry_id uuid NOT NULL REFERENCES queue_entry(id),
      occurred_at timestamptz NOT NULL,
      event text NOT NULL CHECK (event IN ('placed', 'status_changed', 'ranking_published', 'refreshed',
        'left_queue')),
      status text NOT NULL,
      program_type text NOT NULL DEFAULT 'all',
      ranking_version integer,
      rank integer,
      previous_rank integer,
      actor_user_id uuid REFERENCES app_user(id)
    )`.execute(db)
  await sql`CREATE INDEX queue_position_history_entry ON queue_position_history (queue_entry_id, id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE queue_position_history, queue_ranking, queue_rank_key, queue_entry`.execute(db)
}
