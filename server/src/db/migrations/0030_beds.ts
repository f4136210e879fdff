import { type Kysely, sql } from 'kysely'

// Bed and facility management. The inventory (facility → unit or room, with an optional building → bed) is
// the single source of HUD Inventory.csv (the `bed_inventory` view groups it), and every state a bed can
// be in is a time range the database keeps from overlapping: exclusion constraints (btree_gist) refuse two
// occupants of one bed, two active holds of one bed, two offline periods of one bed, and one client in two
// beds at once, whatever the code above does. An open stay or period has an unbounded upper end.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db)

  await sql`
    CREATE TABLE facility (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coc_id uuid NOT NULL REFERENCES coc(id),
      organization_id uuid NOT NULL REFERENCES organization(id),
      name text NOT NULL,
      address text,
      -- Bumped (and so row-locked) by every change to its beds: changes of one facility run one at a time.
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`.execute(db)
  await sql`CREATE INDEX facility_coc ON facility (coc_id)`.execute(db)

  await sql`
    CREATE TABLE bed_unit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES facility(id),
      building text,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE NULLS NOT DISTINCT (facility_id, building, name)
    )`.execute(db)

  await sql`
    CREATE TABLE bed (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES facility(id),
      unit_id uuid NOT NULL REFERENCES bed_unit(id),
      project_id uuid NOT NULL REFERENCES project(id),
      name text NOT NULL,
      household_type integer NOT NULL CHECK (household_type IN (1, 3, 4)),
      bed_type integer NOT NULL DEFAULT 1 CHECK (bed_type IN (1, 2, 3)),
      availability integer NOT NULL DEFAULT 1 CHECK (availability IN (1, 2, 3)),
      -- HUD 2.07.7–2.07.12: the population a bed is dedicated to; NULL counts as OtherBedInventory.
      dedicated_population text CHECK (dedicated_population IN
        ('ch_veteran', 'youth_veteran', 'veteran', 'ch_youth', 'youth', 'ch')),
      active_from date NOT NULL,
      active_to date,
      -- Occupied and accepting referrals: the day the current resident is expected to leave.
      expected_vacancy_date date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, name),
      CONSTRAINT bed_active_dates CHECK (active_to IS NULL OR active_to >= active_from)
    )`.execute(db)
  await sql`CREATE INDEX bed_facility ON bed (facility_id)`.execute(db)
  await sql`CREATE INDEX bed_project ON bed (project_id)`.execute(db)

  await sql`
    CREATE TABLE bed_stay (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      bed_id uuid NOT NULL REFERENCES bed(id),
      client_id uuid NOT NULL REFERENCES client(id),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower(during) IS NOT NULL),
      ended_by text CHECK (ended_by IN ('check_out', 'auto_check_out', 'move')),
      -- A move ends this stay and starts the next one: the chain keeps the history.
      moved_from_stay_id uuid REFERENCES bed_stay(id),
      reservation_id uuid,
      created_by uuid REFERENCES app_user(id),
      ended_by_user_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT bed_stay_one_occupant EXCLUDE USING gist (bed_id WITH =, during WITH &&),
      CONSTRAINT bed_stay_one_bed_per_client EXCLUDE USING gist (client_id WITH =, during WITH &&),
      CONSTRAINT bed_stay_ended_when_closed CHECK ((upper(during) IS NULL) = (ended_by IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX bed_stay_open ON bed_stay (bed_id) WHERE upper(during) IS NULL`.execute(db)
  await sql`CREATE INDEX bed_stay_enrollment ON bed_stay (enrollment_id)`.execute(db)

  await sql`
    CREATE TABLE reservation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES facility(id),
      unit_id uuid REFERENCES bed_unit(id),
      bed_id uuid REFERENCES bed(id),
      start_date date NOT NULL,
      end_date date NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'checked_in', 'cancelled', 'expired')),
      created_by uuid REFERENCES app_user(id),
      created_by_organization_id uuid REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      CONSTRAINT reservation_dates CHECK (end_date >= start_date),
      CONSTRAINT reservation_one_hold_per_bed EXCLUDE USING gist (
        bed_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (status = 'active')
    )`.execute(db)
  await sql`CREATE INDEX reservation_facility ON reservation (facility_id) WHERE status = 'active'`.execute(
    db,
  )
  await sql`
    CREATE TABLE reservation_member (
      reservation_id uuid NOT NULL REFERENCES reservation(id),
      client_id uuid NOT NULL REFERENCES client(id),
      id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
      PRIMARY KEY (reservation_id, client_id)
    )`.execute(db)
  await sql`ALTER TABLE bed_stay ADD FOREIGN KEY (reservation_id) REFERENCES reservation(id)`.execute(db)

  await sql`
    CREATE TABLE bed_offline (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      bed_id uuid NOT NULL REFERENCES bed(id),
      during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower(during) IS NOT NULL),
      reason text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT bed_offline_no_overlap EXCLUDE USING gist (bed_id WITH =, during WITH &&)
    )`.execute(db)

  // Night-by-night shelters (project type 1): one row per client per night (HUD 4.14 bed nights).
  await sql`
    CREATE TABLE bed_night (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES client(id),
      enrollment_id uuid NOT NULL REFERENCES enrollment(id),
      stay_id uuid NOT NULL REFERENCES bed_stay(id),
      project_id uuid NOT NULL REFERENCES project(id),
      night date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- Per enrollment, not per client, so a merge of duplicate records never collides.
      UNIQUE (enrollment_id, night)
    )`.execute(db)
  await sql`CREATE INDEX bed_night_client ON bed_night (client_id, night)`.execute(db)

  await sql`
    CREATE TABLE client_bar (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES client(id),
      coc_id uuid NOT NULL REFERENCES coc(id),
      project_id uuid REFERENCES project(id),
      facility_id uuid REFERENCES facility(id),
      service text,
      begin_date date NOT NULL,
      end_date date,
      enforcing_organization_ids uuid[] NOT NULL,
      reason text NOT NULL,
      notes text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_by_organization_id uuid REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      ended_by uuid REFERENCES app_user(id),
      CONSTRAINT client_bar_one_target CHECK (num_nonnulls(project_id, facility_id, service) = 1),
      CONSTRAINT client_bar_dates CHECK (end_date IS NULL OR end_date >= begin_date),
      CONSTRAINT client_bar_enforced CHECK (cardinality(enforcing_organization_ids) > 0)
    )`.execute(db)
  await sql`CREATE INDEX client_bar_client ON client_bar (client_id)`.execute(db)

  // HUD Inventory.csv rows derived from the bed list: one per project, CoC, household type, bed type,
  // availability and active date range.
  await sql`
    CREATE VIEW bed_inventory AS
    SELECT b.project_id, c.code AS coc_code, b.household_type, b.bed_type, b.availability,
           b.active_from AS inventory_start_date, b.active_to AS inventory_end_date,
           count(DISTINCT b.unit_id)::int AS unit_inventory,
           count(*)::int AS bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'ch_veteran'))::int AS ch_vet_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'youth_veteran'))::int AS youth_vet_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'veteran'))::int AS vet_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'ch_youth'))::int AS ch_youth_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'youth'))::int AS youth_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population = 'ch'))::int AS ch_bed_inventory,
           (count(*) FILTER (WHERE b.dedicated_population IS NULL))::int AS other_bed_inventory
    FROM bed b
    JOIN project p ON p.id = b.project_id
    JOIN coc c ON c.id = p.coc_id
    GROUP BY b.project_id, c.code, b.household_type, b.bed_type, b.availability, b.active_from, b.active_to`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW bed_inventory`.execute(db)
  await sql`DROP TABLE client_bar, bed_night, bed_offline, bed_stay, reservation_member, reservation, bed,
            bed_unit, facility`.execute(db)
}
