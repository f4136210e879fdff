import { type Kysely, sql } from 'kysely'

// Authentication: the last TOTP time step accepted for each user, so a code that was just used cannot
// be replayed within its 30-second window (RFC 6238 §5.2).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user ADD COLUMN totp_last_used_step bigint`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user DROP COLUMN totp_last_used_step`.execute(db)
}
