import {
  type ALIAS_KINDS,
  applyClientChanges,
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  type Client,
  ClientFields,
  type ClientFieldsInput,
  type ClientRecord,
  type CONTACT_METHODS,
  clientRecordIssues,
  clientRecordWarnings,
  DATA_NOT_COLLECTED,
  EMPTY_CLIENT_RECORD,
  NewClientAlias,
  type PHONE_TYPES,
  type Restriction,
  readSsn,
} from '@threshold/core'

// The intake form's values (text boxes hold strings, selects hold code strings) and their translation to
// and from the API's client fields. The form checks itself with the same rules the server runs (core's
// ClientFields schema and clientRecordIssues), so most mistakes show before anything is sent.

export interface PhoneValues {
  number: string
  type: (typeof PHONE_TYPES)[number]
  safeToLeaveMessage: boolean
}

type ContactMethod = (typeof CONTACT_METHODS)[number]

export interface AliasValues {
  kind: (typeof ALIAS_KINDS)[number]
  firstName: string
  lastName: string
}

export const VETERAN_THEATERS = [
  'worldWarII',
  'koreanWar',
  'vietnamWar',
  'desertStorm',
  'afghanistanOEF',
  'iraqOIF',
  'iraqOND',
  'otherTheater',
] as const
export type VeteranTheater = (typeof VETERAN_THEATERS)[number]

export interface ClientFormValues {
  firstName: string
  middleName: string
  lastName: string
  nameSuffix: string
  nameDataQuality: string | null
  /** Typed SSN; on an existing record empty means "keep the one on file". */
  ssn: string
  ssnDataQuality: string | null
  dob: string
  dobDataQuality: string | null
  /** New clients only: an existing record's names are added and removed one at a time. */
  aliases: AliasValues[]
  raceEthnicity: string[]
  raceNone: string | null
  additionalRaceEthnicity: string
  sex: string | null
  genderIdentity: string
  veteranStatus: string | null
  veteranDetails: Record<VeteranTheater | 'militaryBranch' | 'dischargeStatus', string | null> & {
    yearEnteredService: string | number
    yearSeparated: string | number
  }
  contact: {
    phones: PhoneValues[]
    email: string
    noFixedAddress: boolean
    address: { line1: string; line2: string; city: string; state: string; zip: string }
    preferredContactMethod: string | null
    preferredContactTimes: string
    safetyNotes: string
  }
  maritalStatus: string | null
  childrenCount: string | number
  restriction: Restriction
}

const EMPTY_VETERAN_DETAILS: ClientFormValues['veteranDetails'] = {
  yearEnteredService: '',
  yearSeparated: '',
  worldWarII: null,
  koreanWar: null,
  vietnamWar: null,
  desertStorm: null,
  afghanistanOEF: null,
  iraqOIF: null,
  iraqOND: null,
  otherTheater: null,
  militaryBranch: null,
  dischargeStatus: null,
}

export const EMPTY_CLIENT_FORM: ClientFormValues = {
  firstName: '',
  middleName: '',
  lastName: '',
  nameSuffix: '',
  nameDataQuality: null,
  ssn: '',
  ssnDataQuality: null,
  dob: '',
  dobDataQuality: null,
  aliases: [],
  raceEthnicity: [],
  raceNone: null,
  additionalRaceEthnicity: '',
  sex: null,
  genderIdentity: '',
  veteranStatus: null,
  veteranDetails: EMPTY_VETERAN_DETAILS,
  contact: {
    phones: [],
    email: '',
    noFixedAddress: false,
    address: { line1: '', line2: '', city: '', state: '', zip: '' },
    preferredContactMethod: null,
    preferredContactTimes: '',
    safetyNotes: '',
  },
  maritalStatus: null,
  childrenCount: '',
  restriction: 'open',
}

export const VETERAN_YES = '1'
const FULL = '1'
const PARTIAL = '2'
const REASONS_MISSING = [CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED].map(String)

const text = (value: string) => value.trim() || null
const code = <T>(value: string | null): T | null =>
  value === null || value === '' ? null : (Number(value) as T)
const codeString = (value: number | null | undefined) => (value == null ? null : String(value))
const numberOrNull = (value: string | number) =>
  value === '' || value === null || Number.isNaN(Number(value)) ? null : Number(value)

function veteranDetailsOf(values: ClientFormValues): ClientFieldsInput['veteranDetails'] {
  if (values.veteranStatus !== VETERAN_YES) return null
  const details = values.veteranDetails
  const result = {
    yearEnteredService: numberOrNull(details.yearEnteredService),
    yearSeparated: numberOrNull(details.yearSeparated),
    militaryBranch: code(details.militaryBranch),
    dischargeStatus: code(details.dischargeStatus),
    ...Object.fromEntries(VETERAN_THEATERS.map((theater) => [theater, code(details[theater])])),
  }
  return Object.values(result).some((value) => value !== null)
    ? (result as NonNullable<ClientFieldsInput['veteranDetails']>)
    : null
}

