import { type Kysely, sql } from 'kysely'

// Find Client at a million clients (docs/benchmarks.md, "Find Client — speed"). A trigram match of a common
// name is slow: the GIN posting lists of the trigrams of "Michael" or "Williams" hold a few percent of all
// clients, and `first_norm % 'michael'` reads all of them (tens of milliseconds, once per branch). When both
// names are typed, search matches them through B-trees instead: double metaphone, nicknames, and the first
// or last three letters (one typo leaves at least one of them intact in a name of six letters or more).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX client_first_head ON client (left(first_norm, 3))`.execute(db)
  await sql`CREATE INDEX client_first_tail ON client (right(first_norm, 3))`.execute(db)
  await sql`CREATE INDEX client_last_head ON client (left(last_norm, 3))`.execute(db)
  await sql`CREATE INDEX client_last_tail ON client (right(last_norm, 3))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX client_first_head, client_first_tail, client_last_head, client_last_tail`.execute(db)
}
