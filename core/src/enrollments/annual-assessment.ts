import { addDays, addYears } from './dates'

// HUD: the annual assessment is recorded within 30 days before or after each anniversary of the head of
// household's project start date, for every member still enrolled, on the head's anniversary.

export const ANNUAL_WINDOW_DAYS = 30

export interface AnnualWindow {
  anniversary: string
  windowStart: string
  windowEnd: string
}

export type AnnualAssessmentStatus = 'not_yet_due' | 'open' | 'overdue' | 'completed'

export function annualWindow(hohEntryDate: string, year: number): AnnualWindow {
  const anniversary = addYears(hohEntryDate, year)
  return {
    anniversary,
    windowStart: addDays(anniversary, -ANNUAL_WINDOW_DAYS),
    windowEnd: addDays(anniversary, ANNUAL_WINDOW_DAYS),
  }
}

/** The window containing `date`, if any (anniversaries from the first year on). */
export function annualWindowContaining(hohEntryDate: string, date: string): AnnualWindow | undefined {
  const years = Number(date.slice(0, 4)) - Number(hohEntryDate.slice(0, 4))
  for (const year of [years - 1, years, years + 1]) {
    if (year < 1) continue
    const window = annualWindow(hohEntryDate, year)
    if (window.windowStart <= date && date <= window.windowEnd) return window
  }
  return undefined
}

/**
 * Where an open enrollment stands on `today`: the latest window that has started (or the first one, not
 * yet due), and whether an annual assessment was recorded in it. Exited enrollments have none.
 */
export function annualAssessmentStatus(input: {
  hohEntryDate: string
  exitDate: string | null
  today: string
  /** Information dates of the member's annual-assessment records. */
  recordedDates: readonly string[]
}): (AnnualWindow & { status: AnnualAssessmentStatus }) | null {
  if (input.exitDate !== null) return null
  let year = 1
  while (annualWindow(input.hohEntryDate, year + 1).windowStart <= input.today) year += 1
  const window = annualWindow(input.hohEntryDate, year)
  if (window.windowStart > input.today) return { ...window, status: 'not_yet_due' }
  if (input.recordedDates.some((date) => window.windowStart <= date && date <= window.windowEnd)) {
    return { ...window, status: 'completed' }
  }
  return { ...window, status: input.today <= window.windowEnd ? 'open' : 'overdue' }
}
