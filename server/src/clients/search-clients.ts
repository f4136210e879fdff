import { createHash } from 'node:crypto'
import {
  type ClientSearchResult,
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
import { type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { UserActor } from '../access/actor'
import { type ClientFilter, clientIdentityVisibleTo, todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

// Find Client. Candidates come from SQL, one index-driven branch per kind of evidence (trigram and
// double-metaphone names, nickname expansions, near DOBs, near SSNs, last 4, Client ID), each capped and
// ordered by similarity — never `ORDER BY id LIMIT`, which tempts the planner into a primary-key scan.
// Every branch carries the visibility filter, so a record the actor may not see is never fetched, scored
// or counted. The few hundred candidates are then scored in TypeScript by `scoreMatch` (core/src/matching).

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
  /** Name pairs as typed, to retrieve by; a reading's swapped order is searched more narrowly. */
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

type IdQuery = SelectQueryBuilder<DB, 'client' | 'client_alias', { id: string }>

function candidateBranches(db: Kysely<DB>, plan: SearchPlan, filter: ClientFilter): IdQuery[] {
  const live = () =>
    db
      .selectFrom('client')
      .select('client.id')
      .where(filter)
      .where('client.merged_into_client_id', 'is', null) as unknown as IdQuery
  const byNames = (first: string | undefined, last: string | undefined) =>
    sql<number>`${similarity('first_norm', first)} + ${similarity('last_norm', last)}`
  const anyNames = plan.names[0]
  const branches: IdQuery[] = []

  for (const { first, last, swapped } of plan.names) {
    if (last) {
      branches.push(
        live()
          .where(similarTo('last_norm', last))
          .orderBy(byNames(first, last), 'desc')
          .limit(NAME_BRANCH_LIMIT),
      )
    }
    if (last && !swapped) {
      branches.push(
        live()
          .where(soundsLike(['last_dm', 'last_dm_alt'], last))
          .orderBy(byNames(first, last), 'desc')
          .limit(NAME_BRANCH_LIMIT),
        db
          .selectFrom('client_alias')
          .innerJoin('client', 'client.id', 'client_alias.client_id')
          .select('client.id')
          .where(filter)
          .where('client.merged_into_client_id', 'is', null)
          .where((eb) =>
            eb.or([
              similarTo('last_norm', last, 'client_alias'),
              soundsLike(['last_dm'], last, 'client_alias'),
            ]),
          )
          .orderBy(
            sql`${similarity('last_norm', last, 'client_alias')} + ${similarity('first_norm', first, 'client_alias')}`,
            'desc',
          )
          .limit(NAME_BRANCH_LIMIT) as unknown as IdQuery,
      )
    }
    if (first) {
      const nicknames = nicknameVariants(first)
      const firstMatches = sql<SqlBool>`(${similarTo('first_norm', first)} OR ${soundsLike(['first_dm', 'first_dm_alt'], first)}
        OR client.first_norm = ANY(${nicknames}::text[]))`
      // By first name, ranked by both names: finds a badly misspelt last name. A swapped pair only needs
      // the records where both names are similar.
      const byFirst = live().where(firstMatches)
      branches.push(
        (swapped && last ? byFirst.where(similarTo('last_norm', last)) : byFirst)
          .orderBy(byNames(first, last), 'desc')
          .limit(NAME_BRANCH_LIMIT),
      )
    }
  }

  // Identifier branches rank an exact identifier first, then by name similarity.
  const namesSimilarity = anyNames ? byNames(anyNames.first, anyNames.last) : sql<number>`0`
  const rankBy = (exact: RawBuilder<SqlBool>) => sql<number>`(${exact})::int + ${namesSimilarity}`
  if (plan.dob) {
    branches.push(
      live()
        .where(sql<SqlBool>`client.dob = ANY(${nearDobs(plan.dob)}::date[])`)
        .orderBy(rankBy(sql`client.dob = ${plan.dob}::date`), 'desc')
        .limit(IDENTIFIER_BRANCH_LIMIT),
    )
  }
  if (plan.ssn) {
    branches.push(
      live()
        .where(sql<SqlBool>`client.ssn = ANY(${nearSsns(plan.ssn)}::text[])`)
        .orderBy(rankBy(sql`client.ssn = ${plan.ssn}`), 'desc')
        .limit(IDENTIFIER_BRANCH_LIMIT),
    )
  }
  const last4 = plan.ssn?.slice(5) ?? plan.ssnLast4
  if (last4) {
    branches.push(
      live()
        .where('client.ssn_last4', '=', last4)
        .orderBy(rankBy(plan.dob ? sql`client.dob = ${plan.dob}::date` : sql`false`), 'desc')
        .limit(IDENTIFIER_BRANCH_LIMIT),
    )
  }
  if (plan.clientNumber !== undefined) {
    branches.push(live().where(sql<SqlBool>`client.client_number = ${plan.clientNumber}::bigint`))
  }
  return branches
}

interface CandidateRow {
  id: string
  client_number: number
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  name_suffix: string | null
  dob: string | null
  ssn: string | null
  ssn_last4: string | null
  aliases: MatchAlias[]
}

async function fetchCandidates(
  db: Kysely<DB>,
  plan: SearchPlan,
  filter: ClientFilter,
): Promise<CandidateRow[]> {
  const branches = candidateBranches(db, plan, filter).map((branch, index) =>
    db.selectFrom(branch.as(`b${index}`)).select(`b${index}.id` as 'id'),
  )
  const [first, ...rest] = branches
  if (!first) return []
  const ids = rest.reduce((union, branch) => union.union(branch), first)
  return db
    .selectFrom('client')
    .select([
      'client.id',
      'client.client_number',
      'client.first_name',
      'client.middle_name',
      'client.last_name',
      'client.name_suffix',
      'client.dob',
      'client.ssn',
      'client.ssn_last4',
      sql<MatchAlias[]>`coalesce((
        SELECT json_agg(json_build_object('kind', a.kind, 'firstName', a.first_name, 'lastName', a.last_name))
        FROM client_alias AS a WHERE a.client_id = client.id), '[]'::json)`.as('aliases'),
    ])
    .where('client.id', 'in', ids)
    .execute()
}

// ── Scoring ──────────────────────────────────────────────────────────────────────────────────────────

const LEVEL_RANK = { likely: 2, possible: 1 } as const
const levelRank = (result: MatchResult) => (result.matchLevel ? LEVEL_RANK[result.matchLevel] : 0)

/** Scores every candidate against every reading of the search (best reading wins) and sorts them. */
function rank(rows: CandidateRow[], plan: SearchPlan): ClientSearchResult[] {
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
      for (const reading of plan.readings) {
        const result = scoreMatch(reading, candidate)
        if (
          !best ||
          result.score > best.score ||
          (result.score === best.score && levelRank(result) > levelRank(best))
        )
          best = result
      }
      return { row, match: best! }
    })
    .filter(({ match }) => match.score > 0)
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        levelRank(b.match) - levelRank(a.match) ||
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
