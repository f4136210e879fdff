import { createHash } from 'node:crypto'
import {
  type ClientSearchResult,
  foldFullName,
  foldName,
  foldNameForSearch,
  type MatchAlias,
  type MatchPerson,
  type MatchResult,
  nearDobs,
  nearSsns,
  nicknameVariants,
  parseSearchText,
  readSsn,
  SEARCH_MASKED_HINT,
  scoreMatch,
} from '@threshold/core'
import {
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely'
import type { UserActor } from '../access/actor'
import { type ClientFilter, clientIdentityVisibleTo, todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

// Find Client. Candidates come from SQL, one index-driven branch per kind of evidence, each capped: both
// names typed (B-tree name keys: double metaphone, nicknames, first/last three letters; with a DOB typed the
// last name's last three letters are left out, see below), each name alone as a small unranked safety net,
// a name typed alone (trigram too), former names and aliases, near DOBs, near SSNs, last 4, Client ID.
// Ranked branches order by similarity — never `ORDER BY id LIMIT`, which tempts the planner into a
// primary-key scan — and apply the visibility filter after ranking: the key-matching rows are ranked first
// (`OFFSET 0` keeps the filter from being pushed down), then the filter runs on the best ones in order until
// the cap is reached. So a record the actor may not see is never returned, scored or counted, nor takes a
// place under a cap, yet the EXISTS over releases runs for a few dozen rows, not for every row a common name
// selects. The near-DOB branch ranks through an index of live clients' DOBs and names (migration 0053), and
// the alias branch on the alias rows alone (its best 30 when both names rank them); both then read just the
// best clients' rows. The unranked safety nets keep the filter inside (it decides which rows fill the cap).
// With a DOB typed, the both-names branch drops the last name's last three letters (`-son` alone selects a
// tenth of all clients at a million): a last name mistyped in its first three letters is still found by
// the near-DOB branch, ranked by name similarity; what is given up is such a name together with a DOB that
// is far off or unknown on the record. The few hundred candidates come back with the columns scoring needs
// and are scored in TypeScript by `scoreMatch` (core/src/matching).

export interface SearchCriteria {
  firstName?: string
  lastName?: string
  /** YYYY-MM-DD */
  dob?: string
  /** Nine digits (dashes allowed) or the last four. */
  ssn?: string
  clientNumber?: number
  /** The free-text box: names in any order, a date, an SSN, its last 4 or a Client ID. */
  q?: string
}

interface SearchDeps {
  db: Kysely<DB>
  actor: UserActor
  clock: Clock
}

/** Per-branch candidate caps: enough to rank well, small enough to score in a few milliseconds. */
const NAME_BRANCH_LIMIT = 100
/** The unranked one-name safety nets read at most this many records each. */
const ONE_NAME_BRANCH_LIMIT = 30
/** Former names and aliases when both names are typed: both rank them, so the best few are enough. */
const ALIAS_BRANCH_LIMIT = 30
/** Near-DOB candidates, exact DOB first, then by name similarity. */
const DOB_BRANCH_LIMIT = 50
const IDENTIFIER_BRANCH_LIMIT = 100
const MAX_DUPLICATE_CANDIDATES = 10

interface NamePair {
  first?: string
  last?: string
  /** Added to catch first and last names entered the wrong way round. */
  swapped: boolean
}

/** What one search looks for: the readings it scores against and the values it retrieves by. */
interface SearchPlan {
  /** Each way to read the criteria (q's two name orders, a new client's aliases); the best one counts. */
  readings: MatchPerson[]
  /** Name pairs as typed, to retrieve by, and each one swapped (aliases are searched as typed only). */
  names: NamePair[]
  dob?: string
  ssn?: string
  ssnLast4?: string
  clientNumber?: number
  /** The criteria used, by field name (for the audit trail). */
  fields: string[]
}

export async function searchClients({
  db,
  actor,
  clock,
  criteria,
  limit,
}: SearchDeps & { criteria: SearchCriteria; limit: number }): Promise<{
  results: ClientSearchResult[]
  hint?: string
}> {
  const plan = planSearch(criteria)
  const today = todayFrom(clock)
  const settings = await db
    .selectFrom('coc')
    .select('settings')
    .where('id', '=', actor.cocId)
    .executeTakeFirst()
  const results = rank(await fetchCandidates(db, plan, clientIdentityVisibleTo(actor, today)), plan).slice(
    0,
    limit,
  )
  // With the hint on, the hidden-record query runs on every search, whatever the visible results were,
  // so neither the answer's timing nor its presence says anything beyond the one sentence.
  const hint =
    settings?.settings.searchMaskedHint === true &&
    rank(await fetchCandidates(db, plan, restrictedHiddenFrom(actor, today)), plan).some(
      (result) => result.matchLevel === 'likely',
    )
  await recordAudit(db, actor, {
    action: 'client.search',
    details: {
      criteria: plan.fields,
      criteriaHash: hashCriteria(plan),
      resultIds: results.map((result) => result.id),
      ...(hint && { maskedHint: true }),
    },
  })
  return hint ? { results, hint: SEARCH_MASKED_HINT } : { results }
}

/**
 * The `likely` matches of a would-be new client among the records the actor can see (its aliases are
 * searched too): what POST /api/clients answers 409 `possible_duplicates` with.
 */
export async function findLikelyDuplicates({
  db,
  actor,
  clock,
  candidate,
}: SearchDeps & { candidate: MatchPerson }): Promise<ClientSearchResult[]> {
  const plan = planFrom(
    { dob: candidate.dob ?? null, ssn: candidate.ssn ?? null, ssnLast4: candidate.ssnLast4 ?? null },
    [candidate, ...(candidate.aliases ?? [])].map((names) => ({
      firstName: names.firstName,
      lastName: names.lastName,
      nameSuffix: candidate.nameSuffix,
    })),
  )
  const likely = hasSomethingToSearch(plan)
    ? rank(await fetchCandidates(db, plan, clientIdentityVisibleTo(actor, todayFrom(clock))), plan)
        .filter((result) => result.matchLevel === 'likely')
        .slice(0, MAX_DUPLICATE_CANDIDATES)
    : []
  await recordAudit(db, actor, {
    action: 'client.search',
    details: {
      purpose: 'duplicate_check',
      criteria: plan.fields,
      criteriaHash: hashCriteria(plan),
      resultIds: likely.map((result) => result.id),
    },
  })
  return likely
}

// ── Reading the criteria ─────────────────────────────────────────────────────────────────────────────

type TypedNames = Pick<MatchPerson, 'firstName' | 'lastName' | 'nameSuffix'>

function planSearch(criteria: SearchCriteria): SearchPlan {
  const text = criteria.q ? parseSearchText(criteria.q) : undefined
  if (text && text.problems.length > 0) {
    throw new AppError('invalid_input', `Search text: ${text.problems.join('; ')}`, {
      problems: text.problems,
    })
  }
  const typedSsn = criteria.ssn ? readSsn(criteria.ssn) : undefined
  if (typedSsn?.kind === 'invalid') throw new AppError('invalid_input', `ssn ${typedSsn.message}`)
  const plan = planFrom(
    {
      dob: criteria.dob ?? text?.dob ?? null,
      ssn: typedSsn?.kind === 'full' ? typedSsn.digits : (text?.ssn ?? null),
      ssnLast4: typedSsn?.kind === 'last4' ? typedSsn.digits : (text?.ssnLast4 ?? null),
      clientNumber: criteria.clientNumber ?? text?.clientNumber ?? null,
    },
    // Explicit name fields win over names read from the free text.
    criteria.firstName || criteria.lastName
      ? [{ firstName: criteria.firstName, lastName: criteria.lastName }]
      : (text?.names ?? []),
  )
  if (!hasSomethingToSearch(plan)) {
    throw new AppError(
      'invalid_input',
      'Nothing to search for: give a name (with at least one letter), a date of birth, an SSN or a Client ID',
    )
  }
  return plan
}

/** One plan from the identifiers and the ways to read the names; a full SSN makes its last 4 redundant. */
function planFrom(identifiers: MatchPerson, typedNames: TypedNames[]): SearchPlan {
  const ids: MatchPerson = { ...identifiers, ssnLast4: identifiers.ssn ? null : identifiers.ssnLast4 }
  const readings = typedNames
    .filter((names) => foldName(names.firstName) || foldName(names.lastName))
    .map((names) => ({ ...ids, ...names }))
  return {
    readings: readings.length > 0 ? readings : [ids],
    names: retrievalNames(readings),
    dob: ids.dob ?? undefined,
    ssn: ids.ssn ?? undefined,
    ssnLast4: ids.ssnLast4 ?? undefined,
    clientNumber: ids.clientNumber ?? undefined,
    fields: fieldsOf(ids, readings),
  }
}

const hasSomethingToSearch = (plan: SearchPlan) =>
  plan.names.length > 0 || Boolean(plan.dob || plan.ssn || plan.ssnLast4) || plan.clientNumber !== undefined

/** Each reading's names, plus the swapped order: retrieval must find "Smith John" typed for John Smith. */
function retrievalNames(readings: MatchPerson[]): NamePair[] {
  const pairs = new Map<string, NamePair>()
  const add = (first: string | null | undefined, last: string | null | undefined, swapped: boolean) => {
    const pair: NamePair = {
      ...(foldName(first) && { first: first!.trim() }),
      ...(foldName(last) && { last: last!.trim() }),
      swapped,
    }
    const key = `${foldName(pair.first)}|${foldName(pair.last)}`
    if ((pair.first || pair.last) && !(pairs.get(key)?.swapped === false)) pairs.set(key, pair)
  }
  for (const reading of readings) add(reading.firstName, reading.lastName, false)
  for (const reading of readings) {
    if (foldName(reading.firstName) && foldName(reading.lastName))
      add(reading.lastName, reading.firstName, true)
  }
  return [...pairs.values()]
}

function fieldsOf(identifiers: MatchPerson, readings: MatchPerson[]): string[] {
  return [
    readings.some((reading) => foldName(reading.firstName)) && 'firstName',
    readings.some((reading) => foldName(reading.lastName)) && 'lastName',
    identifiers.dob && 'dob',
    identifiers.ssn && 'ssn',
    identifiers.ssnLast4 && 'ssnLast4',
    identifiers.clientNumber != null && 'clientNumber',
  ].filter((field): field is string => typeof field === 'string')
}

/** A SHA-256 of the normalised criteria: lets an auditor tie repeated searches together without the values. */
function hashCriteria(plan: SearchPlan): string {
  const normalised = {
    names: plan.names.map((pair) => [foldNameForSearch(pair.first), foldNameForSearch(pair.last)]).sort(),
    dob: plan.dob ?? null,
    ssn: plan.ssn ?? null,
    ssnLast4: plan.ssnLast4 ?? null,
    clientNumber: plan.clientNumber ?? null,
  }
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex')
}

// ── Candidate retrieval ──────────────────────────────────────────────────────────────────────────────

/** Restricted (never confidential) records of the actor's CoC that the actor cannot open. */
function restrictedHiddenFrom(actor: UserActor, today: string): ClientFilter {
  const visible = clientIdentityVisibleTo(actor, today)
  return (eb) =>
    sql<SqlBool>`(client.coc_id = ${actor.cocId}::uuid AND client.restriction = 'restricted'
                  AND NOT ${visible(eb)})`
}

// Query values are normalised by the same SQL functions as the generated columns they are compared with.
const normalised = (value: string) => sql<string>`lower(f_unaccent(${value}))`
const similarTo = (column: 'first_norm' | 'last_norm', value: string, table = 'client') =>
  sql<SqlBool>`${sql.ref(`${table}.${column}`)} % ${normalised(value)}`
const similarity = (column: 'first_norm' | 'last_norm', value: string | undefined, table = 'client') =>
  value ? sql<number>`similarity(${sql.ref(`${table}.${column}`)}, ${normalised(value)})` : sql<number>`0`
/** Double-metaphone equality on either code; an empty code (no letters it can read) matches nothing. */
function soundsLike(codes: [string, string?], value: string, table = 'client') {
  const primary = sql`nullif(dmetaphone(f_unaccent(${value})), '')`
  const alternate = sql`nullif(dmetaphone_alt(f_unaccent(${value})), '')`
  const [code, alternateCode] = codes
  const matches = (column: string) => sql`${sql.ref(`${table}.${column}`)} IN (${primary}, ${alternate})`
  return alternateCode
    ? sql<SqlBool>`(${matches(code)} OR ${matches(alternateCode)})`
    : sql<SqlBool>`${matches(code)}`
}

/** What every branch returns: the columns scoring needs, so no second pass over the candidates' rows. */
const CANDIDATE_COLUMNS = [
  'client.id',
  'client.client_number',
  'client.first_name',
  'client.middle_name',
  'client.last_name',
  'client.name_suffix',
  'client.dob',
  'client.ssn',
  'client.ssn_last4',
] as const

type CandidateRow = {
  id: string
  client_number: number
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  name_suffix: string | null
  dob: string | null
  ssn: string | null
  ssn_last4: string | null
}
type Candidate = CandidateRow & { aliases: MatchAlias[] }
type IdQuery = SelectQueryBuilder<DB, 'client' | 'client_alias', CandidateRow>
// biome-ignore lint/complexity/noBannedTypes: a query before its select list
type RankQuery = SelectQueryBuilder<DB, 'client' | 'client_alias', {}>
/** What the visibility filter reads, carried out of a ranked branch's subquery (see `ranked`). */
const VISIBILITY_COLUMNS = ['client.coc_id', 'client.owner_organization_id', 'client.restriction'] as const

/**
 * A name as typed, through B-tree indexes only: sounding alike (either double-metaphone code), or sharing its
 * first three letters, or (unless `narrow`) its last three (one typo leaves one of them intact in a name of
 * six letters or more, and one surname of a double one keeps its beginning or its end); for a first name
 * also equal or a nickname (one hop). Cheap for any name, however common — unlike a trigram match, whose
 * GIN posting lists for the trigrams of "Michael" or "Williams" hold a few percent of all clients
 * (migration 0044).
 */
function nameKeys(column: 'first' | 'last', value: string, narrow = false) {
  const norm = sql.ref(`client.${column}_norm`)
  const typed = normalised(value)
  return sql<SqlBool>`(${soundsLike([`${column}_dm`, `${column}_dm_alt`], value)}
    OR left(${norm}, 3) = left(${typed}, 3)
    ${narrow ? sql`` : sql`OR right(${norm}, 3) = right(${typed}, 3)`}
    ${column === 'first' ? sql`OR ${norm} = ANY(${nicknameVariants(value)}::text[])` : sql``})`
}
/** …or trigram-similar: for a search by one name alone, ranked by it. */
const nameMatches = (column: 'first' | 'last', value: string) =>
  sql<SqlBool>`(${similarTo(`${column}_norm`, value)} OR ${nameKeys(column, value)})`

function candidateBranches(db: Kysely<DB>, plan: SearchPlan, filter: ClientFilter): IdQuery[] {
  const live = () =>
    db
      .selectFrom('client')
      .select(CANDIDATE_COLUMNS)
      .where(filter)
      .where('client.merged_into_client_id', 'is', null) as unknown as IdQuery
  /**
   * The `limit` best records by `rank` among those `where` selects, of those the actor may see. The
   * visibility filter runs after the ranking, on the best records in order until `limit` of them are
   * visible: the same records as filtering first, without an EXISTS over releases for every row the name
   * keys or DOBs select (most of a ranked branch's cost on PostgreSQL). `OFFSET 0` keeps the planner from
   * pushing the filter down again.
   */
  const ranked = (
    where: (query: RankQuery) => RankQuery,
    rank: RawBuilder<number>,
    limit: number,
  ): IdQuery => {
    const inner = where(db.selectFrom('client') as unknown as RankQuery)
      .select([...CANDIDATE_COLUMNS, ...VISIBILITY_COLUMNS])
      .select(rank.as('rank'))
      .where('client.merged_into_client_id', 'is', null)
      .orderBy('rank', 'desc')
      .offset(0)
    return db
      .selectFrom(inner.as('client'))
      .select(CANDIDATE_COLUMNS.map((column) => sql.ref<string>(column).as(column.slice('client.'.length))))
      .where((eb) => filter(eb as unknown as ExpressionBuilder<DB, 'client'>))
      .orderBy(sql.ref('client.rank'), 'desc')
      .limit(limit) as unknown as IdQuery
  }
  /** The same for ids ranked without reading client rows: their rows are read best first, until `limit`. */
  const rankedIds = (ids: SelectQueryBuilder<DB, keyof DB, { id: string; rank: number }>, limit: number) =>
    db
      .selectFrom(ids.orderBy('rank', 'desc').offset(0).as('ranked'))
      .innerJoin('client', 'client.id', 'ranked.id')
      .select(CANDIDATE_COLUMNS)
      .where((eb) => filter(eb as unknown as ExpressionBuilder<DB, 'client'>))
      .where('client.merged_into_client_id', 'is', null)
      .orderBy('ranked.rank', 'desc')
      .limit(limit) as unknown as IdQuery
  const byNames = (first: string | undefined, last: string | undefined) =>
    sql<number>`${similarity('first_norm', first)} + ${similarity('last_norm', last)}`
  const anyNames = plan.names[0]
  const branches: IdQuery[] = []

  for (const { first, last, swapped } of plan.names) {
    if (first && last) {
      // Both names typed: the records where both agree, ranked. Each name alone would rank every Smith or
      // every Michael; the near-DOB branch below finds the record whose other name is far off. With a DOB
      // typed, the last name's keys are narrow (no last three letters: see the top of the file).
      branches.push(
        ranked(
          (query) => query.where(nameKeys('last', last, Boolean(plan.dob))).where(nameKeys('first', first)),
          byNames(first, last),
          NAME_BRANCH_LIMIT,
        ),
      )
      // Safety nets for a name badly wrong and no usable DOB: one name alone (narrow keys), capped and
      // unranked (a bounded read, whatever the name's frequency). They find the record when its name is
      // rare enough to be among the first few holders; for a common name one name can't single anyone out.
      // The swapped pair's nets find a name typed in the other box ("Pascoe" as the first name).
      branches.push(
        live()
          .where(nameKeys('first', first, true))
          .limit(ONE_NAME_BRANCH_LIMIT),
        live()
          .where(nameKeys('last', last, true))
          .limit(ONE_NAME_BRANCH_LIMIT),
      )
    } else if (last) {
      branches.push(
        ranked((query) => query.where(nameMatches('last', last)), byNames(first, last), NAME_BRANCH_LIMIT),
      )
    } else if (first) {
      branches.push(
        ranked((query) => query.where(nameMatches('first', first)), byNames(first, last), NAME_BRANCH_LIMIT),
      )
    }
    if (last && !swapped) {
      // Former names and aliases, ranked on the alias rows alone; their clients are read best first.
      branches.push(
        rankedIds(
          db
            .selectFrom('client_alias')
            .select([
              'client_alias.client_id as id',
              sql<number>`${similarity('last_norm', last, 'client_alias')} + ${similarity('first_norm', first, 'client_alias')}`.as(
                'rank',
              ),
            ])
            .where((eb) =>
              eb.or([
                similarTo('last_norm', last, 'client_alias'),
                soundsLike(['last_dm'], last, 'client_alias'),
              ]),
            ),
          first ? ALIAS_BRANCH_LIMIT : NAME_BRANCH_LIMIT,
        ),
      )
    }
  }

  // Identifier branches rank an exact identifier first, then by name similarity.
  const namesSimilarity = anyNames ? byNames(anyNames.first, anyNames.last) : sql<number>`0`
  const rankBy = (exact: RawBuilder<SqlBool>) => sql<number>`(${exact})::int + ${namesSimilarity}`
  if (plan.dob) {
    // Ranked on the index of live clients' DOBs and names (migration 0053): no client row read to rank.
    branches.push(
      rankedIds(
        db
          .selectFrom('client')
          .select(['client.id', rankBy(sql`client.dob = ${plan.dob}::date`).as('rank')])
          .where(sql<SqlBool>`client.dob = ANY(${nearDobs(plan.dob)}::date[])`)
          .where('client.merged_into_client_id', 'is', null),
        DOB_BRANCH_LIMIT,
      ),
    )
  }
  if (plan.ssn) {
    const ssn = plan.ssn
    branches.push(
      ranked(
        (query) => query.where(sql<SqlBool>`client.ssn = ANY(${nearSsns(ssn)}::text[])`),
        rankBy(sql`client.ssn = ${ssn}`),
        IDENTIFIER_BRANCH_LIMIT,
      ),
    )
  }
  const last4 = plan.ssn?.slice(5) ?? plan.ssnLast4
  if (last4) {
    branches.push(
      ranked(
        (query) => query.where('client.ssn_last4', '=', last4),
        rankBy(plan.dob ? sql`client.dob = ${plan.dob}::date` : sql`false`),
        IDENTIFIER_BRANCH_LIMIT,
      ),
    )
  }
  if (plan.clientNumber !== undefined) {
    branches.push(live().where(sql<SqlBool>`client.client_number = ${plan.clientNumber}::bigint`))
  }
  return branches
}

/** The candidates of every branch, each once, with their aliases (scoring reads those too). */
async function fetchCandidates(db: Kysely<DB>, plan: SearchPlan, filter: ClientFilter): Promise<Candidate[]> {
  const branches = candidateBranches(db, plan, filter).map((branch, index) =>
    db.selectFrom(branch.as(`b${index}`)).selectAll(),
  )
  const [first, ...rest] = branches
  if (!first) return []
  const rows = await rest.reduce((union, branch) => union.union(branch), first).execute()
  const aliases = new Map<string, MatchAlias[]>(rows.map((row) => [row.id, []]))
  if (rows.length > 0) {
    const aliasRows = await db
      .selectFrom('client_alias')
      .select(['client_id', 'kind', 'first_name', 'last_name'])
      .where(sql<SqlBool>`client_id = ANY(${[...aliases.keys()]}::uuid[])`)
      .execute()
    for (const alias of aliasRows) {
      aliases.get(alias.client_id)?.push({
        kind: alias.kind,
        firstName: alias.first_name,
        lastName: alias.last_name,
      })
    }
  }
  return rows.map((row) => ({ ...row, aliases: aliases.get(row.id) ?? [] }))
}

// ── Scoring ──────────────────────────────────────────────────────────────────────────────────────────

const LEVEL_RANK = { likely: 2, possible: 1 } as const
const levelRank = (result: MatchResult) => (result.matchLevel ? LEVEL_RANK[result.matchLevel] : 0)

/**
 * Among equal scores, how many of first name, last name, DOB and SSN are unknown both in the search and on
 * the record. Missing data follows people (a client who does not know or will not give a DOB or SSN at one
 * intake rarely does at the next), so a record with the same gaps comes first; it never changes a score.
 */
function sharedGaps(query: MatchPerson, candidate: MatchPerson): number {
  const gap = (value: string | null | undefined) => !foldFullName(value).whole
  const unknownSsn = (person: MatchPerson) => !person.ssn && !person.ssnLast4
  return (
    Number(gap(query.firstName) && gap(candidate.firstName)) +
    Number(gap(query.lastName) && gap(candidate.lastName)) +
    Number(!query.dob && !candidate.dob) +
    Number(unknownSsn(query) && unknownSsn(candidate))
  )
}

/** Scores every candidate against every reading of the search (best reading wins) and sorts them. */
function rank(rows: Candidate[], plan: SearchPlan): ClientSearchResult[] {
  return rows
    .map((row) => {
      const candidate: MatchPerson = {
        clientNumber: row.client_number,
        firstName: row.first_name,
        middleName: row.middle_name,
        lastName: row.last_name,
        nameSuffix: row.name_suffix,
        dob: row.dob,
        ssn: row.ssn,
        ssnLast4: row.ssn_last4,
        aliases: row.aliases,
      }
      let best: MatchResult | undefined
      let bestReading = plan.readings[0]!
      for (const reading of plan.readings) {
        const result = scoreMatch(reading, candidate)
        if (
          !best ||
          result.score > best.score ||
          (result.score === best.score && levelRank(result) > levelRank(best))
        ) {
          best = result
          bestReading = reading
        }
      }
      return { row, match: best!, sharedGaps: sharedGaps(bestReading, candidate) }
    })
    .filter(({ match }) => match.score > 0)
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        levelRank(b.match) - levelRank(a.match) ||
        b.sharedGaps - a.sharedGaps ||
        a.row.client_number - b.row.client_number,
    )
    .map(({ row, match }) => ({
      id: row.id,
      clientNumber: row.client_number,
      firstName: row.first_name,
      lastName: row.last_name,
      dob: row.dob,
      ssnLast4: row.ssn_last4 ?? row.ssn?.slice(5) ?? null,
      score: match.score,
      matchLevel: match.matchLevel,
      reasons: match.reasons,
    }))
}
