import { type Kysely, sql } from 'kysely'

// Indexes Find Client's first-name branch needs (docs/benchmarks.md, "Find Client — speed"). That branch
// matches `first_norm % q OR first_dm … OR first_dm_alt … OR first_norm = ANY(nicknames)`:
// - PostgreSQL combines an OR of conditions with a BitmapOr only when every one of them has an index, so
//   the missing index on the alternate double-metaphone code made the branch a sequential scan of every
//   client (0.2 s at 100,000 clients);
// - nickname equality went through the trigram GIN index, which must read the posting lists of every
//   trigram of every nickname (50 ms at 100,000 clients); a B-tree answers it in well under a millisecond.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX client_first_dm_alt ON client (first_dm_alt)`.execute(db)
  await sql`CREATE INDEX client_first_norm ON client (first_norm)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX client_first_norm, client_first_dm_alt`.execute(db)
}
