// HUD 3.02 Social Security Number: the shape rules the Social Security Administration never issues
// (S61 / Clarity-style checks), shared by the API and the intake form.

/** What someone typed in the SSN box, read as a full number or as the last four digits. */
export type SsnInput =
  | { kind: 'full'; digits: string }
  | { kind: 'last4'; digits: string }
  | { kind: 'invalid'; message: string }

/**
 * Accepts `123-45-6789`, `123 45 6789`, `123456789`, the last four digits (`6789`) or HUD's partial form
 * with `x` for unknown digits (`xxx-xx-6789`); a partial SSN is kept as its last four digits.
 */
export function readSsn(raw: string): SsnInput {
  const compact = raw.replace(/[\s-]/g, '')
  if (/^\d{9}$/.test(compact)) return { kind: 'full', digits: compact }
  if (/^\d{4}$/.test(compact)) return { kind: 'last4', digits: compact }
  if (/^[xX]{5}\d{4}$/.test(compact)) return { kind: 'last4', digits: compact.slice(5) }
  if (/^[\dxX]{9}$/.test(compact)) {
    return { kind: 'invalid', message: 'a partial SSN is recorded as its last 4 digits (e.g. xxx-xx-1234)' }
  }
  return { kind: 'invalid', message: 'must be 9 digits, or the last 4 digits of a partial SSN' }
}

/** Why a full 9-digit SSN cannot have been issued, or undefined when it could have been. */
export function unissuableSsnReason(digits: string): string | undefined {
  const area = digits.slice(0, 3)
  if (area === '000' || area === '666' || area.startsWith('9')) {
    return 'cannot start with 000, 666 or 900–999 (no SSN is issued with that area number)'
  }
  if (digits.slice(3, 5) === '00') return 'cannot have 00 as its middle two digits'
  if (digits.slice(5) === '0000') return 'cannot end in 0000'
  return undefined
}

const isRun = (digits: string, step: number) =>
  [...digits].every(
    (digit, index) => index === 0 || Number(digit) === (Number(digits[index - 1]) + step + 10) % 10,
  )

/** Numbers that are valid in shape but are usually a placeholder: saved, with a warning to check them. */
export function suspiciousSsnReason(digits: string): string | undefined {
  if (isRun(digits, 0)) return 'has the same digit nine times; check it is the real number'
  if (isRun(digits, 1) || isRun(digits, -1))
    return 'is a run of sequential digits; check it is the real number'
  return undefined
}

/** How an SSN is shown to anyone but its owner, and in history and audit trails: `***-**-1234`. */
export function maskSsn(digits: string | null | undefined): string | null {
  if (!digits) return null
  return `***-**-${digits.slice(-4)}`
}
