import { compareDob, type DobComparison } from './dob'
import { compareNames, type FoldedName, foldFullName, type NameComparison, strongerName } from './names'
import { compareSsn, type SsnComparison } from './ssn'
import { parseSuffix, splitTrailingSuffix, suffixesConflict } from './suffix'

// scoreMatch: how well a client record matches what a caseworker typed (or a would-be new client), as a
// score in [0, 1], a level ('likely' / 'possible' / none) and the reasons in words a caseworker uses.
//
// The rules are tables, in the manner of Medplum's CMS patient-match rules: each field comparison adds its
// weight; the score is the sum divided by what a perfect match on the fields searched would earn. Whether
// a match is `likely` is decided by explicit combination rules, never by the score alone, and a few
// contradictions (Jr against Sr, twins, different SSNs) rule `likely` out whatever the score.

export interface MatchAlias {
  kind: 'former_name' | 'alias'
  firstName?: string | null
  lastName?: string | null
}

/** A searched person or a stored client; every field optional. DOB as YYYY-MM-DD, SSN as nine digits. */
export interface MatchPerson {
  /** The Client ID: typed into a search, it picks out one record. */
  clientNumber?: number | null
  firstName?: string | null
  middleName?: string | null
  lastName?: string | null
  nameSuffix?: string | null
  dob?: string | null
  ssn?: string | null
  ssnLast4?: string | null
  aliases?: readonly MatchAlias[]
}

export type FirstNameComparison = NameComparison | 'middleName'
export type ClientNumberComparison = 'exact' | 'different' | 'missing'
export type MatchLevel = 'likely' | 'possible'

/** What each field comparison found; the input of the rules below. */
export interface FieldComparisons {
  firstName: FirstNameComparison
  lastName: NameComparison
  dob: DobComparison
  ssn: SsnComparison
  clientNumber: ClientNumberComparison
  namesSwapped: boolean
  /** The names matched a former name or alias rather than the current name. */
  matchedAlias: MatchAlias['kind'] | null
  suffixConflict: boolean
}

interface FieldRule {
  weight: number
  reason: string
}

// ── Field comparisons → weight ────────────────────────────────────────────────────────────────────────
// The first row of each table is the most a field can add.

export const LAST_NAME_RULES: Partial<Record<NameComparison, FieldRule>> = {
  exact: { weight: 0.3, reason: 'last name matches' },
  onePart: { weight: 0.26, reason: 'last name matches one of the surnames' },
  oneLetterOff: { weight: 0.24, reason: 'last name differs by one letter' },
  soundsLike: { weight: 0.22, reason: 'last name sounds like' },
  similar: { weight: 0.16, reason: 'last name spelled similarly' },
  different: { weight: -0.04, reason: 'last name differs' },
}

export const FIRST_NAME_RULES: Partial<Record<FirstNameComparison, FieldRule>> = {
  exact: { weight: 0.25, reason: 'first name matches' },
  nickname: { weight: 0.22, reason: 'first name is a nickname or formal form of the name searched' },
  onePart: { weight: 0.21, reason: 'first name matches one of the given names' },
  oneLetterOff: { weight: 0.2, reason: 'first name differs by one letter' },
  soundsLike: { weight: 0.18, reason: 'first name sounds like' },
  middleName: { weight: 0.16, reason: 'first name matches the middle name' },
  similar: { weight: 0.13, reason: 'first name spelled similarly' },
  initial: { weight: 0.06, reason: 'first initial matches' },
  different: { weight: -0.04, reason: 'first name differs' },
}

export const DOB_RULES: Partial<Record<DobComparison, FieldRule>> = {
  exact: { weight: 0.25, reason: 'DOB matches' },
  dayMonthSwapped: { weight: 0.19, reason: 'DOB day and month swapped' },
  oneDigitOff: { weight: 0.17, reason: 'DOB one digit off' },
  digitsTransposed: { weight: 0.17, reason: 'DOB two digits transposed' },
  yearOffByOne: { weight: 0.15, reason: 'DOB year off by one' },
  different: { weight: -0.1, reason: 'DOB differs' },
}

export const SSN_RULES: Partial<Record<SsnComparison, FieldRule>> = {
  exact: { weight: 0.4, reason: 'SSN matches' },
  oneDigitOff: { weight: 0.28, reason: 'SSN one digit off' },
  digitsTransposed: { weight: 0.28, reason: 'SSN two digits transposed' },
  last4: { weight: 0.14, reason: 'SSN last 4 match' },
  different: { weight: -0.2, reason: 'SSN differs' },
}

/** A typed Client ID outweighs everything else: it names one record. */
export const CLIENT_NUMBER_RULES: Partial<Record<ClientNumberComparison, FieldRule>> = {
  exact: { weight: 1, reason: 'Client ID matches' },
}

/** Most a query with only the last 4 of an SSN can earn on that field. */
const SSN_LAST4_ONLY_MAX = SSN_RULES.last4!.weight

export const OTHER_RULES = {
  namesSwapped: { weight: -0.02, reason: 'first and last names swapped' },
  former_name: { weight: 0, reason: 'matches a former name' },
  alias: { weight: 0, reason: 'matches an alias' },
  suffixConflict: { weight: -0.1, reason: 'generational suffix differs (e.g. Jr and Sr)' },
} as const

