// Date-of-birth comparisons. Intake typos follow a few patterns: day and month swapped (US/European
// order), one digit mistyped, two neighbouring digits swapped, or the year off by one.

export type DobComparison =
  | 'exact'
  | 'dayMonthSwapped'
  | 'oneDigitOff'
  | 'digitsTransposed'
  | 'yearOffByOne'
  | 'different'
  | 'missing'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date given as numbers (month 1–12). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  )
}

/** 'YYYY-MM-DD' from a digit string 'YYYYMMDD', or null when it is not a real date. */
function isoFromDigits(digits: string): string | null {
  const year = Number(digits.slice(0, 4))
  const month = Number(digits.slice(4, 6))
  const day = Number(digits.slice(6, 8))
  if (year < 1900 || !isRealDate(year, month, day)) return null
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
}

const digitsOf = (dob: string) => dob.replace(/-/g, '')

function differsByOneDigit(a: string, b: string): boolean {
  let differences = 0
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++
  return differences === 1
}

function differsByAdjacentSwap(a: string, b: string): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i] === b[i]) continue
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return false
}

export function compareDob(
  query: string | null | undefined,
  candidate: string | null | undefined,
): DobComparison {
  const a = query ? ISO_DATE.exec(query) : null
  const b = candidate ? ISO_DATE.exec(candidate) : null
  if (!a || !b) return 'missing'
  if (query === candidate) return 'exact'
  const [, yearA, monthA, dayA] = a
  const [, yearB, monthB, dayB] = b
  if (yearA === yearB && monthA === dayB && dayA === monthB) return 'dayMonthSwapped'
  const digitsA = digitsOf(query!)
  const digitsB = digitsOf(candidate!)
  if (monthA === monthB && dayA === dayB && Math.abs(Number(yearA) - Number(yearB)) === 1)
    return 'yearOffByOne'
  if (differsByOneDigit(digitsA, digitsB)) return 'oneDigitOff'
  if (differsByAdjacentSwap(digitsA, digitsB)) return 'digitsTransposed'
  return 'different'
}

/**
 * Every real date the matcher would still call near a typed DOB: itself, day/month swapped, year ±1,
 * one digit changed, two neighbouring digits swapped. Candidate retrieval looks them up with `dob = ANY(…)`.
 */
export function nearDobs(dob: string): string[] {
  if (!ISO_DATE.test(dob)) return []
  const digits = digitsOf(dob)
  const variants = new Set<string>([dob])
  const add = (candidateDigits: string) => {
    const iso = isoFromDigits(candidateDigits)
    if (iso) variants.add(iso)
  }
  add(`${digits.slice(0, 4)}${digits.slice(6, 8)}${digits.slice(4, 6)}`)
  for (const offset of [-1, 1])
    add(`${String(Number(digits.slice(0, 4)) + offset).padStart(4, '0')}${digits.slice(4)}`)
  for (let i = 0; i < digits.length; i++) {
    for (const digit of '0123456789') {
      if (digit !== digits[i]) add(`${digits.slice(0, i)}${digit}${digits.slice(i + 1)}`)
    }
    if (i < digits.length - 1 && digits[i] !== digits[i + 1]) {
      add(`${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}`)
    }
  }
  return [...variants]
}
