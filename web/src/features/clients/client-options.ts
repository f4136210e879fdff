import {
  type ALIAS_KINDS,
  type CONTACT_METHODS,
  HUD_LISTS,
  type HudList,
  hudLabel,
  type MARITAL_STATUSES,
  type PHONE_TYPES,
  RACE_ETHNICITY_COLUMNS,
  RACE_ETHNICITY_LABELS,
  type Restriction,
} from '@threshold/core'

// The answers the client forms offer, with HUD's own labels where HUD defines the list, and the words
// the read-only views show for the same codes.

export interface Option {
  value: string
  label: string
}

/** A HUD list as Select options; the 8/9/99 answers come with the list, so they are always offered. */
export function hudOptions(list: HudList): Option[] {
  const entries = typeof list === 'string' ? HUD_LISTS[list].entries : list.entries
  return entries.map((entry) => ({ value: String(entry.code), label: entry.label }))
}

/** HUD's label for a stored code, or a dash when there is none. */
export function codeLabel(list: HudList, code: number | null | undefined): string {
  return hudLabel(list, code) ?? (code == null ? '—' : `Code ${code}`)
}

export const NAME_QUALITY_LIST = '3.01.5'
export const SSN_QUALITY_LIST = '3.02.2'
export const DOB_QUALITY_LIST = '3.03.2'
export const SEX_LIST = '4.21'
export const NO_YES_MISSING_LIST = '1.8'
export const RACE_NONE_LIST = '1.6'

export const RACE_ETHNICITY_OPTIONS: Option[] = RACE_ETHNICITY_COLUMNS.map((column) => ({
  value: column,
  label: RACE_ETHNICITY_LABELS[column],
}))

export const PHONE_TYPE_LABELS: Record<(typeof PHONE_TYPES)[number], string> = {
  mobile: 'Mobile',
  home: 'Home',
  work: 'Work',
  shelter: 'Shelter or program',
  other: 'Other',
}

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  mail: 'Mail',
  in_person: 'In person',
  through_agency: 'Through an agency or shelter',
}

export const MARITAL_STATUS_LABELS: Record<(typeof MARITAL_STATUSES)[number], string> = {
  single: 'Single',
  married: 'Married',
  domestic_partnership: 'Domestic partnership',
  separated: 'Separated',
  divorced: 'Divorced',
  widowed: 'Widowed',
}

export const ALIAS_KIND_LABELS: Record<(typeof ALIAS_KINDS)[number], string> = {
  alias: 'Alias or street name',
  former_name: 'Former name',
}

export const RESTRICTION_LABELS: Record<Restriction, string> = {
  open: 'Open',
  restricted: 'Restricted',
  confidential: 'Confidential',
}

/** What each restriction means for the people at other agencies, in the words the form shows. */
export const RESTRICTION_EXPLANATIONS: Record<Restriction, string> = {
  open:
    'Coordinated Entry staff can find and open the record. Other agencies see it once the client signs a release ' +
    'for the whole CoC or for their agency.',
  restricted:
    'Coordinated Entry staff can still find and open the record. Other agencies see it only through a release ' +
    'that names them; CoC-wide releases do not count.',
  confidential:
    'Only your agency can find or open the record — not Coordinated Entry, not administrators. For survivors of ' +
    'domestic violence and anyone whose safety depends on not being found.',
}

export const RESTRICTION_COLORS: Record<Restriction, string> = {
  open: 'gray',
  restricted: 'orange',
  confidential: 'red',
}

export const labelledOptions = <Key extends string>(labels: Record<Key, string>): Option[] =>
  Object.entries<string>(labels).map(([value, label]) => ({ value, label }))
