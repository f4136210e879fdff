/** Months a release lasts when the CoC has not configured `releaseDefaultMonths`. */
export const DEFAULT_RELEASE_MONTHS = 12

/** `date` plus whole months, clamped to the end of a shorter month (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = (monthIndex % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`
}
