// Bed board and availability speed.
//
//   npm run bench -- beds [--samples=N] [--engines=pglite,postgres] [--no-write]
//
// 5,000 beds in 100 facilities (10 agencies, 2 beds a unit) with a year of stays (12 a bed, most beds occupied
// now), some beds offline and some held, on in-memory PGlite and, when BENCH_DATABASE_URL is set, in a scratch
// PostgreSQL database dropped afterwards. After ANALYZE it times the use cases as a CE manager (who sees every
// board, with names) — `getAvailability` (CoC-wide counts) and `getFacilityBoard` (one facility, audited) —
// beside the raw SQL floor: the plainest query that returns the same counts or beds.
// Results go to docs/benchmarks.md, section "Beds".

import { type Kysely, sql } from 'kysely'
import type { UserActor } from '../src/access/actor'
import { getAvailability } from '../src/beds/get-availability'
import { getFacilityBoard } from '../src/beds/get-facility-board'
import type { DB } from '../src/db/schema'
import {
  benchEngines,
  benchOption,
  type Engine,
  engineLabel,
  machineLine,
  openBenchDatabase,
  publishSection,
  type Timing,
  time,
  timingRow,
} from './bench-support'

const SECTION_TITLE = '## Beds'
const NOW = new Date('2026-01-15T20:00:00Z')
const clock = { now: () => NOW }
const FACILITIES = 100
const BEDS_PER_FACILITY = 50
const STAYS_PER_BED = 12
const AGENCIES = 10
const TARGET_P95_MS = { availability: 50, board: 30 }

interface EngineResult {
  engine: string
  seedSeconds: number
  availability: Timing
  availabilityFloor: Timing
  board: Timing
  boardFloor: Timing
}

