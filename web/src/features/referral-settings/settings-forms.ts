import {
  ceEventTypeForProjectType,
  DEFAULT_REFERRAL_TIMERS,
  type DeclineConsequence,
  type DeclineReason,
  type DeclineReasonsUpdate,
  PROJECT_TYPE,
  type ReferralTimerSettings,
  type ReferralTimers,
} from '@threshold/core'

// The referral settings forms as plain values: what the server sends, what the editor holds (empty
// number inputs are ''), what is saved, and where the server's complaints about a saved item land in the
// editor. The server checks everything again; the checks here only spare a round trip.

export interface DeclineReasonRow {
  code: string
  label: string
  consequence: DeclineConsequence
  inactiveDays: number | ''
  /** Offered when declining; inactive rows are kept in the editor but left out of the saved list. */
  active: boolean
}

export const declineRowsFrom = (reasons: readonly DeclineReason[]): DeclineReasonRow[] =>
  reasons.map((reason) => ({
    code: reason.code,
    label: reason.label,
    consequence: reason.consequence,
    inactiveDays: reason.inactiveDays ?? '',
    active: reason.active,
  }))

export const newDeclineRow = (): DeclineReasonRow => ({
  code: '',
  label: '',
  consequence: 'return_same_rank',
  inactiveDays: '',
  active: true,
})

/** The rows the server receives, in order: the active ones, days only with the "inactive" consequence. */
const activeRowIndexes = (rows: readonly DeclineReasonRow[]) =>
  rows.flatMap((row, index) => (row.active ? [index] : []))

export function declineReasonsUpdateFrom(rows: readonly DeclineReasonRow[]): DeclineReasonsUpdate {
  return {
    reasons: activeRowIndexes(rows).map((index) => {
      const row = rows[index] as DeclineReasonRow
      return {
        code: row.code.trim(),
        label: row.label.trim(),
        consequence: row.consequence,
        ...(row.consequence === 'inactive' && { inactiveDays: Number(row.inactiveDays) }),
      }
    }),
  }
}

/** Server paths (`reasons.1.label`, counted over the saved rows) → editor paths (`rows.3.label`). */
export function declineErrorPaths(rows: readonly DeclineReasonRow[]): Record<string, string> {
  const paths: Record<string, string> = {}
  for (const [sent, index] of activeRowIndexes(rows).entries()) {
    for (const field of ['code', 'label', 'consequence', 'inactiveDays'])
      paths[`reasons.${sent}.${field}`] = `rows.${index}.${field}`
  }
  return paths
}

const CODE_PATTERN = /^[a-z0-9_]+$/

export function validateDeclineRows(rows: readonly DeclineReasonRow[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!rows.some((row) => row.active)) errors.rows = 'Keep at least one reason active'
  const seen = new Set<string>()
  for (const [index, row] of rows.entries()) {
    const code = row.code.trim()
    if (!CODE_PATTERN.test(code)) errors[`rows.${index}.code`] = 'Use lower-case letters, digits and _'
    else if (seen.has(code)) errors[`rows.${index}.code`] = 'Each code appears once'
    seen.add(code)
    if (!row.label.trim()) errors[`rows.${index}.label`] = 'Enter the label staff choose from'
    const days = row.inactiveDays
    if (
      row.consequence === 'inactive' &&
      !(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 365)
    )
      errors[`rows.${index}.inactiveDays`] = 'Enter 1 to 365 days'
  }
  return errors
}

/** Project types that take Coordinated Entry referrals, in HUD's order. */
export const REFERRAL_PROJECT_TYPES: readonly number[] = PROJECT_TYPE.map((entry) => entry.code).filter(
  (code) => ceEventTypeForProjectType(code) !== undefined,
)

type TimerField = keyof ReferralTimers
export const TIMER_FIELDS: readonly TimerField[] = ['acknowledgeWorkingDays', 'decisionDays', 'expireDays']
export const TIMER_LIMITS: Record<TimerField, number> = {
  acknowledgeWorkingDays: 60,
  decisionDays: 120,
  expireDays: 365,
}

