import {
  type HudList,
  RACE_ETHNICITY_LABELS,
  type RaceEthnicityColumn,
  type Restriction,
} from '@threshold/core'
import { formatDate } from '../../components/format'
import {
  codeLabel,
  DOB_QUALITY_LIST,
  MARITAL_STATUS_LABELS,
  NAME_QUALITY_LIST,
  NO_YES_MISSING_LIST,
  RACE_NONE_LIST,
  RESTRICTION_LABELS,
  SEX_LIST,
  SSN_QUALITY_LIST,
} from './client-options'

// How the record's history (and the "someone else changed it" notice) names fields and shows values.

export const CLIENT_FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  nameSuffix: 'Suffix',
  nameDataQuality: 'Name data quality',
  ssn: 'SSN',
  ssnDataQuality: 'SSN data quality',
  dob: 'Date of birth',
  dobDataQuality: 'DOB data quality',
  sex: 'Sex',
  raceEthnicity: 'Race and ethnicity',
  raceNone: 'Race and ethnicity not answered',
  additionalRaceEthnicity: 'Additional race and ethnicity detail',
  genderIdentity: 'Gender identity',
  veteranStatus: 'Veteran status',
  veteranDetails: 'Veteran’s information',
  contact: 'Contact information',
  maritalStatus: 'Marital status',
  childrenCount: 'Number of children',
  restriction: 'Record restriction',
  aliases: 'Aliases and former names',
}

export const VERSION_ACTION_LABELS: Record<string, string> = {
  created: 'Created the record',
  updated: 'Changed the record',
  alias_added: 'Added a name',
  alias_removed: 'Removed a name',
  merged: 'Merged a duplicate record into this one',
  merged_into: 'Merged into another record',
  split: 'Undid a merge',
}

const CODED_FIELDS: Record<string, HudList> = {
  nameDataQuality: NAME_QUALITY_LIST,
  ssnDataQuality: SSN_QUALITY_LIST,
  dobDataQuality: DOB_QUALITY_LIST,
  sex: SEX_LIST,
  veteranStatus: NO_YES_MISSING_LIST,
  raceNone: RACE_NONE_LIST,
}

const humanize = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase()

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join('; ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => [key, describe(inner)] as const)
      .filter(([, inner]) => inner)
      .map(([key, inner]) => `${humanize(key)}: ${inner}`)
      .join(', ')
  }
  return String(value)
}

/** A value of a client field as a person reads it; SSNs arrive already masked. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '—'
  const list = CODED_FIELDS[field]
  if (list && typeof value === 'number') return codeLabel(list, value)
  if (field === 'dob' && typeof value === 'string') return formatDate(value)
  if (field === 'raceEthnicity' && Array.isArray(value)) {
    return value.map((column) => RACE_ETHNICITY_LABELS[column as RaceEthnicityColumn] ?? column).join('; ')
  }
  if (field === 'restriction') return RESTRICTION_LABELS[value as Restriction] ?? String(value)
  if (field === 'maritalStatus') return MARITAL_STATUS_LABELS[value as keyof typeof MARITAL_STATUS_LABELS]
  if (field === 'aliases' && Array.isArray(value)) {
    return value
      .map((alias: { firstName?: string | null; lastName?: string | null }) =>
        [alias.firstName, alias.lastName].filter(Boolean).join(' '),
      )
      .join('; ')
  }
  return describe(value) || '—'
}

export const fieldLabel = (field: string) => CLIENT_FIELD_LABELS[field] ?? humanize(field)