// ── Combination rules for `likely` ────────────────────────────────────────────────────────────────────

const CLOSE_LAST: readonly NameComparison[] = ['exact', 'onePart', 'oneLetterOff', 'soundsLike']
const CLOSE_FIRST: readonly FirstNameComparison[] = [
  'exact',
  'nickname',
  'onePart',
  'oneLetterOff',
  'soundsLike',
  'middleName',
]
const NEAR_DOB: readonly DobComparison[] = [
  'exact',
  'dayMonthSwapped',
  'oneDigitOff',
  'digitsTransposed',
  'yearOffByOne',
]

const lastIsClose = (f: FieldComparisons) => CLOSE_LAST.includes(f.lastName)
const firstIsClose = (f: FieldComparisons) => CLOSE_FIRST.includes(f.firstName)
const namesAreSimilar = (f: FieldComparisons) =>
  (lastIsClose(f) || f.lastName === 'similar') && (firstIsClose(f) || f.firstName === 'similar')
const dobIsNear = (f: FieldComparisons) => NEAR_DOB.includes(f.dob)
const ssnOneTypoAway = (f: FieldComparisons) => f.ssn === 'oneDigitOff' || f.ssn === 'digitsTransposed'

export interface CombinationRule {
  rule: string
  when: (fields: FieldComparisons) => boolean
}

/** Any one of these makes a match `likely`… */
export const LIKELY_RULES: readonly CombinationRule[] = [
  { rule: 'the Client ID matches', when: (f) => f.clientNumber === 'exact' },
  {
    rule: 'SSN matches, and the last name, the first name or the DOB agrees (or both names are similar)',
    when: (f) =>
      f.ssn === 'exact' && (lastIsClose(f) || firstIsClose(f) || dobIsNear(f) || namesAreSimilar(f)),
  },
  {
    rule: 'SSN one typo away, DOB matches or is near, and the last or first name agrees',
    when: (f) => ssnOneTypoAway(f) && dobIsNear(f) && (lastIsClose(f) || firstIsClose(f)),
  },
  {
    rule: 'DOB matches and both names agree (nicknames, one-letter typos and sound-alikes allowed)',
    when: (f) => f.dob === 'exact' && lastIsClose(f) && firstIsClose(f),
  },
  {
    rule: 'DOB near, last name matches and first name matches or is a nickname',
    when: (f) =>
      dobIsNear(f) &&
      (f.lastName === 'exact' || f.lastName === 'onePart') &&
      (f.firstName === 'exact' || f.firstName === 'nickname'),
  },
]

/** …unless one of these contradictions holds. */
export const LIKELY_BLOCKERS: readonly CombinationRule[] = [
  { rule: 'generational suffixes differ (Jr and Sr)', when: (f) => f.suffixConflict },
  {
    rule: 'first names clearly differ and no matching SSN says otherwise (twins)',
    when: (f) => (f.firstName === 'different' || f.firstName === 'initial') && f.ssn !== 'exact',
  },
  {
    // Same full name and DOB outweigh a wrong SSN (the HMIS "2 of 3 exact" rule): a mistyped or borrowed SSN.
    rule: 'the SSNs differ, unless last name and DOB match exactly and the first name or its nickname does',
    when: (f) =>
      f.ssn === 'different' &&
      !(
        (f.firstName === 'exact' || f.firstName === 'nickname') &&
        f.lastName === 'exact' &&
        f.dob === 'exact'
      ),
  },
]

/** Below `likely`, a score at or above this is a `possible` match. */
export const POSSIBLE_SCORE = 0.5

// ── Scoring ───────────────────────────────────────────────────────────────────────────────────────────

interface NameReading {
  first: FirstNameComparison
  last: NameComparison
  swapped: boolean
  alias: MatchAlias['kind'] | null
  points: number
}

const weightOf = <K extends string>(rules: Partial<Record<K, FieldRule>>, key: K) => rules[key]?.weight ?? 0

function readNames(
  query: { first: FoldedName; last: FoldedName },
  candidate: { first: FoldedName; last: FoldedName; middle: FoldedName },
  swapped: boolean,
  alias: MatchAlias['kind'] | null,
): NameReading {
  let first: FirstNameComparison = compareNames(query.first, candidate.first, true)
  if (!swapped && strongerName('oneLetterOff', first) && candidate.middle.whole) {
    const middle = compareNames(query.first, candidate.middle, true)
    if (middle === 'exact' || middle === 'nickname') first = 'middleName'
  }
  const last = compareNames(query.last, candidate.last, false)
  const points =
    weightOf(FIRST_NAME_RULES, first) +
    weightOf(LAST_NAME_RULES, last) +
    (swapped ? OTHER_RULES.namesSwapped.weight : 0)
  return { first, last, swapped, alias, points }
}

