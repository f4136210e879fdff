import { readSsn } from '../clients/ssn'
import { isRealDate } from './dob'
import { parseSuffix } from './suffix'

// The free-text Find Client box: "smith john 3/14/1985 6789". Each token is read by its shape: a date is
// the DOB, nine digits (or 123-45-6789) an SSN, four digits the SSN's last 4, six or more digits a Client
// ID, and everything else a name. Names carry no order in a search box, so both readings are tried.

export interface NameReadingOfText {
  firstName?: string
  lastName?: string
  nameSuffix?: string
}

export interface ParsedSearchText {
  dob?: string
  ssn?: string
  ssnLast4?: string
  clientNumber?: number
  /** One or two ways to read the name words (first/last, and the other way round). */
  names: NameReadingOfText[]
  /** Tokens that look like a number or date but are none of the above; worded for the person typing. */
  problems: string[]
}

const US_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const pad = (value: string) => value.padStart(2, '0')

/** A date token as YYYY-MM-DD: 2024-03-14, 03/14/2024 or 3-14-2024 (US order). */
export function parseDateToken(token: string): string | null | 'invalid' {
  const iso = ISO_DATE.exec(token)
  const us = US_DATE.exec(token)
  const parts: [string, string, string] | null = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : us
      ? [us[3]!, us[1]!, us[2]!]
      : null
  if (!parts) return null
  const [year, month, day] = parts
  if (Number(year) < 1900 || !isRealDate(Number(year), Number(month), Number(day))) return 'invalid'
  return `${year}-${pad(month)}-${pad(day)}`
}

export function parseSearchText(text: string): ParsedSearchText {
  const parsed: ParsedSearchText = { names: [], problems: [] }
  // A comma says which words are the last name: "Smith, John".
  const [beforeComma, ...afterComma] = text.split(',')
  const lastNameWords: string[] = []
  const otherWords: string[] = []
  let suffix: string | undefined
  const read = (token: string, isLastName: boolean) => {
    const date = parseDateToken(token)
    if (date === 'invalid') parsed.problems.push(`"${token}" is not a real date`)
    else if (date) parsed.dob = date
    else if (readSsn(token).kind === 'full') parsed.ssn = token.replace(/\D/g, '')
    else if (readSsn(token).kind === 'last4') parsed.ssnLast4 = token.slice(-4)
    else if (/^\d{6,}$/.test(token)) {
      if (token.length > 15) parsed.problems.push(`"${token.slice(0, 20)}" is too long for a Client ID`)
      else parsed.clientNumber = Number(token)
    } else if (/^[\d/-]+$/.test(token)) {
      parsed.problems.push(`"${token}" is not a date, an SSN, the last 4 of an SSN or a Client ID`)
    } else if (parseSuffix(token)) suffix = token
    else (isLastName ? lastNameWords : otherWords).push(token)
  }
  const tokensOf = (part: string | undefined) => (part ?? '').split(/\s+/).filter(Boolean)
  if (afterComma.length > 0) {
    for (const token of tokensOf(beforeComma)) read(token, true)
    for (const token of tokensOf(afterComma.join(' '))) read(token, false)
  } else {
    for (const token of tokensOf(beforeComma)) read(token, false)
  }
  parsed.names = nameReadings(lastNameWords, otherWords, afterComma.length > 0).map((reading) =>
    suffix ? { ...reading, nameSuffix: suffix } : reading,
  )
  return parsed
}

function nameReadings(
  lastNameWords: string[],
  otherWords: string[],
  commaGiven: boolean,
): NameReadingOfText[] {
  if (commaGiven) {
    const reading: NameReadingOfText = {}
    if (lastNameWords.length > 0) reading.lastName = lastNameWords.join(' ')
    if (otherWords.length > 0) reading.firstName = otherWords[0]
    return reading.firstName || reading.lastName ? [reading] : []
  }
  if (otherWords.length === 0) return []
  if (otherWords.length === 1) return [{ lastName: otherWords[0]! }, { firstName: otherWords[0]! }]
  return [
    { firstName: otherWords[0]!, lastName: otherWords.slice(1).join(' ') },
    { firstName: otherWords[otherWords.length - 1]!, lastName: otherWords.slice(0, -1).join(' ') },
  ]
}
