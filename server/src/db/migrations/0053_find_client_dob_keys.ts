import { type Kysely, sql } from 'kysely'

// Find Client at a million clients (docs/benchmarks.md, "Find Client — speed"). The near-DOB branch reads
// every live client born on one of some forty dates near the one typed (about a thousand at a million
// clients) and ranks them by name similarity. With the normalised names and the id in the index, PostgreSQL
// ranks them by an index-only scan and reads just the best few client rows, instead of a thousand.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX client_dob_names ON client (dob) INCLUDE (id, first_norm, last_norm)
            WHERE merged_into_client_id IS NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX client_dob_names`.execute(db)
}
