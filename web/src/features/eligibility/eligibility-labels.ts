import type { EligibilityOutcome } from '@threshold/core'

/** Outcome as a word and a colour (never colour alone). */
export const OUTCOME_LABELS: Record<EligibilityOutcome, string> = {
  pass: 'Eligible',
  fail: 'Not eligible',
  unknown: 'Unknown: missing information',
}

export const RULE_OUTCOME_LABELS: Record<EligibilityOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
}

export const OUTCOME_COLORS: Record<EligibilityOutcome, string> = {
  pass: 'green',
  fail: 'red',
  unknown: 'yellow',
}
