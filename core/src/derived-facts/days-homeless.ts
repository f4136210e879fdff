import { addYears } from '../enrollments/dates'
import { daysBetween } from './calendar'
import type { PriorLivingSituationFacts } from './chronic-homelessness'
import { MORE_THAN_TWELVE_MONTHS } from './chronic-homelessness'

export interface DaysHomelessPastThreeYears {
  /** A lower bound of the days on the street, in shelter or a safe haven in the 3 years up to `asOf`. */
  days: number | null
  /** Which answer gave the figure: the current episode's start (3.917.3) or the months reported (3.917.5). */
  basis: 'episode_start' | 'months_reported' | null
}

const laterDate = (first: string, second: string) => [first, second].sort()[1] ?? first

const DAYS_PER_MONTH = 365 / 12

/** 3.917.5 as days: 101..112 → 1..12 months; 113 ("more than 12 months") → at least 366 days. */
function reportedMonthsAsDays(months: number | null): number | null {
  if (months === MORE_THAN_TWELVE_MONTHS) return 366
  if (months !== null && months > 100 && months < MORE_THAN_TWELVE_MONTHS)
    return Math.round((months - 100) * DAYS_PER_MONTH)
  return null
}

/**
 * Days homeless in the 3 years up to `asOf`: the larger of the current episode (from 3.917.3 to `asOf`,
 * clipped to the window) and the months reported at project start (3.917.5), never more than the window.
 */
export function daysHomelessPastThreeYears(
  prior: Pick<PriorLivingSituationFacts, 'dateToStreetEssh' | 'monthsHomelessPastThreeYears'> | null,
  asOf: string,
): DaysHomelessPastThreeYears {
  if (!prior) return { days: null, basis: null }
  const windowStart = addYears(asOf, -3)
  const windowDays = daysBetween(windowStart, asOf)
  const episodeStart = prior.dateToStreetEssh
  const episodeDays =
    episodeStart !== null && episodeStart <= asOf
      ? daysBetween(laterDate(episodeStart, windowStart), asOf)
      : null
  const reportedDays = reportedMonthsAsDays(prior.monthsHomelessPastThreeYears)
  if (episodeDays === null && reportedDays === null) return { days: null, basis: null }
  if (reportedDays === null || (episodeDays !== null && episodeDays >= reportedDays))
    return { days: Math.min(episodeDays ?? 0, windowDays), basis: 'episode_start' }
  return { days: Math.min(reportedDays, windowDays), basis: 'months_reported' }
}