/** The CoC, agencies, projects, facilities, units, beds, clients, enrollments and a year of stays. */
async function seed(db: Kysely<DB>): Promise<{ actor: UserActor; facilityIds: string[] }> {
  await sql`
    WITH coc AS (INSERT INTO coc (code, name) VALUES ('XX-500', 'Bench CoC') RETURNING id)
    INSERT INTO organization (coc_id, name) SELECT coc.id, 'Agency ' || g FROM coc, generate_series(1, ${AGENCIES}) g
  `.execute(db)
  await sql`
    INSERT INTO project (organization_id, coc_id, name, project_type, operating_start_date)
    SELECT o.id, o.coc_id, o.name || ' ' || t.label, t.type, '2020-01-01'
    FROM organization o CROSS JOIN (VALUES (1, 'Night Shelter'), (0, 'Shelter'), (3, 'PSH')) AS t(type, label)
  `.execute(db)
  await sql`
    INSERT INTO facility (coc_id, organization_id, name, address)
    SELECT o.coc_id, o.id, 'Facility ' || g, g || ' Main St'
    FROM generate_series(1, ${FACILITIES}) g
    JOIN (SELECT id, coc_id, row_number() OVER (ORDER BY name) - 1 AS n FROM organization) o ON o.n = g % ${AGENCIES}
  `.execute(db)
  await sql`
    INSERT INTO bed_unit (facility_id, name)
    SELECT f.id, 'Unit ' || u FROM facility f, generate_series(1, ${BEDS_PER_FACILITY / 2}) u
  `.execute(db)
  // Each facility serves one project of its agency (night shelter, shelter or PSH by its number).
  await sql`
    INSERT INTO bed (facility_id, unit_id, project_id, name, household_type, active_from)
    SELECT f.id, u.id, p.id, u.name || '-' || b, CASE WHEN p.project_type = 3 THEN 3 ELSE 1 END, '2020-01-01'
    FROM facility f
    JOIN bed_unit u ON u.facility_id = f.id
    JOIN project p ON p.organization_id = f.organization_id
      AND p.project_type = (ARRAY[1, 0, 3])[substring(f.name from 10)::int % 3 + 1]
    CROSS JOIN generate_series(1, 2) b
  `.execute(db)
  // One client and one year-long enrollment per bed; the stays of a bed are that person's (counts are what
  // the queries read, not who).
  await sql`
    INSERT INTO client (coc_id, owner_organization_id, first_name, last_name, name_data_quality, ssn_data_quality,
                        dob_data_quality)
    SELECT f.coc_id, f.organization_id, 'Resident', 'Bed ' || b.name, 1, 99, 99
    FROM bed b JOIN facility f ON f.id = b.facility_id
  `.execute(db)
  await sql`
    CREATE TEMP TABLE bench_bed_client AS
    SELECT b.id AS bed_id, b.project_id, c.id AS client_id, c.owner_organization_id, c.coc_id
    FROM (SELECT id, project_id, row_number() OVER (ORDER BY id) AS n FROM bed) b
    JOIN (SELECT id, owner_organization_id, coc_id, row_number() OVER (ORDER BY id) AS n FROM client) c ON c.n = b.n
  `.execute(db)
  await sql`
    WITH households AS (
      INSERT INTO enrollment_household (project_id, coc_id, owner_organization_id)
      SELECT project_id, coc_id, owner_organization_id FROM bench_bed_client RETURNING id, project_id),
    numbered AS (SELECT id, project_id, row_number() OVER (PARTITION BY project_id ORDER BY id) AS n FROM households),
    beds AS (SELECT *, row_number() OVER (PARTITION BY project_id ORDER BY client_id) AS n FROM bench_bed_client)
    INSERT INTO enrollment (enrollment_household_id, client_id, project_id, relationship_to_hoh, entry_date,
                            owner_organization_id)
    SELECT numbered.id, beds.client_id, beds.project_id, 1, '2025-01-01', beds.owner_organization_id
    FROM beds JOIN numbered ON numbered.project_id = beds.project_id AND numbered.n = beds.n
  `.execute(db)
  // Stays of 30 days back to back over the year; the last one is still open on 85% of beds.
  await sql`
    INSERT INTO bed_stay (bed_id, client_id, enrollment_id, during, ended_by)
    SELECT bc.bed_id, bc.client_id, e.id,
           tstzrange(${NOW}::timestamptz - make_interval(days => 30 * (${STAYS_PER_BED} - k)),
                     CASE WHEN k = ${STAYS_PER_BED} - 1 AND abs(hashtext(bc.bed_id::text)) % 100 < 85 THEN NULL
                          ELSE ${NOW}::timestamptz - make_interval(days => 30 * (${STAYS_PER_BED} - k) - 29) END),
           CASE WHEN k = ${STAYS_PER_BED} - 1 AND abs(hashtext(bc.bed_id::text)) % 100 < 85 THEN NULL
                ELSE 'check_out' END
    FROM bench_bed_client bc
    JOIN enrollment e ON e.client_id = bc.client_id
    CROSS JOIN generate_series(0, ${STAYS_PER_BED} - 1) k
  `.execute(db)
  await sql`
    INSERT INTO bed_offline (bed_id, during, reason)
    SELECT id, tstzrange(${NOW}::timestamptz - interval '1 day', ${NOW}::timestamptz + interval '5 days'), 'Repairs'
    FROM bed b WHERE abs(hashtext(b.id::text)) % 100 >= 95
      AND NOT EXISTS (SELECT 1 FROM bed_stay s WHERE s.bed_id = b.id AND upper(s.during) IS NULL)
  `.execute(db)
  await sql`
    INSERT INTO reservation (facility_id, bed_id, start_date, end_date)
    SELECT b.facility_id, b.id, '2026-01-15', '2026-01-17'
    FROM bed b WHERE abs(hashtext(b.id::text)) % 100 BETWEEN 85 AND 89
      AND NOT EXISTS (SELECT 1 FROM bed_stay s WHERE s.bed_id = b.id AND upper(s.during) IS NULL)
  `.execute(db)
  await sql`ANALYZE`.execute(db)

  const ceOrganization = await db
    .insertInto('organization')
    .values((eb) => ({ coc_id: eb.selectFrom('coc').select('id').limit(1), name: 'Bench CE' }))
    .returning(['id', 'coc_id'])
    .executeTakeFirstOrThrow()
  const user = await db
    .insertInto('app_user')
    .values({ username: 'bench.ce', display_name: 'Bench CE', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const facilityIds = (await db.selectFrom('facility').select('id').orderBy('name').execute()).map(
    (row) => row.id,
  )
  return {
    facilityIds,
    actor: {
      kind: 'user',
      userId: user.id,
      username: 'bench.ce',
      organizationId: ceOrganization.id,
      cocId: ceOrganization.coc_id,
      role: 'ce_manager',
      sessionId: null,
      apiTokenId: null,
      requestId: null,
      ip: null,
    },
  }
}

async function runEngine(engine: Engine, samples: number): Promise<EngineResult> {
  const database = await openBenchDatabase(engine, 'beds')
  try {
    const { db } = database
    const seedStarted = performance.now()
    const { actor, facilityIds } = await seed(db)
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10
    const pick = (index: number) => facilityIds[(index * 37) % facilityIds.length]!

    const availability = await time(samples, () => getAvailability({ db, actor, clock }))
    const availabilityFloor = await time(samples, () =>
      sql`
        SELECT b.facility_id, b.household_type, count(*) FILTER (WHERE s.id IS NULL)
        FROM bed b LEFT JOIN bed_stay s ON s.bed_id = b.id AND upper(s.during) IS NULL
        GROUP BY 1, 2`.execute(db),
    )
    const board = await time(samples, (index) => getFacilityBoard({ db, actor, clock, id: pick(index) }))
    const boardFloor = await time(samples, (index) =>
      sql`
        SELECT b.id, b.name, s.id, c.first_name, c.last_name
        FROM bed b
        LEFT JOIN bed_stay s ON s.bed_id = b.id AND upper(s.during) IS NULL
        LEFT JOIN client c ON c.id = s.client_id
        WHERE b.facility_id = ${pick(index)}::uuid`.execute(db),
    )
    const version = await engineLabel(engine, db)
    return { engine: version, seedSeconds, availability, availabilityFloor, board, boardFloor }
  } finally {
    await database.close()
    await database.cleanup?.()
  }
}

function renderSection(results: EngineResult[], samples: number): string {
  const tables = results.map((result) =>
    [
      `### ${result.engine} (seeded in ${result.seedSeconds} s)`,
      '',
      '| query | p50 ms | p95 ms | max ms | target p95 (PostgreSQL) |',
      '|---|---|---|---|---|',
      timingRow(
        'CoC availability summary (`getAvailability`)',
        result.availability,
        TARGET_P95_MS.availability,
      ),
      timingRow('raw SQL floor: free beds per facility and household type', result.availabilityFloor),
      timingRow(
        'facility board, 50 beds with names (`getFacilityBoard`, audited)',
        result.board,
        TARGET_P95_MS.board,
      ),
      timingRow('raw SQL floor: beds with their open stay and name', result.boardFloor),
    ].join('\n'),
  )
  return [
    SECTION_TITLE,
    '',
    `${FACILITIES * BEDS_PER_FACILITY} beds in ${FACILITIES} facilities of ${AGENCIES} agencies, ` +
      `${FACILITIES * BEDS_PER_FACILITY * STAYS_PER_BED} stays over a year (85% of beds occupied now, ~5% held, ` +
      `~5% of the empty ones offline); ${samples} timed calls each after 20 warm-up calls, in process, as a CE ` +
      'manager. `npm run bench -- beds` (set BENCH_DATABASE_URL for PostgreSQL).',
    '',
    machineLine(),
    '',
    ...tables.flatMap((table) => [table, '']),
  ].join('\n')
}

export async function main(args: string[]): Promise<void> {
  const samples = Number(benchOption(args, 'samples') ?? 200)
  const results: EngineResult[] = []
  for (const engine of benchEngines(args)) {
    const result = await runEngine(engine, samples)
    console.log(JSON.stringify(result))
    results.push(result)
  }
  const section = renderSection(results, samples)
  publishSection(args, SECTION_TITLE, section)
}
