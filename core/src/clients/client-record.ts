import { CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED } from '../hud/index'
import type {
  ClientFieldsInput,
  Contact,
  MARITAL_STATUSES,
  RaceEthnicityColumn,
  Restriction,
  VeteranDetails,
} from './client-fields'
import { ageOn, OLDEST_PLAUSIBLE_AGE } from './dob'
import { maskSsn, readSsn, suspiciousSsnReason } from './ssn'

// The rules that span several fields of a client record: data-quality answers that must fit the values
// they describe, required elements, and the checks that need today's date. The API and the intake form
// run the same functions over the whole record (a patch is applied first, then checked).

/** A client record as stored: every field present, `null` when unknown. */
export interface ClientRecord {
  firstName: string | null
  middleName: string | null
  lastName: string | null
  nameSuffix: string | null
  nameDataQuality: number | null
  /** The full 9 digits, only when known. */
  ssn: string | null
  /** The last 4 digits of a full or partial SSN. */
  ssnLast4: string | null
  ssnDataQuality: number | null
  dob: string | null
  dobDataQuality: number | null
  sex: number | null
  raceEthnicity: RaceEthnicityColumn[]
  raceNone: number | null
  additionalRaceEthnicity: string | null
  genderIdentity: string | null
  veteranStatus: number | null
  veteranDetails: VeteranDetails | null
  contact: Contact
  maritalStatus: (typeof MARITAL_STATUSES)[number] | null
  childrenCount: number | null
  restriction: Restriction
}

export const EMPTY_CLIENT_RECORD: ClientRecord = {
  firstName: null,
  middleName: null,
  lastName: null,
  nameSuffix: null,
  nameDataQuality: null,
  ssn: null,
  ssnLast4: null,
  ssnDataQuality: null,
  dob: null,
  dobDataQuality: null,
  sex: null,
  raceEthnicity: [],
  raceNone: null,
  additionalRaceEthnicity: null,
  genderIdentity: null,
  veteranStatus: null,
  veteranDetails: null,
  contact: {},
  maritalStatus: null,
  childrenCount: null,
  restriction: 'open',
}

/** The fields the intake form marks as required (red asterisk); each may stay empty only with a reason. */
export const REQUIRED_CLIENT_FIELDS = [
  'firstName',
  'lastName',
  'nameDataQuality',
  'ssn',
  'ssnDataQuality',
  'dob',
  'dobDataQuality',
  'raceEthnicity',
  'sex',
  'veteranStatus',
] as const satisfies readonly (keyof ClientRecord)[]

/** Veteran status is collected for adults; for a known minor it may stay empty (exported as 99). */
export const ADULT_AGE = 18

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

/** Saved, but worth a second look (e.g. an SSN of nine identical digits). */
export interface FieldWarning {
  field: string
  message: string
}

const REASONS_MISSING = [CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED]
const FULL = 1
const PARTIAL = 2
const VETERAN = 1

type ValueShape = 'full' | 'partial' | 'missing'

/** Which data-quality answers describe a value of that shape (HUD lists 3.01.5, 3.02.2, 3.03.2). */
const FITTING_QUALITY: Record<ValueShape, readonly number[]> = {
  full: [FULL, PARTIAL],
  partial: [PARTIAL],
  missing: REASONS_MISSING,
}

/**
 * A data-quality answer that was not sent: keep the current one while it still fits the value, otherwise
 * let the value decide (full → 1, partial → 2). A missing value never gets a reason invented for it.
 */
function inferQuality(current: number | null, shape: ValueShape): number | null {
  if (current !== null && FITTING_QUALITY[shape].includes(current)) return current
  if (shape === 'full') return FULL
  if (shape === 'partial') return PARTIAL
  return current
}

const nameShape = (record: ClientRecord): ValueShape =>
  record.firstName && record.lastName ? 'full' : record.firstName || record.lastName ? 'partial' : 'missing'
const ssnShape = (record: ClientRecord): ValueShape =>
  record.ssn ? 'full' : record.ssnLast4 ? 'partial' : 'missing'
const dobShape = (record: ClientRecord): ValueShape => (record.dob ? 'full' : 'missing')

/**
 * Applies a new client's fields (onto `EMPTY_CLIENT_RECORD`) or a patch (onto the stored record): given
 * fields replace, `null` clears, and the answers that follow from them are filled in (data quality,
 * RaceNone vs race columns, veteran details cleared for a non-veteran). Check the result with
 * `clientRecordIssues`.
 */
export function applyClientChanges(current: ClientRecord, changes: ClientFieldsInput): ClientRecord {
  const { ssn, ...rest } = changes
  const next: ClientRecord = { ...current }
  for (const [field, value] of Object.entries(rest)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value
  }
  if (ssn !== undefined) {
    const read = ssn === null ? null : readSsn(ssn)
    next.ssn = read?.kind === 'full' ? read.digits : null
    next.ssnLast4 = read && read.kind !== 'invalid' ? read.digits.slice(-4) : null
  }

  if (
    changes.nameDataQuality === undefined &&
    (changes.firstName !== undefined || changes.lastName !== undefined)
  ) {
    next.nameDataQuality = inferQuality(current.nameDataQuality, nameShape(next))
  }
  if (changes.ssnDataQuality === undefined && ssn !== undefined) {
    next.ssnDataQuality = inferQuality(current.ssnDataQuality, ssnShape(next))
  }
  if (changes.dobDataQuality === undefined && changes.dob !== undefined) {
    next.dobDataQuality = inferQuality(current.dobDataQuality, dobShape(next))
  }
  if (changes.raceNone === undefined && changes.raceEthnicity?.length) next.raceNone = null
  if (changes.raceEthnicity === undefined && changes.raceNone != null) next.raceEthnicity = []
  if (
    changes.veteranDetails === undefined &&
    changes.veteranStatus !== undefined &&
    changes.veteranStatus !== VETERAN
  ) {
    next.veteranDetails = null
  }
  return next
}

