// 'YYYY-MM-DD' dates as whole days since 1970-01-01 (UTC), so arithmetic never meets time zones.

const MS_PER_DAY = 86_400_000

export function toDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`Expected a YYYY-MM-DD date, got "${date}"`)
  const [, year, month, day] = match
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day))
  if (new Date(time).toISOString().slice(0, 10) !== date) throw new Error(`"${date}" is not a calendar date`)
  return time / MS_PER_DAY
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** A timestamp on that day at the given minute after midnight UTC. */
export function timestampOn(day: number, minuteOfDay: number): string {
  return new Date(day * MS_PER_DAY + minuteOfDay * 60_000).toISOString()
}