/** One line of the timers table: null is the CoC default; '' means "not set here: inherited". */
export interface TimerRow {
  projectType: number | null
  acknowledgeWorkingDays: number | ''
  decisionDays: number | ''
  expireDays: number | ''
  housedOnEnroll: boolean
}

/** The CoC default line, then one per project type taking referrals (and any other type already set). */
export function timerRowsFrom(settings: ReferralTimerSettings): TimerRow[] {
  const configuredTypes = settings.timers.flatMap((timer) =>
    timer.projectType === null || REFERRAL_PROJECT_TYPES.includes(timer.projectType)
      ? []
      : [timer.projectType],
  )
  return [null, ...REFERRAL_PROJECT_TYPES, ...configuredTypes].map((projectType) => {
    const timer = settings.timers.find((candidate) => candidate.projectType === projectType)
    return timer
      ? { ...timer, projectType }
      : { projectType, acknowledgeWorkingDays: '', decisionDays: '', expireDays: '', housedOnEnroll: true }
  })
}

const isSet = (row: TimerRow) => TIMER_FIELDS.some((field) => row[field] !== '') || !row.housedOnEnroll

/** What a line falls back to where it is empty: the CoC default line where set, else the built-in timers. */
export function inheritedTimers(rows: readonly TimerRow[], projectType: number | null): ReferralTimers {
  const cocDefault = rows.find((row) => row.projectType === null)
  if (projectType === null || !cocDefault || !isSet(cocDefault)) return DEFAULT_REFERRAL_TIMERS
  const inherited = DEFAULT_REFERRAL_TIMERS
  return {
    acknowledgeWorkingDays: numberOr(cocDefault.acknowledgeWorkingDays, inherited.acknowledgeWorkingDays),
    decisionDays: numberOr(cocDefault.decisionDays, inherited.decisionDays),
    expireDays: numberOr(cocDefault.expireDays, inherited.expireDays),
  }
}

const numberOr = (value: number | '', fallback: number) => (value === '' ? fallback : value)

const savedRowIndexes = (rows: readonly TimerRow[]) =>
  rows.flatMap((row, index) => (isSet(row) ? [index] : []))

/** The lines with anything set are saved, their empty numbers filled with what they would inherit. */
export function timerSettingsFrom(rows: readonly TimerRow[]): ReferralTimerSettings {
  return {
    timers: savedRowIndexes(rows).map((index) => {
      const row = rows[index] as TimerRow
      const inherited = inheritedTimers(rows, row.projectType)
      return {
        projectType: row.projectType as ReferralTimerSettings['timers'][number]['projectType'],
        acknowledgeWorkingDays: numberOr(row.acknowledgeWorkingDays, inherited.acknowledgeWorkingDays),
        decisionDays: numberOr(row.decisionDays, inherited.decisionDays),
        expireDays: numberOr(row.expireDays, inherited.expireDays),
        housedOnEnroll: row.housedOnEnroll,
      }
    }),
  }
}

/** Server paths (`timers.0.expireDays`, counted over the saved lines) → editor paths (`rows.4.expireDays`). */
export function timerErrorPaths(rows: readonly TimerRow[]): Record<string, string> {
  const paths: Record<string, string> = {}
  for (const [sent, index] of savedRowIndexes(rows).entries()) {
    for (const field of [...TIMER_FIELDS, 'housedOnEnroll'])
      paths[`timers.${sent}.${field}`] = `rows.${index}.${field}`
  }
  return paths
}

export function validateTimerRows(rows: readonly TimerRow[]): Record<string, string> {
  const errors: Record<string, string> = {}
  const saved = timerSettingsFrom(rows).timers
  for (const [sent, index] of savedRowIndexes(rows).entries()) {
    const timer = saved[sent] as ReferralTimerSettings['timers'][number]
    for (const field of TIMER_FIELDS) {
      const value = timer[field]
      if (!Number.isInteger(value) || value < 1 || value > TIMER_LIMITS[field])
        errors[`rows.${index}.${field}`] = `Enter 1 to ${TIMER_LIMITS[field]}`
    }
    if (!errors[`rows.${index}.expireDays`] && timer.expireDays < timer.decisionDays)
      errors[`rows.${index}.expireDays`] = 'Cannot expire before the decision is due'
  }
  return errors
}
