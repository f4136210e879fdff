import type { FactValue } from '../derived-facts/fact'

/** The facts a queue entry is ranked by (denormalized on the entry; see the server's queue-facts). */
export interface RankingFacts {
  score: number | null
  chronic: FactValue
  daysHomeless: number | null
  ceStartDate: string
  assessmentDate: string | null
  veteran: FactValue
  youth: FactValue
  fleeingDv: FactValue
  householdSize: number
}

export const RANKING_KEY_NAMES = [
  'score',
  'chronic',
  'days_homeless',
  'ce_start_date',
  'assessment_date',
  'veteran',
  'youth',
  'fleeing_dv',
  'household_size',
] as const
export type RankingKeyName = (typeof RANKING_KEY_NAMES)[number]
export type RankingDirection = 'asc' | 'desc'

export interface RankingKey {
  key: RankingKeyName
  direction: RankingDirection
}

interface KeyDefinition {
  label: string
  /** What 'desc' means to a reader (e.g. "highest first", "yes first"). */
  descLabel: string
  ascLabel: string
  value(facts: RankingFacts): number | string | null
}

/** yes/no facts sort as 1/0 (unknown counts as no: nobody is ranked up on an unknown). */
const yes = (value: FactValue) => (value === 'yes' ? 1 : 0)

export const RANKING_KEYS: Record<RankingKeyName, KeyDefinition> = {
  score: {
    label: 'Assessment score',
    descLabel: 'highest first',
    ascLabel: 'lowest first',
    value: (f) => f.score,
  },
  chronic: {
    label: 'Chronically homeless',
    descLabel: 'yes first',
    ascLabel: 'no first',
    value: (f) => yes(f.chronic),
  },
  days_homeless: {
    label: 'Days homeless (past 3 years)',
    descLabel: 'most first',
    ascLabel: 'fewest first',
    value: (f) => f.daysHomeless,
  },
  ce_start_date: {
    label: 'CE start date',
    descLabel: 'latest first',
    ascLabel: 'earliest first',
    value: (f) => f.ceStartDate,
  },
  assessment_date: {
    label: 'Assessment date',
    descLabel: 'latest first',
    ascLabel: 'earliest first',
    value: (f) => f.assessmentDate,
  },
  veteran: {
    label: 'Veteran household',
    descLabel: 'yes first',
    ascLabel: 'no first',
    value: (f) => yes(f.veteran),
  },
  youth: {
    label: 'Youth household',
    descLabel: 'yes first',
    ascLabel: 'no first',
    value: (f) => yes(f.youth),
  },
  fleeing_dv: {
    label: 'Fleeing domestic violence',
    descLabel: 'yes first',
    ascLabel: 'no first',
    value: (f) => yes(f.fleeingDv),
  },
  household_size: {
    label: 'Household size',
    descLabel: 'largest first',
    ascLabel: 'smallest first',
    value: (f) => f.householdSize,
  },
}

/** The order used until a CoC publishes its own: score → chronic → days homeless → CE start. */
export const DEFAULT_RANKING_KEYS: readonly RankingKey[] = [
  { key: 'score', direction: 'desc' },
  { key: 'chronic', direction: 'desc' },
  { key: 'days_homeless', direction: 'desc' },
  { key: 'ce_start_date', direction: 'asc' },
]

/** The last word on every ranking, so equal keys never swap between two reads. */
export const TIE_BREAK_EXPLANATION = 'stable random tie-break drawn when the household was placed'

/** Problems with a proposed key list (empty when it is usable). */
export function rankingKeyProblems(keys: readonly RankingKey[]): string[] {
  const problems: string[] = []
  if (keys.length === 0) problems.push('a ranking needs at least one key')
  const seen = new Set<string>()
  for (const { key } of keys) {
    if (seen.has(key)) problems.push(`${RANKING_KEYS[key].label} is listed twice`)
    seen.add(key)
  }
  return problems
}

export interface RankingExplanationItem {
  key: RankingKeyName
  label: string
  direction: RankingDirection
  value: number | string | null
}

/** "Why is this household #3": each key's value in order. */
export function explainRanking(keys: readonly RankingKey[], facts: RankingFacts): RankingExplanationItem[] {
  return keys.map(({ key, direction }) => ({
    key,
    label: RANKING_KEYS[key].label,
    direction,
    value: RANKING_KEYS[key].value(facts),
  }))
}

/**
 * Compares two entries under a key list, exactly as the database orders them (missing values last in
 * either direction, then the tie-break, then the id). The server's SQL order (queue-order.ts) mirrors it.
 */
export function compareRanked<T extends RankingFacts & { tieBreak: number; id: string }>(
  keys: readonly RankingKey[],
): (a: T, b: T) => number {
  return (a, b) => {
    for (const { key, direction } of keys) {
      const left = RANKING_KEYS[key].value(a)
      const right = RANKING_KEYS[key].value(b)
      if (left === right) continue
      if (left === null) return 1
      if (right === null) return -1
      const order = left < right ? -1 : 1
      return direction === 'asc' ? order : -order
    }
    if (a.tieBreak !== b.tieBreak) return a.tieBreak < b.tieBreak ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

export interface RankingImpact {
  /** Households whose rank differs. */
  changedPosition: number
  /** Households in the top N before and not after, and the reverse. */
  leaveTop: number
  enterTop: number
  top: number
  /** The largest move up and down (in places). */
  largestRise: number
  largestFall: number
}

/** Summarizes the effect of a ranking change from each ranked household's rank before and after. */
export function summarizeRankingImpact(
  ranks: readonly { before: number; after: number }[],
  top = 20,
): RankingImpact {
  let changedPosition = 0
  let leaveTop = 0
  let enterTop = 0
  let largestRise = 0
  let largestFall = 0
  for (const { before, after } of ranks) {
    if (before !== after) changedPosition++
    if (before <= top && after > top) leaveTop++
    if (before > top && after <= top) enterTop++
    largestRise = Math.max(largestRise, before - after)
    largestFall = Math.max(largestFall, after - before)
  }
  return { changedPosition, leaveTop, enterTop, top, largestRise, largestFall }
}
