import { type Kysely, sql } from 'kysely'

// Merging duplicate client records, with everything needed to undo it (split), and the pairs an admin
// has said are different people, which the duplicate report never proposes again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE client_merge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      survivor_client_id uuid NOT NULL REFERENCES client(id),
      merged_client_id uuid NOT NULL REFERENCES client(id),
      field_choices jsonb NOT NULL,
      survivor_before jsonb NOT NULL,
      survivor_after jsonb NOT NULL,
      moved jsonb NOT NULL,
      added_alias_id uuid,
      reason text,
      merged_at timestamptz NOT NULL DEFAULT now(),
      merged_by uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      split_at timestamptz,
      split_by uuid REFERENCES app_user(id),
      split_reason text,
      CHECK (survivor_client_id <> merged_client_id)
    )`.execute(db)
  // A record can be merged away only once at a time.
  await sql`CREATE UNIQUE INDEX client_merge_active ON client_merge (merged_client_id) WHERE split_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX client_merge_survivor ON client_merge (survivor_client_id)`.execute(db)

  await sql`
    CREATE TABLE client_pair_exclusion (
      client_a uuid NOT NULL REFERENCES client(id),
      client_b uuid NOT NULL REFERENCES client(id),
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      PRIMARY KEY (client_a, client_b),
      CHECK (client_a < client_b)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE client_pair_exclusion, client_merge`.execute(db)
}
