import type { MergeFieldGroup } from '@threshold/core'
import type { ClientTable } from '../clients/client.tables'

type ClientColumn = keyof ClientTable

/** The client columns each merge group takes as a whole (a name with its data quality, never half of it). */
export const MERGE_GROUP_COLUMNS: Record<MergeFieldGroup, readonly ClientColumn[]> = {
  name: ['first_name', 'middle_name', 'last_name', 'name_suffix', 'name_data_quality'],
  ssn: ['ssn', 'ssn_last4', 'ssn_data_quality'],
  dob: ['dob', 'dob_data_quality'],
  raceEthnicity: ['race_ethnicity', 'race_none', 'additional_race_ethnicity'],
  sex: ['sex'],
  genderIdentity: ['gender_identity'],
  veteran: ['veteran_status', 'veteran_details'],
  contact: ['contact'],
  family: ['marital_status', 'children_count'],
}

export const MERGE_COLUMNS = Object.values(MERGE_GROUP_COLUMNS).flat()

const RESTRICTION_ORDER = ['open', 'restricted', 'confidential'] as const

/** A merged record keeps the most protective restriction of the two: nobody loses protection by a merge. */
export function strictestRestriction(
  a: (typeof RESTRICTION_ORDER)[number],
  b: (typeof RESTRICTION_ORDER)[number],
): (typeof RESTRICTION_ORDER)[number] {
  return RESTRICTION_ORDER[Math.max(RESTRICTION_ORDER.indexOf(a), RESTRICTION_ORDER.indexOf(b))]!
}

const toCamel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())

/** A group's values for the comparison screen: camelCase names, the SSN shown as its last 4 only. */
export function displayGroup(row: Record<string, unknown>, group: MergeFieldGroup): Record<string, unknown> {
  const shown: Record<string, unknown> = {}
  for (const column of MERGE_GROUP_COLUMNS[group]) {
    if (column === 'ssn') continue
    shown[toCamel(column)] = row[column] ?? null
  }
  return shown
}

/** Values compare as JSON so arrays and objects (race list, contact) compare by content. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
