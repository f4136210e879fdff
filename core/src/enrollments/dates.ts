// Calendar arithmetic on 'YYYY-MM-DD' strings (UTC, no time zones): string order is date order.

const toUtc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
const fromUtc = (time: number) => new Date(time).toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000)
}

/** The same month and day `years` later; 29 February falls on 28 February in common years. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}