/** The best way to read the candidate's names against the query: as typed, swapped, or via an alias. */
function bestNameReading(query: MatchPerson, candidate: MatchPerson): NameReading {
  const typed = {
    first: foldFullName(query.firstName),
    last: foldFullName(splitTrailingSuffix(query.lastName).lastName),
  }
  const middle = foldFullName(candidate.middleName)
  const nameSets: { first: FoldedName; last: FoldedName; alias: MatchAlias['kind'] | null }[] = [
    {
      first: foldFullName(candidate.firstName),
      last: foldFullName(splitTrailingSuffix(candidate.lastName).lastName),
      alias: null,
    },
    ...(candidate.aliases ?? []).map((alias) => ({
      first: foldFullName(alias.firstName),
      last: foldFullName(alias.lastName),
      alias: alias.kind,
    })),
  ]
  let best: NameReading | undefined
  for (const names of nameSets) {
    const readings = [readNames(typed, { ...names, middle }, false, names.alias)]
    // A swap only counts when both names are there to swap.
    if (typed.first.whole && typed.last.whole) {
      readings.push(readNames(typed, { first: names.last, last: names.first, middle }, true, names.alias))
    }
    for (const reading of readings) if (!best || reading.points > best.points + 1e-9) best = reading
  }
  return best!
}

function suffixOf(person: MatchPerson) {
  return parseSuffix(person.nameSuffix) ?? splitTrailingSuffix(person.lastName).suffix
}

function compareClientNumbers(
  a: number | null | undefined,
  b: number | null | undefined,
): ClientNumberComparison {
  if (a == null || b == null) return 'missing'
  return a === b ? 'exact' : 'different'
}

export function compareFields(query: MatchPerson, candidate: MatchPerson): FieldComparisons {
  const names = bestNameReading(query, candidate)
  return {
    firstName: names.first,
    lastName: names.last,
    dob: compareDob(query.dob, candidate.dob),
    ssn: compareSsn(query, candidate),
    clientNumber: compareClientNumbers(query.clientNumber, candidate.clientNumber),
    namesSwapped: names.swapped,
    matchedAlias: names.alias,
    suffixConflict: suffixesConflict(suffixOf(query), suffixOf(candidate)),
  }
}

/** The reasons behind a comparison, in the order a caseworker reads them. */
export function describeComparisons(fields: FieldComparisons): string[] {
  return [
    CLIENT_NUMBER_RULES[fields.clientNumber]?.reason,
    fields.namesSwapped ? OTHER_RULES.namesSwapped.reason : undefined,
    fields.matchedAlias ? OTHER_RULES[fields.matchedAlias].reason : undefined,
    FIRST_NAME_RULES[fields.firstName]?.reason,
    LAST_NAME_RULES[fields.lastName]?.reason,
    fields.suffixConflict ? OTHER_RULES.suffixConflict.reason : undefined,
    DOB_RULES[fields.dob]?.reason,
    SSN_RULES[fields.ssn]?.reason,
  ].filter((reason): reason is string => reason !== undefined)
}

/** What a perfect match on the fields of this query would earn. */
function bestPossiblePoints(query: MatchPerson): number {
  const ssn = compareSsn(query, query)
  return (
    (foldFullName(query.firstName).whole ? FIRST_NAME_RULES.exact!.weight : 0) +
    (foldFullName(splitTrailingSuffix(query.lastName).lastName).whole ? LAST_NAME_RULES.exact!.weight : 0) +
    (compareDob(query.dob, query.dob) === 'exact' ? DOB_RULES.exact!.weight : 0) +
    (ssn === 'exact' ? SSN_RULES.exact!.weight : ssn === 'last4' ? SSN_LAST4_ONLY_MAX : 0) +
    (query.clientNumber != null ? CLIENT_NUMBER_RULES.exact!.weight : 0)
  )
}

export function levelOf(fields: FieldComparisons, score: number): MatchLevel | null {
  const blocked = LIKELY_BLOCKERS.some((blocker) => blocker.when(fields))
  if (!blocked && LIKELY_RULES.some((rule) => rule.when(fields))) return 'likely'
  return score >= POSSIBLE_SCORE ? 'possible' : null
}

export interface MatchResult {
  /** In [0, 1]: 1 is a perfect match on every field searched. */
  score: number
  matchLevel: MatchLevel | null
  reasons: string[]
  fields: FieldComparisons
}

export function scoreMatch(query: MatchPerson, candidate: MatchPerson): MatchResult {
  const fields = compareFields(query, candidate)
  const best = bestPossiblePoints(query)
  const points =
    weightOf(FIRST_NAME_RULES, fields.firstName) +
    weightOf(LAST_NAME_RULES, fields.lastName) +
    weightOf(DOB_RULES, fields.dob) +
    weightOf(SSN_RULES, fields.ssn) +
    weightOf(CLIENT_NUMBER_RULES, fields.clientNumber) +
    (fields.namesSwapped ? OTHER_RULES.namesSwapped.weight : 0) +
    (fields.suffixConflict ? OTHER_RULES.suffixConflict.weight : 0)
  const score = best > 0 ? Math.round(Math.min(1, Math.max(0, points / best)) * 1000) / 1000 : 0
  return { score, matchLevel: levelOf(fields, score), reasons: describeComparisons(fields), fields }
}