const MISSING_CODES = '8, 9 or 99'

interface QualityElement {
  qualityField: string
  /** The field to point at when the value falls short of its data-quality answer. */
  valueField: string
  label: string
  /** What quality 1 (full) asks for, e.g. 'is required when nameDataQuality is 1 (full name reported)'. */
  whenFull: string
  /** What quality 2 (partial) asks for, e.g. 'give at least a first or last name'. */
  whenPartial: string
}

/** One element's value against its data-quality answer. */
function qualityIssues(shape: ValueShape, quality: number | null, element: QualityElement): FieldIssue[] {
  if (quality !== null && FITTING_QUALITY[shape].includes(quality)) return []
  if (quality === null) {
    return [
      {
        path: [element.qualityField],
        message: `is required: give the ${element.label}, or say why it is missing (${MISSING_CODES})`,
      },
    ]
  }
  if (REASONS_MISSING.includes(quality)) {
    return [
      {
        path: [element.qualityField],
        message: `says the ${element.label} is missing (${quality}), but one was given: choose 1 (full) or 2 (partial)`,
      },
    ]
  }
  if (quality === FULL) return [{ path: [element.valueField], message: element.whenFull }]
  return [
    {
      path: [element.valueField],
      message: `${element.whenPartial}, or choose ${MISSING_CODES} for ${element.qualityField}`,
    },
  ]
}

/**
 * Everything wrong with a whole record, each issue naming its field. Without `today` (YYYY-MM-DD) the
 * date-dependent rules are skipped: DOB in the future, veteran status for adults, V1 years after this year.
 */
export function clientRecordIssues(record: ClientRecord, today?: string): FieldIssue[] {
  const issues: FieldIssue[] = [
    ...qualityIssues(nameShape(record), record.nameDataQuality, {
      qualityField: 'nameDataQuality',
      valueField: record.firstName ? 'lastName' : 'firstName',
      label: 'name',
      whenFull: 'is required when nameDataQuality is 1 (full name reported); choose 2 for a partial name',
      whenPartial: 'give at least a first or last name',
    }),
    ...qualityIssues(ssnShape(record), record.ssnDataQuality, {
      qualityField: 'ssnDataQuality',
      valueField: 'ssn',
      label: 'SSN',
      whenFull:
        'must be all 9 digits when ssnDataQuality is 1 (full SSN reported); choose 2 for the last 4 only',
      whenPartial: 'give the last 4 digits',
    }),
    ...qualityIssues(dobShape(record), record.dobDataQuality, {
      qualityField: 'dobDataQuality',
      valueField: 'dob',
      label: 'date of birth',
      whenFull: 'is required when dobDataQuality is 1 (full DOB reported)',
      whenPartial: 'give an approximate date of birth',
    }),
  ]
  if (record.raceEthnicity.length === 0 && record.raceNone === null) {
    issues.push({
      path: ['raceEthnicity'],
      message: `is required: choose at least one, or say why it is missing (raceNone ${MISSING_CODES})`,
    })
  }
  if (record.raceEthnicity.length > 0 && record.raceNone !== null) {
    issues.push({ path: ['raceNone'], message: 'must be empty when a race or ethnicity is chosen' })
  }
  if (record.sex === null)
    issues.push({ path: ['sex'], message: `is required (${MISSING_CODES} when unknown)` })
  if (record.veteranDetails && record.veteranStatus !== VETERAN) {
    issues.push({ path: ['veteranDetails'], message: 'is recorded only for veterans (veteranStatus 1)' })
  }
  if (today) issues.push(...dateIssues(record, today))
  return issues
}

function dateIssues(record: ClientRecord, today: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (record.dob && record.dob > today) issues.push({ path: ['dob'], message: 'must not be in the future' })
  const isKnownMinor = record.dob !== null && record.dob <= today && ageOn(record.dob, today) < ADULT_AGE
  if (record.veteranStatus === null && !isKnownMinor) {
    issues.push({
      path: ['veteranStatus'],
      message: `is required for adults (${MISSING_CODES} when unknown)`,
    })
  }
  const thisYear = Number(today.slice(0, 4))
  for (const field of ['yearEnteredService', 'yearSeparated'] as const) {
    const value = record.veteranDetails?.[field]
    if (value != null && value > thisYear) {
      issues.push({ path: ['veteranDetails', field], message: 'must not be after this year' })
    }
  }
  return issues
}

/** Values that are allowed but often wrong: saved, and shown back to the user to double-check. */
export function clientRecordWarnings(record: ClientRecord, today: string): FieldWarning[] {
  const warnings: FieldWarning[] = []
  const suspicious = record.ssn ? suspiciousSsnReason(record.ssn) : undefined
  if (suspicious) warnings.push({ field: 'ssn', message: `The SSN ${suspicious}` })
  if (record.dob && record.dob <= today && ageOn(record.dob, today) > OLDEST_PLAUSIBLE_AGE) {
    warnings.push({
      field: 'dob',
      message: `The date of birth makes the client older than ${OLDEST_PLAUSIBLE_AGE}; check it`,
    })
  }
  return warnings
}

/** The record as history and audit trails show it: the SSN masked, the last-4 copy left out. */
export function maskedClientRecord(record: ClientRecord): Omit<ClientRecord, 'ssnLast4'> {
  const { ssnLast4, ...rest } = record
  return { ...rest, ssn: maskSsn(record.ssn ?? ssnLast4) }
}
