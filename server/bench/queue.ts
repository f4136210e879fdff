// Housing Queue speed.
//
//   npm run bench -- queue [--households=N] [--samples=N] [--engines=pglite,postgres] [--no-write]
//
// 50,000 households (by default) on one CoC's queue across two CE projects, each with a CE enrollment, a
// scored CE assessment and the queue facts of a real placement (score, chronic, veteran, household type, days
// homeless, documents), in every queue status; on in-memory PGlite and, when BENCH_DATABASE_URL is set, in a
// scratch PostgreSQL database dropped afterwards. After ANALYZE it times, as a CE manager, the first page of
// the ranked queue with two filters through the use case (`listQueue`: queue-wide ranks, explanations, name
// masking, audited), beside the raw SQL floor: the same filtered page in the same stored order, without the
// queue-wide ranks, names, explanations or audit. Results go to docs/benchmarks.md, section "Housing Queue".

import { type QueueQuery, QueueQuery as QueueQuerySchema } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { UserActor } from '../src/access/actor'
import type { DB } from '../src/db/schema'
import { listQueue } from '../src/queue/list-queue'
import { syncRankKeys } from '../src/queue/queue-order'
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

const SECTION_TITLE = '## Housing Queue'
const NOW = new Date('2026-02-01T15:00:00Z')
const clock = { now: () => NOW }
const TARGET_P95_MS = 100

interface Scenario {
  label: string
  query: string
}
interface EngineResult {
  engine: string
  seedSeconds: number
  timings: { label: string; page: Timing; floor: Timing; rows: number }[]
}

/** First pages a case conference opens: two filters each, ranked by the CoC's default order. */
const SCENARIOS: Scenario[] = [
  { label: 'chronic + adults only', query: 'chronic=yes&householdType=adults_only' },
  { label: 'one CE project + veteran', query: 'veteran=yes&projectId=:north' },
  { label: 'documents complete + stale CLS', query: 'documentation=complete&staleCls=true' },
]