function contactOf(values: ClientFormValues): NonNullable<ClientFieldsInput['contact']> {
  const { contact } = values
  const address = {
    line1: text(contact.address.line1),
    line2: text(contact.address.line2),
    city: text(contact.address.city),
    state: text(contact.address.state),
    zip: text(contact.address.zip),
  }
  const hasAddress = Object.values(address).some((value) => value !== null)
  return {
    phones: contact.phones
      .filter((phone) => phone.number.trim())
      .map((phone) => ({ ...phone, number: phone.number.trim() })),
    email: text(contact.email),
    noFixedAddress: contact.noFixedAddress,
    address: contact.noFixedAddress || !hasAddress ? null : address,
    preferredContactMethod: (contact.preferredContactMethod as ContactMethod | null) ?? null,
    preferredContactTimes: text(contact.preferredContactTimes),
    safetyNotes: text(contact.safetyNotes),
  }
}

/**
 * Every client field as the API takes it. The data-quality answers and sex are left out rather than
 * sent empty: the API then works them out from the value (a full SSN → "Full SSN reported").
 */
export function toClientFields(values: ClientFormValues): ClientFieldsInput {
  const omitEmpty = <T>(value: T | null) => value ?? undefined
  return {
    firstName: text(values.firstName),
    middleName: text(values.middleName),
    lastName: text(values.lastName),
    nameSuffix: text(values.nameSuffix),
    nameDataQuality: omitEmpty(code(values.nameDataQuality)),
    ssn: text(values.ssn),
    ssnDataQuality: omitEmpty(code(values.ssnDataQuality)),
    dob: text(values.dob),
    dobDataQuality: omitEmpty(code(values.dobDataQuality)),
    raceEthnicity: values.raceEthnicity as ClientFieldsInput['raceEthnicity'],
    raceNone: code(values.raceNone),
    additionalRaceEthnicity: text(values.additionalRaceEthnicity),
    sex: omitEmpty(code(values.sex)),
    genderIdentity: text(values.genderIdentity),
    veteranStatus: code(values.veteranStatus),
    veteranDetails: veteranDetailsOf(values),
    contact: contactOf(values),
    maritalStatus: (values.maritalStatus as ClientFieldsInput['maritalStatus']) ?? null,
    childrenCount: numberOrNull(values.childrenCount),
    restriction: values.restriction,
  }
}

export function toNewAliases(values: ClientFormValues) {
  return values.aliases
    .filter((alias) => alias.firstName.trim() || alias.lastName.trim())
    .map((alias) => ({ kind: alias.kind, firstName: text(alias.firstName), lastName: text(alias.lastName) }))
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The fields an edit changes, compared with the values the editor started from. The SSN box starts
 * empty (the number on file never reaches the browser): typing replaces it, and choosing a "missing"
 * answer with the box empty removes it.
 */
export function changedClientFields(
  initial: ClientFormValues,
  values: ClientFormValues,
  hasSsnOnFile: boolean,
): ClientFieldsInput {
  const before = toClientFields(initial)
  const after = toClientFields(values)
  const changes: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof ClientFieldsInput)[]) {
    if (key === 'ssn') continue
    if (!sameJson(before[key], after[key])) changes[key] = after[key] ?? null
  }
  if (after.ssn) changes.ssn = after.ssn
  else if (hasSsnOnFile && values.ssnDataQuality && REASONS_MISSING.includes(values.ssnDataQuality)) {
    changes.ssn = null
  }
  // A data-quality answer travels with its value, so the server checks the pair together.
  if ('ssn' in changes && after.ssnDataQuality !== undefined) changes.ssnDataQuality = after.ssnDataQuality
  return changes as ClientFieldsInput
}

/** The form's starting values for an existing record. */
export function fromClient(client: Client): ClientFormValues {
  const details = client.veteranDetails
  const address = client.contact.address
  return {
    firstName: client.firstName ?? '',
    middleName: client.middleName ?? '',
    lastName: client.lastName ?? '',
    nameSuffix: client.nameSuffix ?? '',
    nameDataQuality: codeString(client.nameDataQuality),
    ssn: '',
    ssnDataQuality: codeString(client.ssnDataQuality),
    dob: client.dob ?? '',
    dobDataQuality: codeString(client.dobDataQuality),
    aliases: [],
    raceEthnicity: [...client.raceEthnicity],
    raceNone: codeString(client.raceNone),
    additionalRaceEthnicity: client.additionalRaceEthnicity ?? '',
    sex: codeString(client.sex),
    genderIdentity: client.genderIdentity ?? '',
    veteranStatus: codeString(client.veteranStatus),
    veteranDetails: {
      yearEnteredService: details?.yearEnteredService ?? '',
      yearSeparated: details?.yearSeparated ?? '',
      militaryBranch: codeString(details?.militaryBranch),
      dischargeStatus: codeString(details?.dischargeStatus),
      ...(Object.fromEntries(
        VETERAN_THEATERS.map((theater) => [theater, codeString(details?.[theater])]),
      ) as Record<VeteranTheater, string | null>),
    },
    contact: {
      phones: (client.contact.phones ?? []).map((phone) => ({ ...phone })),
      email: client.contact.email ?? '',
      noFixedAddress: client.contact.noFixedAddress ?? false,
      address: {
        line1: address?.line1 ?? '',
        line2: address?.line2 ?? '',
        city: address?.city ?? '',
        state: address?.state ?? '',
        zip: address?.zip ?? '',
      },
      preferredContactMethod: client.contact.preferredContactMethod ?? null,
      preferredContactTimes: client.contact.preferredContactTimes ?? '',
      safetyNotes: client.contact.safetyNotes ?? '',
    },
    maritalStatus: client.maritalStatus,
    childrenCount: client.childrenCount ?? '',
    restriction: client.restriction,
  }
}

