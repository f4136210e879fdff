import { type Kysely, sql } from 'kysely'

// Referral rules a CoC configures, direct project-to-project referrals and e-mail delivery of notifications.
// - "One active referral per program type" is a CoC setting (on unless the CoC turns it off). A BEFORE
//   INSERT trigger copies the setting onto each referral, and the partial unique index holds only the
//   referrals made under the rule: of simultaneous referrals of one household to one program type exactly
//   one commits. The household is its head of household (the same people, whatever enrollment they come from).
// - A project may accept referrals straight from another project (no Coordinated Entry queue); such a
//   referral comes from a project enrollment instead of a CE enrollment.
// - Notifications remember whether their e-mail went out, so a failed send is retried on the next pass.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE referral_rule_setting (
      coc_id uuid PRIMARY KEY REFERENCES coc(id),
      one_active_per_program_type boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`ALTER TABLE referral ADD COLUMN one_per_program_type boolean NOT NULL DEFAULT true`.execute(db)
  await sql`
    CREATE FUNCTION referral_apply_rules() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.one_per_program_type := COALESCE(
        (SELECT one_active_per_program_type FROM referral_rule_setting WHERE coc_id = NEW.coc_id), true);
      RETURN NEW;
    END
    $$`.execute(db)
  await sql`
    CREATE TRIGGER referral_apply_rules BEFORE INSERT ON referral
    FOR EACH ROW EXECUTE FUNCTION referral_apply_rules()`.execute(db)
  await sql`DROP INDEX referral_one_active_per_program_type`.execute(db)
  await sql`
    CREATE UNIQUE INDEX referral_one_active_per_program_type ON referral (head_client_id, program_type)
    WHERE status IN ('pending', 'acknowledged', 'accepted') AND one_per_program_type`.execute(db)

  await sql`ALTER TABLE project ADD COLUMN accepts_direct_referrals boolean NOT NULL DEFAULT false`.execute(
    db,
  )
  await sql`ALTER TABLE referral ALTER COLUMN ce_enrollment_id DROP NOT NULL`.execute(db)
  await sql`ALTER TABLE referral ADD COLUMN source_enrollment_id uuid REFERENCES enrollment(id)`.execute(db)
  await sql`
    ALTER TABLE referral ADD CONSTRAINT referral_one_source
    CHECK ((ce_enrollment_id IS NULL) <> (source_enrollment_id IS NULL))`.execute(db)

  await sql`
    ALTER TABLE notification
      ADD COLUMN emailed_at timestamptz,
      ADD COLUMN email_attempts smallint NOT NULL DEFAULT 0,
      ADD COLUMN email_error text`.execute(db)
  // Notifications from before e-mail delivery existed are not mailed out afterwards.
  await sql`UPDATE notification SET emailed_at = created_at`.execute(db)
  await sql`CREATE INDEX notification_email_pending ON notification (created_at) WHERE emailed_at IS NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX notification_email_pending`.execute(db)
  await sql`ALTER TABLE notification DROP COLUMN emailed_at, DROP COLUMN email_attempts, DROP COLUMN email_error`.execute(
    db,
  )
  await sql`ALTER TABLE referral DROP CONSTRAINT referral_one_source`.execute(db)
  await sql`ALTER TABLE referral DROP COLUMN source_enrollment_id`.execute(db)
  await sql`ALTER TABLE referral ALTER COLUMN ce_enrollment_id SET NOT NULL`.execute(db)
  await sql`ALTER TABLE project DROP COLUMN accepts_direct_referrals`.execute(db)
  await sql`DROP INDEX referral_one_active_per_program_type`.execute(db)
  await sql`DROP TRIGGER referral_apply_rules ON referral`.execute(db)
  await sql`DROP FUNCTION referral_apply_rules()`.execute(db)
  await sql`ALTER TABLE referral DROP COLUMN one_per_program_type`.execute(db)
  await sql`
    CREATE UNIQUE INDEX referral_one_active_per_program_type ON referral (enrollment_household_id, program_type)
    WHERE status IN ('pending', 'acknowledged', 'accepted')`.execute(db)
  await sql`DROP TABLE referral_rule_setting`.execute(db)
}