/** CoC, agencies, CE projects, clients, CE enrollments, assessments and their queue entries. */
async function seed(db: Kysely<DB>, households: number): Promise<{ actor: UserActor; northId: string }> {
  await sql`
    WITH coc AS (INSERT INTO coc (code, name) VALUES ('XX-501', 'Bench CoC') RETURNING id)
    INSERT INTO organization (coc_id, name) SELECT coc.id, 'Agency ' || g FROM coc, generate_series(1, 6) g
  `.execute(db)
  await sql`
    INSERT INTO project (organization_id, coc_id, name, project_type, operating_start_date)
    SELECT o.id, o.coc_id, p.name, 14, '2020-01-01'
    FROM (SELECT * FROM organization ORDER BY name LIMIT 1) o
    CROSS JOIN (VALUES ('North CE'), ('South CE')) AS p(name)
  `.execute(db)
  await sql`
    INSERT INTO app_user (username, display_name, password_hash)
    SELECT 'worker' || g, 'Worker ' || g, 'x' FROM generate_series(1, 40) g
  `.execute(db)
  // Everything per household comes from its number g (hashes of g make the spread reproducible).
  await sql`
    CREATE TEMP TABLE bench_household AS
    SELECT g, gen_random_uuid() AS client_id, gen_random_uuid() AS household_id, gen_random_uuid() AS enrollment_id,
           (SELECT id FROM project WHERE name = CASE WHEN g % 2 = 0 THEN 'North CE' ELSE 'South CE' END) AS project_id,
           (SELECT id FROM organization ORDER BY name OFFSET g % 6 LIMIT 1) AS organization_id,
           (abs(hashtext('s' || g)) % 18) AS score,
           (abs(hashtext('c' || g)) % 100) < 35 AS chronic,
           (abs(hashtext('v' || g)) % 100) < 12 AS veteran,
           ('2025-01-01'::date + (g % 390)) AS entry_date,
           (abs(hashtext('r' || g)) % 100) AS restriction_roll,
           (abs(hashtext('st' || g)) % 100) AS status_roll
    FROM generate_series(1, ${households}) g
  `.execute(db)
  await sql`
    INSERT INTO client (id, coc_id, owner_organization_id, restriction, first_name, last_name, dob, veteran_status,
                        name_data_quality, ssn_data_quality, dob_data_quality)
    SELECT h.client_id, o.coc_id, h.organization_id,
           CASE WHEN h.restriction_roll < 3 THEN 'confidential' WHEN h.restriction_roll < 10 THEN 'restricted' ELSE 'open' END,
           'Person', 'Household ' || h.g, '1960-01-01'::date + (h.g % 15000), CASE WHEN h.veteran THEN 1 ELSE 0 END,
           1, 99, 1
    FROM bench_household h JOIN organization o ON o.id = h.organization_id
  `.execute(db)
  await sql`
    INSERT INTO enrollment_household (id, project_id, coc_id, owner_organization_id)
    SELECT h.household_id, h.project_id, o.coc_id, h.organization_id
    FROM bench_household h JOIN organization o ON o.id = h.organization_id
  `.execute(db)
  await sql`
    INSERT INTO enrollment (id, enrollment_household_id, client_id, project_id, relationship_to_hoh, entry_date,
                            disabling_condition, living_situation, date_to_street_essh, owner_organization_id)
    SELECT h.enrollment_id, h.household_id, h.client_id, h.project_id, 1, h.entry_date,
           CASE WHEN h.chronic THEN 1 ELSE 0 END, 116, h.entry_date - (30 + h.g % 700), h.organization_id
    FROM bench_household h
  `.execute(db)
  await sql`
    INSERT INTO ce_assessment (enrollment_id, assessment_date, assessment_location_project_id, assessment_type,
                               assessment_level, prioritization_status, score, owner_organization_id)
    SELECT h.enrollment_id, h.entry_date, h.project_id, 3, 2, 1, h.score, h.organization_id FROM bench_household h
  `.execute(db)
  await sql`
    INSERT INTO queue_entry (coc_id, ce_project_id, enrollment_household_id, owner_organization_id, status,
      inactive_since, status_changed_at, placed_at, ce_start_date, assessment_id, assessment_date, score, chronic,
      veteran, youth, fleeing_dv, household_type, household_size, days_homeless, last_cls_date,
      disability_verified, documents_complete_for, missing_documents, assigned_user_id, facts_as_of)
    SELECT o.coc_id, h.project_id, h.household_id, h.organization_id, s.status,
           CASE WHEN s.status = 'inactive' THEN '2026-01-20'::date END, ${NOW}, ${NOW}, h.entry_date, a.id,
           h.entry_date, h.score, CASE WHEN h.chronic THEN 'yes' ELSE 'no' END,
           CASE WHEN h.veteran THEN 'yes' ELSE 'no' END, 'no', CASE WHEN h.g % 17 = 0 THEN 'yes' ELSE 'no' END,
           CASE WHEN h.g % 5 = 0 THEN 'adults_and_children' ELSE 'adults_only' END, 1 + (h.g % 5 = 0)::int * 2,
           least(1095, 30 + h.g % 700), '2026-02-01'::date - (h.g % 200),
           h.g % 3 = 0, CASE WHEN h.g % 3 = 0 THEN '{psh,rrh}'::text[] WHEN h.g % 3 = 1 THEN '{rrh}' ELSE '{}' END,
           '{}', (SELECT id FROM app_user ORDER BY username OFFSET h.g % 40 LIMIT 1), '2026-02-01'
    FROM bench_household h
    JOIN organization o ON o.id = h.organization_id
    JOIN ce_assessment a ON a.enrollment_id = h.enrollment_id
    CROSS JOIN LATERAL (SELECT CASE
      WHEN h.status_roll < 30 THEN 'pending_review' WHEN h.status_roll < 45 THEN 'incomplete_documentation'
      WHEN h.status_roll < 80 THEN 'ready' WHEN h.status_roll < 85 THEN 'referred'
      WHEN h.status_roll < 90 THEN 'inactive' WHEN h.status_roll < 95 THEN 'housed' ELSE 'exited' END AS status) s
  `.execute(db)
  const { id: cocId } = await db.selectFrom('coc').select('id').executeTakeFirstOrThrow()
  await syncRankKeys(db, cocId, null)
  await sql`ANALYZE`.execute(db)

  const ce = await db
    .selectFrom('organization')
    .select(['id', 'coc_id'])
    .orderBy('name')
    .limit(1)
    .executeTakeFirstOrThrow()
  const user = await db
    .insertInto('app_user')
    .values({ username: 'bench.ce', display_name: 'Bench CE', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const north = await db
    .selectFrom('project')
    .select('id')
    .where('name', '=', 'North CE')
    .executeTakeFirstOrThrow()
  return {
    northId: north.id,
    actor: {
      kind: 'user',
      userId: user.id,
      username: 'bench.ce',
      organizationId: ce.id,
      cocId: ce.coc_id,
      role: 'ce_manager',
      sessionId: null,
      apiTokenId: null,
      requestId: null,
      ip: null,
    },
  }
}

/** The plainest SQL returning the same filtered page in the same order (no ranks, names, explanation or audit). */
function floorQuery(db: Kysely<DB>, cocId: string, query: QueueQuery) {
  const conditions = [
    sql`k.coc_id = ${cocId}::uuid`,
    sql`k.program_type = 'all'`,
    sql`qe.status IN ('pending_review', 'incomplete_documentation', 'ready', 'referred', 'inactive')`,
  ]
  if (query.chronic) conditions.push(sql`qe.chronic = ${query.chronic}`)
  if (query.householdType) conditions.push(sql`qe.household_type = ${query.householdType}`)
  if (query.veteran) conditions.push(sql`qe.veteran = ${query.veteran}`)
  if (query.projectId) conditions.push(sql`qe.ce_project_id = ${query.projectId}::uuid`)
  if (query.documentation) conditions.push(sql`cardinality(qe.documents_complete_for) > 0`)
  if (query.staleCls)
    conditions.push(sql`(qe.last_cls_date IS NULL OR qe.last_cls_date < '2025-11-03'::date)`)
  return sql`SELECT qe.id, qe.score, qe.chronic, qe.days_homeless, qe.ce_start_date
             FROM queue_rank_key k JOIN queue_entry qe ON qe.id = k.queue_entry_id
             WHERE ${sql.join(conditions, sql` AND `)}
             ORDER BY k.sort_key LIMIT ${query.limit}`.execute(db)
}

async function runEngine(engine: Engine, households: number, samples: number): Promise<EngineResult> {
  const database = await openBenchDatabase(engine, 'queue')
  try {
    const { db } = database
    const seedStarted = performance.now()
    const { actor, northId } = await seed(db, households)
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10
    const timings: EngineResult['timings'] = []
    for (const scenario of SCENARIOS) {
      const params = Object.fromEntries(new URLSearchParams(scenario.query.replace(':north', northId)))
      const query = QueueQuerySchema.parse({ ...params, limit: '50' })
      let rows = 0
      const page = await time(
        samples,
        async () => {
          rows = (await listQueue({ db, actor, clock }, query)).rows.length
        },
        10,
      )
      const floor = await time(samples, () => floorQuery(db, actor.cocId, query), 10)
      timings.push({ label: scenario.label, page, floor, rows })
    }
    const version = await engineLabel(engine, db)
    return { engine: version, seedSeconds, timings }
  } finally {
    await database.close()
    await database.cleanup?.()
  }
}

function renderSection(results: EngineResult[], households: number, samples: number): string {
  const tables = results.map((result) =>
    [
      `### ${result.engine} (seeded in ${result.seedSeconds} s)`,
      '',
      '| first page of 50 | p50 ms | p95 ms | max ms | target p95 (PostgreSQL) |',
      '|---|---|---|---|---|',
      ...result.timings.flatMap((timing) => [
        timingRow(
          `\`listQueue\`: ${timing.label} (${timing.rows} rows, ranked, explained, audited)`,
          timing.page,
          TARGET_P95_MS,
        ),
        timingRow(`raw SQL floor: ${timing.label}, same page, no ranks/names/audit`, timing.floor),
      ]),
    ].join('\n'),
  )
  return [
    SECTION_TITLE,
    '',
    `${households.toLocaleString('en-US')} queued households on one CoC's queue (two CE projects), each with a ` +
      'CE enrollment and a scored CE assessment, ~80% in ranked statuses; the default ranking (score → chronic ' +
      `→ days homeless → CE start → tie-break); ${samples} timed calls each after 10 warm-up calls, in process, ` +
      'as a CE manager. `npm run bench -- queue` (set BENCH_DATABASE_URL for PostgreSQL).',
    '',
    machineLine(),
    '',
    ...tables.flatMap((table) => [table, '']),
  ].join('\n')
}

export async function main(args: string[]): Promise<void> {
  const households = Number(benchOption(args, 'households') ?? 50_000)
  const samples = Number(benchOption(args, 'samples') ?? 100)
  const results: EngineResult[] = []
  for (const engine of benchEngines(args)) {
    const result = await runEngine(engine, households, samples)
    console.log(JSON.stringify(result))
    results.push(result)
  }
  const section = renderSection(results, households, samples)
  publishSection(args, SECTION_TITLE, section)
}
