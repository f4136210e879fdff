import { type Kysely, sql } from 'kysely'

// A referral fills the bed or unit its opening is linked to:
// - a hold placed when the referral is accepted remembers the referral, so enrolling uses it and declining
//   or cancelling releases it (the holds' own exclusion constraint still refuses a bed held twice);
// - whether enrolling through a referral takes the household off the queue as housed, or keeps it queued
//   for other program types, is set per CoC and project type beside the referral timers (default: housed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reservation ADD COLUMN referral_id uuid REFERENCES referral(id)`.execute(db)
  await sql`CREATE INDEX reservation_referral ON reservation (referral_id) WHERE referral_id IS NOT NULL`.execute(
    db,
  )
  await sql`
    ALTER TABLE referral_timer_setting ADD COLUMN housed_on_enroll boolean NOT NULL DEFAULT true`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE referral_timer_setting DROP COLUMN housed_on_enroll`.execute(db)
  await sql`DROP INDEX reservation_referral`.execute(db)
  await sql`ALTER TABLE reservation DROP COLUMN referral_id`.execute(db)
}
