// SSN comparisons. A full SSN is nine digits; many HMIS records hold only the last four (HUD 3.02 data
// quality "approximate or partial"). Typing errors are one wrong digit or two neighbouring digits swapped.

export type SsnComparison = 'exact' | 'oneDigitOff' | 'digitsTransposed' | 'last4' | 'different' | 'missing'

export interface SsnValue {
  /** Nine digits, or null. */
  ssn?: string | null
  /** Four digits, or null (derived from `ssn` when that is present). */
  ssnLast4?: string | null
}

const FULL_SSN = /^\d{9}$/
const LAST4 = /^\d{4}$/

function lastFour(value: SsnValue): string | null {
  if (value.ssn && FULL_SSN.test(value.ssn)) return value.ssn.slice(5)
  return value.ssnLast4 && LAST4.test(value.ssnLast4) ? value.ssnLast4 : null
}

export function compareSsn(query: SsnValue, candidate: SsnValue): SsnComparison {
  const a = query.ssn && FULL_SSN.test(query.ssn) ? query.ssn : null
  const b = candidate.ssn && FULL_SSN.test(candidate.ssn) ? candidate.ssn : null
  if (a && b) {
    if (a === b) return 'exact'
    let differences = 0
    for (let i = 0; i < 9; i++) if (a[i] !== b[i]) differences++
    if (differences === 1) return 'oneDigitOff'
    if (differences === 2) {
      const first = [...a].findIndex((digit, i) => digit !== b[i])
      if (a[first] === b[first + 1] && a[first + 1] === b[first]) return 'digitsTransposed'
    }
    return 'different'
  }
  const lastA = lastFour(query)
  const lastB = lastFour(candidate)
  if (!lastA || !lastB) return 'missing'
  return lastA === lastB ? 'last4' : 'different'
}

/** The SSN and every SSN one typing error away (81 one-digit changes, up to 8 neighbour swaps). */
export function nearSsns(ssn: string): string[] {
  if (!FULL_SSN.test(ssn)) return []
  const variants = new Set<string>([ssn])
  for (let i = 0; i < 9; i++) {
    for (const digit of '0123456789') {
      if (digit !== ssn[i]) variants.add(`${ssn.slice(0, i)}${digit}${ssn.slice(i + 1)}`)
    }
    if (i < 8 && ssn[i] !== ssn[i + 1])
      variants.add(`${ssn.slice(0, i)}${ssn[i + 1]}${ssn[i]}${ssn.slice(i + 2)}`)
  }
  return [...variants]
}
