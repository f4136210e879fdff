import { type Kysely, sql } from 'kysely'

// Assessment tools (CoC-defined scored questionnaires) and their versions. A published version is frozen by
// a trigger, not just by the application: stored CE assessment scores cite the version they were scored with.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assessment_tool (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX assessment_tool_coc ON assessment_tool (coc_id)`.execute(db)

  await sql`
    CREATE TABLE assessment_tool_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tool_id uuid NOT NULL REFERENCES assessment_tool(id),
      version integer NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      published_at timestamptz,
      published_by uuid REFERENCES app_user(id),
      UNIQUE (tool_id, version),
      CHECK (published_by IS NULL OR published_at IS NOT NULL)
    )`.execute(db)

  await sql`
    CREATE FUNCTION assessment_tool_version_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN
      IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'assessment tool version % is published and cannot change', OLD.id
          USING ERRCODE = 'check_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`.execute(db)
  await sql`CREATE TRIGGER assessment_tool_version_frozen BEFORE UPDATE OR DELETE ON assessment_tool_version
    FOR EACH ROW EXECUTE FUNCTION assessment_tool_version_frozen()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE assessment_tool_version, assessment_tool`.execute(db)
  await sql`DROP FUNCTION assessment_tool_version_frozen()`.execute(db)
}