/**
 * The record as stored, for checking an edit with core's rules. Only the last 4 digits of the SSN reach
 * the browser; the rules look at its shape alone (full or partial), so a full SSN on file is stood in for
 * by nine digits ending in those 4.
 */
export function recordOfClient(client: Client): ClientRecord {
  const last4 = client.ssn ? client.ssn.slice(-4) : null
  return {
    ...EMPTY_CLIENT_RECORD,
    ...toClientFields(fromClient(client)),
    nameDataQuality: client.nameDataQuality,
    ssnDataQuality: client.ssnDataQuality,
    dobDataQuality: client.dobDataQuality,
    sex: client.sex,
    ssn: last4 && client.ssnDataQuality === Number(FULL) ? `00000${last4}` : null,
    ssnLast4: last4,
  } as ClientRecord
}

export type FormErrors = Record<string, string>

/** An edit: the values the editor started from, and the record as the server holds it now. */
export interface ClientEdit {
  baseline: ClientFormValues
  client: Client
}

/**
 * The form's problems by field path, as the server would report them: each field's own rules, then the
 * rules across fields (a value against its data-quality answer, required elements, dates) on the record
 * as it would be saved.
 */
export function clientFormErrors(
  values: ClientFormValues,
  { edit, today }: { edit?: ClientEdit; today: string },
): FormErrors {
  const errors: FormErrors = {}
  const fields = edit
    ? changedClientFields(edit.baseline, values, Boolean(edit.client.ssn))
    : toClientFields(values)
  const parsed = ClientFields.safeParse(fields)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      errors[path] ??= issue.message
    }
  }
  const base = edit ? recordOfClient(edit.client) : EMPTY_CLIENT_RECORD
  const record = applyClientChanges(base, (parsed.success ? parsed.data : fields) as ClientFieldsInput)
  for (const issue of clientRecordIssues(record, today)) {
    const path = issue.path.join('.')
    if (!errors[path]) errors[path] = issue.message
  }
  if (!edit) {
    values.aliases.forEach((alias, index) => {
      if (!alias.firstName.trim() && !alias.lastName.trim()) return
      const result = NewClientAlias.safeParse({
        kind: alias.kind,
        firstName: text(alias.firstName),
        lastName: text(alias.lastName),
      })
      for (const issue of result.error?.issues ?? []) {
        errors[`aliases.${index}.${issue.path.join('.') || 'lastName'}`] ??= issue.message
      }
    })
  }
  return errors
}

/** Values worth a second look (SSN of repeated digits, age over 105): shown, never blocking. */
export function clientFormWarnings(values: ClientFormValues, today: string): Record<string, string> {
  const fields = toClientFields(values)
  const ssn = fields.ssn ? readSsn(fields.ssn) : null
  const record: ClientRecord = {
    ...EMPTY_CLIENT_RECORD,
    ssn: ssn?.kind === 'full' ? ssn.digits : null,
    dob: fields.dob && /^\d{4}-\d{2}-\d{2}$/.test(fields.dob) ? fields.dob : null,
  }
  return Object.fromEntries(
    clientRecordWarnings(record, today).map((warning) => [warning.field, warning.message]),
  )
}

export const QUALITY_FIELDS = ['nameDataQuality', 'ssnDataQuality', 'dobDataQuality'] as const
export type QualityField = (typeof QUALITY_FIELDS)[number]

/**
 * The data-quality answer each typed value implies (as ClientTrack fills it in): a full name or SSN or a
 * DOB is "full", a first or last name alone or the last 4 of an SSN "partial", nothing typed no answer.
 */
export function impliedQualities(values: ClientFormValues): Record<QualityField, string | null> {
  const first = values.firstName.trim()
  const last = values.lastName.trim()
  const ssn = values.ssn.trim() ? readSsn(values.ssn) : null
  return {
    nameDataQuality: first && last ? FULL : first || last ? PARTIAL : null,
    ssnDataQuality: ssn?.kind === 'full' ? FULL : ssn?.kind === 'last4' ? PARTIAL : null,
    dobDataQuality: /^\d{4}-\d{2}-\d{2}$/.test(values.dob) ? FULL : null,
  }
}
