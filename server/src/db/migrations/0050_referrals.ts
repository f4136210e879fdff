import { type Kysely, sql } from 'kysely'

// Closed-loop referrals, Coordinated Entry events (HUD 4.20) and the in-app notifications inbox.
// The consistency rules live in the database, whatever the code above does:
// - an opening has at most `capacity` referrals holding a slot: each holding referral takes a slot number
//   (1..capacity, chosen by the insert) and a partial unique index refuses two holders of one slot, so of
//   many simultaneous attempts on the last slot exactly one commits;
// - a household has at most one active referral per program type (partial unique index).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE referral_opening (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      project_id uuid NOT NULL REFERENCES project(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      capacity smallint NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 100),
      unit_id uuid REFERENCES bed_unit(id),
      bed_id uuid REFERENCES bed(id),
      eligibility_summary text,
      available_on date NOT NULL,
      closed_at timestamptz,
      posted_by uuid REFERENCES app_user(id),
      posted_by_organization_id uuid NOT NULL REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX referral_opening_coc ON referral_opening (coc_id) WHERE closed_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX referral_opening_project ON referral_opening (project_id)`.execute(db)

  // Timers per CoC, optionally per project type (NULL = the CoC's default); absent rows use built-in defaults.
  await sql`
    CREATE TABLE referral_timer_setting (
      coc_id uuid NOT NULL REFERENCES coc(id),
      project_type smallint,
      acknowledge_working_days smallint NOT NULL CHECK (acknowledge_working_days BETWEEN 1 AND 60),
      decision_days smallint NOT NULL CHECK (decision_days BETWEEN 1 AND 120),
      expire_days smallint NOT NULL CHECK (expire_days BETWEEN 1 AND 365),
      UNIQUE NULLS NOT DISTINCT (coc_id, project_type)
    )`.execute(db)

  // The CoC's decline reasons and what each does to the household's place on the queue.
  await sql`
    CREATE TABLE referral_decline_reason (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      code text NOT NULL,
      label text NOT NULL,
      consequence text NOT NULL CHECK (consequence IN ('return_same_rank', 'inactive', 'needs_reassessment')),
      inactive_days smallint CHECK (inactive_days BETWEEN 1 AND 365),
      active boolean NOT NULL DEFAULT true,
      sort_order smallint NOT NULL DEFAULT 0,
      UNIQUE (coc_id, code),
      CONSTRAINT decline_reason_inactive_days CHECK ((consequence = 'inactive') = (inactive_days IS NOT NULL))
    )`.execute(db)

  await sql`
    CREATE TABLE referral (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      opening_id uuid NOT NULL REFERENCES referral_opening(id),
      slot_no smallint NOT NULL CHECK (slot_no >= 1),
      project_id uuid NOT NULL REFERENCES project(id),
      program_type smallint NOT NULL,
      receiving_organization_id uuid NOT NULL REFERENCES organization(id),
      referring_organization_id uuid NOT NULL REFERENCES organization(id),
      referred_by uuid REFERENCES app_user(id),
      ce_enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      enrollment_household_id uuid NOT NULL REFERENCES enrollment_household(id),
      head_client_id uuid NOT NULL REFERENCES client(id),
      -- The Housing Queue entry the household was chosen from, when it was (no FK: the queue owns its rows).
      queue_entry_id uuid,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acknowledged', 'accepted', 'enrolled',
        'declined_by_provider', 'declined_by_client', 'unable_to_contact', 'cancelled', 'expired')),
      status_changed_at timestamptz NOT NULL DEFAULT now(),
      sent_on date NOT NULL,
      acknowledge_due_on date NOT NULL,
      decision_due_on date NOT NULL,
      expires_on date NOT NULL,
      acknowledged_on date,
      result_on date,
      decline_reason_code text,
      -- Why this household was chosen: rank, ranking version and the key facts at the time.
      snapshot jsonb NOT NULL DEFAULT '{}'::jsonb,
      placement_household_id uuid REFERENCES enrollment_household(id),
      queue_inactive_until date,
      reminded_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`
    CREATE UNIQUE INDEX referral_opening_slot ON referral (opening_id, slot_no)
    WHERE status IN ('pending', 'acknowledged', 'accepted', 'enrolled')`.execute(db)
  await sql`
    CREATE UNIQUE INDEX referral_one_active_per_program_type ON referral (enrollment_household_id, program_type)
    WHERE status IN ('pending', 'acknowledged', 'accepted')`.execute(db)
  await sql`CREATE INDEX referral_receiving ON referral (receiving_organization_id, status)`.execute(db)
  await sql`CREATE INDEX referral_coc_status ON referral (coc_id, status)`.execute(db)
  await sql`CREATE INDEX referral_head_client ON referral (head_client_id)`.execute(db)

  await sql`
    CREATE TABLE referral_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referral_id uuid NOT NULL REFERENCES referral(id),
      client_id uuid NOT NULL REFERENCES client(id),
      relationship_to_hoh smallint NOT NULL,
      UNIQUE (referral_id, client_id)
    )`.execute(db)
  await sql`CREATE INDEX referral_member_client ON referral_member (client_id)`.execute(db)

  await sql`
    CREATE TABLE referral_status_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order changes happened in (several can share one timestamp).
      seq integer GENERATED ALWAYS AS IDENTITY,
      referral_id uuid NOT NULL REFERENCES referral(id),
      from_status text,
      to_status text NOT NULL,
      changed_at timestamptz NOT NULL,
      changed_by uuid REFERENCES app_user(id),
      organization_id uuid REFERENCES organization(id),
      reason_code text,
      note text
    )`.execute(db)
  await sql`CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id, changed_at)`.execute(
    db,
  )

  // HUD 4.20, with HUD's dependent-field rules as constraints too.
  await sql`
    CREATE TABLE ce_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      event_date date NOT NULL,
      event_type smallint NOT NULL CHECK (event_type BETWEEN 1 AND 18),
      location_project_id uuid REFERENCES project(id),
      prob_sol_div_rr_result smallint CHECK (prob_sol_div_rr_result IN (0, 1, 99)),
      referral_case_manage_after smallint CHECK (referral_case_manage_after IN (0, 1, 99)),
      referral_result smallint CHECK (referral_result IN (1, 2, 3)),
      result_date date,
      restriction text NOT NULL DEFAULT 'open' CHECK (restriction IN ('open', 'agency')),
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      referral_id uuid UNIQUE REFERENCES referral(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id),
      CONSTRAINT ce_event_diversion CHECK (prob_sol_div_rr_result IS NULL OR event_type = 2),
      CONSTRAINT ce_event_aftercare CHECK (referral_case_manage_after IS NULL OR event_type = 5),
      CONSTRAINT ce_event_result_type CHECK (referral_result IS NULL OR event_type IN (10, 11, 12, 13, 14, 15, 17, 18)),
      CONSTRAINT ce_event_result_date CHECK ((referral_result IS NULL) = (result_date IS NULL)),
      CONSTRAINT ce_event_result_after_event CHECK (result_date IS NULL OR result_date >= event_date)
    )`.execute(db)
  await sql`CREATE INDEX ce_event_enrollment ON ce_event (enrollment_id, event_date)`.execute(db)

  await sql`
    CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      kind text NOT NULL CHECK (kind IN ('referral_received', 'referral_reminder', 'referral_stalled',
        'referral_updated', 'referral_requested', 'referral_expired')),
      referral_id uuid REFERENCES referral(id),
      opening_id uuid REFERENCES referral_opening(id),
      -- Never personal data: the inbox and any e-mail name the project and the status only.
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX notification_user ON notification (user_id, created_at DESC)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification',
    'ce_event',
    'referral_status_change',
    'referral_member',
    'referral',
    'referral_decline_reason',
    'referral_timer_setting',
    'referral_opening',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}
