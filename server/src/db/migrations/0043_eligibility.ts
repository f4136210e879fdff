import { type Kysely, sql } from 'kysely'

// Eligibility rule sets (one current version per target, every saved version kept for the edit history) and
// each CoC's area median income by household size. A target is generic (type + id): projects today,
// services and openings later, so target_id carries no foreign key.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE eligibility_rule_set (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      target_type text NOT NULL CHECK (target_type IN ('project')),
      target_id uuid NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      rules jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id),
      UNIQUE (target_type, target_id)
    )`.execute(db)
  await sql`CREATE INDEX eligibility_rule_set_coc ON eligibility_rule_set (coc_id, target_type)`.execute(db)

  await sql`
    CREATE TABLE eligibility_rule_set_version (
      rule_set_id uuid NOT NULL REFERENCES eligibility_rule_set(id),
      version integer NOT NULL CHECK (version > 0),
      rules jsonb NOT NULL,
      note text CHECK (length(note) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      PRIMARY KEY (rule_set_id, version)
    )`.execute(db)

  await sql`
    CREATE TABLE coc_area_median_income (
      coc_id uuid PRIMARY KEY REFERENCES coc(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      amounts integer[] NOT NULL CHECK (array_length(amounts, 1) = 8),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE eligibility_rule_set_version, eligibility_rule_set, coc_area_median_income`.execute(db)
}
