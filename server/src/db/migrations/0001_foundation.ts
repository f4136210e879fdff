import { type Kysely, sql } from 'kysely'

// Foundation: extensions, CoC → organizations → projects, users and memberships, sessions, throttling,
// API tokens, and the append-only, hash-chained audit trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db)
  // unaccent() is only STABLE; indexes and generated columns need an IMMUTABLE wrapper.
  await sql`
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db)

  await sql`
    CREATE TABLE coc (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2}-[0-9]{3}$'),
      name text NOT NULL,
      settings jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      name text NOT NULL,
      victim_service_provider boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (coc_id, name)
    )`.execute(db)

  await sql`
    CREATE TABLE project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      name text NOT NULL,
      project_type integer NOT NULL,
      operating_start_date date NOT NULL,
      operating_end_date date,
      continuum_project boolean NOT NULL DEFAULT true,
      hmis_participation integer NOT NULL DEFAULT 1,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name),
      CHECK (operating_end_date IS NULL OR operating_end_date >= operating_start_date)
    )`.execute(db)
  await sql`CREATE INDEX project_coc_type ON project (coc_id, project_type)`.execute(db)

  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      email text,
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      totp_secret text,
      totp_enabled_at timestamptz,
      recovery_code_hashes text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX app_user_username ON app_user (lower(username))`.execute(db)

  await sql`
    CREATE TABLE membership (
      user_id uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      role text NOT NULL CHECK (role IN ('system_admin', 'coc_admin', 'ce_manager', 'agency_admin',
                                         'case_manager', 'housing_provider', 'analyst')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, organization_id)
    )`.execute(db)
  await sql`CREATE INDEX membership_organization ON membership (organization_id)`.execute(db)

  await sql`
    CREATE TABLE session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      mfa_pending boolean NOT NULL DEFAULT false,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db)
  await sql`CREATE INDEX session_by_user ON session (user_id) WHERE revoked_at IS NULL`.execute(db)

  await sql`
    CREATE TABLE login_throttle (
      username_key text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_failure_at timestamptz
    )`.execute(db)

  await sql`
    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db)

  await sql`
    CREATE TABLE audit_event (
      seq bigint PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_username text,
      organization_id uuid,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      request_id text,
      ip text,
      details jsonb,
      prev_hash text,
      hash text NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX audit_event_time ON audit_event (occurred_at DESC)`.execute(db)
  await sql`CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id)`.execute(db)
  await sql`CREATE INDEX audit_event_actor ON audit_event (actor_user_id, occurred_at DESC)`.execute(db)
  await sql`CREATE INDEX audit_event_org ON audit_event (organization_id, occurred_at DESC)`.execute(db)

  // The one definition of a row's hash; the insert trigger and `audit-verify` both use it.
  await sql`
    CREATE FUNCTION audit_event_digest(prev text, e audit_event) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
      SELECT encode(sha256(convert_to(concat_ws(E'\\x1f',
        coalesce(prev, ''), e.seq::text,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.actor_user_id::text, ''), coalesce(e.actor_username, ''),
        coalesce(e.organization_id::text, ''), e.action, coalesce(e.entity_type, ''),
        coalesce(e.entity_id, ''), e.outcome, coalesce(e.request_id, ''), coalesce(e.ip, ''),
        coalesce(e.details::text, '')), 'UTF8')), 'hex')
    $$`.execute(db)

  // Sequence numbers and hashes are assigned under a transaction-scoped lock, so concurrent writers
  // (even on several app instances) extend one unbroken chain in commit order.
  await sql`
    CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    DECLARE last_row audit_event;
    BEGIN
      PERFORM pg_advisory_xact_lock(7327001);
      SELECT * INTO last_row FROM audit_event ORDER BY seq DESC LIMIT 1;
      NEW.seq := coalesce(last_row.seq, 0) + 1;
      NEW.prev_hash := last_row.hash;
      NEW.hash := audit_event_digest(last_row.hash, NEW);
      RETURN NEW;
    END
    $$`.execute(db)
  await sql`CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
            FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`.execute(db)

  await sql`
    CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`.execute(
    db,
  )
  await sql`CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
            FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`.execute(db)
  await sql`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: the audit trail is append-only')
}
