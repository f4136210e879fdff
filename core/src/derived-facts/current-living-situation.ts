import { daysBetween } from './calendar'

export const DEFAULT_STALE_AFTER_DAYS = 90

export interface CurrentLivingSituationStaleness {
  lastInformationDate: string | null
  /** Days from the last contact to `asOf`; null when there is none. */
  daysSince: number | null
  /** No contact recorded, or the last is older than the threshold: the household may need locating. */
  stale: boolean
}

/** How recent the last 4.12 Current Living Situation is (contacts after `asOf` are ignored). */
export function currentLivingSituationStaleness(
  records: readonly { informationDate: string }[],
  asOf: string,
  staleAfterDays = DEFAULT_STALE_AFTER_DAYS,
): CurrentLivingSituationStaleness {
  const last = records
    .map((record) => record.informationDate)
    .filter((date) => date <= asOf)
    .reduce<string | null>((latest, date) => (latest === null || date > latest ? date : latest), null)
  if (last === null) return { lastInformationDate: null, daysSince: null, stale: true }
  const daysSince = daysBetween(last, asOf)
  return { lastInformationDate: last, daysSince, stale: daysSince > staleAfterDays }
}
