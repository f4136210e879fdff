import { type Kysely, sql } from 'kysely'

// Households (ClientTrack "families") with dated membership and an event trail, and clients' releases of
// information (ROI) with an optional scanned form. The database itself guarantees one current head of
// household: a partial unique index (never two) and a deferred trigger checked at commit (never none).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE household (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      owner_organization_id uuid NOT NULL REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id)
    )`.execute(db)

  await sql`
    CREATE TABLE household_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      household_id uuid NOT NULL REFERENCES household(id),
      client_id uuid NOT NULL REFERENCES client(id),
      relationship_to_hoh integer NOT NULL CHECK (relationship_to_hoh IN (1, 2, 3, 4, 5, 99)),
      joined_on date NOT NULL,
      removed_on date,
      removed_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      removed_by uuid REFERENCES app_user(id),
      CHECK (removed_on IS NULL OR removed_on >= joined_on)
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX household_one_current_head ON household_member (household_id)
            WHERE relationship_to_hoh = 1 AND removed_on IS NULL`.execute(db)
  await sql`CREATE UNIQUE INDEX household_member_current ON household_member (household_id, client_id)
            WHERE removed_on IS NULL`.execute(db)
  await sql`CREATE INDEX household_member_client ON household_member (client_id)`.execute(db)

  // A household with current members must end every transaction with a current head (23514 → 422).
  await sql`
    CREATE FUNCTION household_require_head() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM household_member
                 WHERE household_id = NEW.household_id AND removed_on IS NULL)
         AND NOT EXISTS (SELECT 1 FROM household_member
                         WHERE household_id = NEW.household_id AND removed_on IS NULL
                           AND relationship_to_hoh = 1) THEN
        RAISE EXCEPTION 'household % has no current head of household', NEW.household_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'household_requires_head';
      END IF;
      RETURN NULL;
    END
    $$`.execute(db)
  await sql`CREATE CONSTRAINT TRIGGER household_requires_head
            AFTER INSERT OR UPDATE ON household_member
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION household_require_head()`.execute(db)

  await sql`
    CREATE TABLE household_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      household_id uuid NOT NULL REFERENCES household(id),
      kind text NOT NULL CHECK (kind IN ('created', 'member_added', 'member_removed', 'head_changed')),
      client_id uuid NOT NULL REFERENCES client(id),
      previous_head_client_id uuid REFERENCES client(id),
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      user_id uuid REFERENCES app_user(id),
      organization_id uuid REFERENCES organization(id)
    )`.execute(db)
  await sql`CREATE INDEX household_event_household ON household_event (household_id, occurred_at)`.execute(db)

  await sql`
    CREATE TABLE client_release (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES client(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      recorded_by_organization_id uuid NOT NULL REFERENCES organization(id),
      release_identity boolean NOT NULL,
      release_project_data boolean NOT NULL,
      scope text NOT NULL CHECK (scope IN ('coc', 'organizations')),
      organization_ids uuid[] NOT NULL DEFAULT '{}',
      start_date date NOT NULL,
      end_date date NOT NULL,
      documentation text NOT NULL CHECK (documentation IN ('signed', 'verbal')),
      witness_user_id uuid NOT NULL REFERENCES app_user(id),
      signed_by_client_id uuid NOT NULL REFERENCES client(id),
      signed_form_recorded_at timestamptz,
      signed_form_recorded_by uuid REFERENCES app_user(id),
      revoked_on date,
      revoked_by uuid REFERENCES app_user(id),
      revoked_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid NOT NULL REFERENCES app_user(id),
      CHECK (release_identity OR release_project_data),
      CHECK ((scope = 'coc') = (cardinality(organization_ids) = 0)),
      CHECK (end_date >= start_date),
      CHECK ((revoked_on IS NULL) = (revoked_by IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX client_release_client ON client_release (client_id, end_date)`.execute(db)

  await sql`
    CREATE TABLE client_release_document (
      release_id uuid PRIMARY KEY REFERENCES client_release(id),
      file_name text NOT NULL,
      content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
      content bytea NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by uuid NOT NULL REFERENCES app_user(id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE client_release_document, client_release, household_event, household_member, household`.execute(
    db,
  )
  await sql`DROP FUNCTION household_require_head()`.execute(db)
}
