import { describe, expect, it } from 'vitest'
import {
  applyClientChanges,
  ClientPatch,
  type ClientRecord,
  clientRecordIssues,
  clientRecordWarnings,
  EMPTY_CLIENT_RECORD,
  maskedClientRecord,
  maskSsn,
  NewClient,
  REQUIRED_CLIENT_FIELDS,
  readSsn,
} from '../src/index'

const TODAY = '2026-03-10'

/** A complete, valid new client; each test changes what it is about. */
const valid = {
  firstName: 'Maria',
  lastName: 'Lopez',
  ssn: '219-09-9999',
  dob: '1990-04-02',
  sex: 0,
  raceEthnicity: ['HispanicLatinao'],
  veteranStatus: 0,
}

/** The problems NewClient reports, as { 'path': 'message' }. */
function problemsOf(input: Record<string, unknown>): Record<string, string> {
  const result = NewClient.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

/** The record a valid new client becomes. */
function recordOf(input: Record<string, unknown>): ClientRecord {
  const { aliases, duplicateOverride, ...fields } = NewClient.parse(input)
  return applyClientChanges(EMPTY_CLIENT_RECORD, fields)
}

describe('SSN (HUD 3.02)', () => {
  it('accepts a valid SSN with or without dashes and sets its data quality to full', () => {
    expect(problemsOf(valid)).toEqual({})
    const record = recordOf({ ...valid, ssn: '219099999' })
    expect(record).toMatchObject({ ssn: '219099999', ssnLast4: '9999', ssnDataQuality: 1 })
  })

  it.each([
    ['000-12-3456', 'cannot start with 000, 666 or 900–999 (no SSN is issued with that area number)'],
    ['666-12-3456', 'cannot start with 000, 666 or 900–999 (no SSN is issued with that area number)'],
    ['900-12-3456', 'cannot start with 000, 666 or 900–999 (no SSN is issued with that area number)'],
    ['987-65-4321', 'cannot start with 000, 666 or 900–999 (no SSN is issued with that area number)'],
    ['123-00-4567', 'cannot have 00 as its middle two digits'],
    ['123-45-0000', 'cannot end in 0000'],
    ['12345678', 'must be 9 digits, or the last 4 digits of a partial SSN'],
    ['12a-45-6789', 'must be 9 digits, or the last 4 digits of a partial SSN'],
    ['1x3-45-6789', 'a partial SSN is recorded as its last 4 digits (e.g. xxx-xx-1234)'],
  ])('refuses %s', (ssn, message) => {
    expect(problemsOf({ ...valid, ssn })).toEqual({ ssn: message })
  })

  it.each([
    ['123456789', 'The SSN is a run of sequential digits; check it is the real number'],
    ['111-11-1111', 'The SSN has the same digit nine times; check it is the real number'],
  ])('saves %s with a warning rather than blocking', (ssn, message) => {
    expect(problemsOf({ ...valid, ssn })).toEqual({})
    expect(clientRecordWarnings(recordOf({ ...valid, ssn }), TODAY)).toEqual([{ field: 'ssn', message }])
  })

  it('gives no warning for an ordinary SSN', () => {
    expect(clientRecordWarnings(recordOf(valid), TODAY)).toEqual([])
  })

  it('keeps only the last 4 digits of a partial SSN, with data quality 2', () => {
    expect(recordOf({ ...valid, ssn: '6789', ssnDataQuality: 2 })).toMatchObject({
      ssn: null,
      ssnLast4: '6789',
      ssnDataQuality: 2,
    })
    expect(recordOf({ ...valid, ssn: 'xxx-xx-6789' })).toMatchObject({ ssnLast4: '6789', ssnDataQuality: 2 })
    expect(readSsn('XXXXX6789')).toEqual({ kind: 'last4', digits: '6789' })
  })

  it('refuses the last 4 digits with data quality 1 (full)', () => {
    expect(problemsOf({ ...valid, ssn: '6789', ssnDataQuality: 1 })).toEqual({
      ssn: 'must be all 9 digits when ssnDataQuality is 1 (full SSN reported); choose 2 for the last 4 only',
    })
  })

  it('needs a reason when the SSN is missing, and refuses a reason when one was given', () => {
    expect(problemsOf({ ...valid, ssn: undefined })).toEqual({
      ssnDataQuality: 'is required: give the SSN, or say why it is missing (8, 9 or 99)',
    })
    expect(problemsOf({ ...valid, ssn: null, ssnDataQuality: 9 })).toEqual({})
    expect(problemsOf({ ...valid, ssnDataQuality: 8 })).toEqual({
      ssnDataQuality: 'says the SSN is missing (8), but one was given: choose 1 (full) or 2 (partial)',
    })
    expect(problemsOf({ ...valid, ssn: null, ssnDataQuality: 2 })).toEqual({
      ssn: 'give the last 4 digits, or choose 8, 9 or 99 for ssnDataQuality',
    })
    expect(problemsOf({ ...valid, ssn: null, ssnDataQuality: 1 })).toEqual({
      ssn: 'must be all 9 digits when ssnDataQuality is 1 (full SSN reported); choose 2 for the last 4 only',
    })
  })

  it('accepts an approximate full SSN (data quality 2)', () => {
    expect(recordOf({ ...valid, ssnDataQuality: 2 })).toMatchObject({ ssn: '219099999', ssnDataQuality: 2 })
  })

  it('masks to the last 4 digits', () => {
    expect(maskSsn('219099999')).toBe('***-**-9999')
    expect(maskSsn('6789')).toBe('***-**-6789')
    expect(maskSsn(null)).toBeNull()
    expect(maskedClientRecord(recordOf(valid))).toMatchObject({ ssn: '***-**-9999' })
    expect(maskedClientRecord(recordOf(valid))).not.toHaveProperty('ssnLast4')
  })
})

describe('date of birth (HUD 3.03)', () => {
  it('refuses a date that does not exist, a malformed one and one before 1900', () => {
    expect(problemsOf({ ...valid, dob: '2023-02-30' })).toEqual({ dob: 'is not a real calendar date' })
    expect(problemsOf({ ...valid, dob: '02/03/1990' })).toEqual({ dob: 'must be a date as YYYY-MM-DD' })
    expect(problemsOf({ ...valid, dob: '1890-06-01' })).toEqual({ dob: 'must not be before 1900' })
  })

  it('refuses a date of birth in the future (checked against today)', () => {
    const record = recordOf({ ...valid, dob: '2026-03-11' })
    expect(clientRecordIssues(record, TODAY)).toEqual([
      { path: ['dob'], message: 'must not be in the future' },
    ])
    expect(clientRecordIssues(recordOf({ ...valid, dob: TODAY }), TODAY)).toEqual([])
  })

  it('warns when the client would be over 105', () => {
    expect(clientRecordWarnings(recordOf({ ...valid, dob: '1920-03-10' }), TODAY)).toEqual([
      { field: 'dob', message: 'The date of birth makes the client older than 105; check it' },
    ])
    expect(clientRecordWarnings(recordOf({ ...valid, dob: '1920-03-11' }), TODAY)).toEqual([])
  })

  it('keeps the data quality consistent with whether a date was given', () => {
    expect(recordOf(valid).dobDataQuality).toBe(1)
    expect(recordOf({ ...valid, dobDataQuality: 2 }).dobDataQuality).toBe(2)
    expect(problemsOf({ ...valid, dob: null, dobDataQuality: 99 })).toEqual({})
    expect(problemsOf({ ...valid, dob: null })).toEqual({
      dobDataQuality: 'is required: give the date of birth, or say why it is missing (8, 9 or 99)',
    })
    expect(problemsOf({ ...valid, dobDataQuality: 9 })).toEqual({
      dobDataQuality:
        'says the date of birth is missing (9), but one was given: choose 1 (full) or 2 (partial)',
    })
    expect(problemsOf({ ...valid, dob: null, dobDataQuality: 1 })).toEqual({
      dob: 'is required when dobDataQuality is 1 (full DOB reported)',
    })
  })
})

describe('name (HUD 3.01)', () => {
  it('infers full or partial from the names given', () => {
    expect(recordOf(valid).nameDataQuality).toBe(1)
    expect(recordOf({ ...valid, lastName: undefined }).nameDataQuality).toBe(2)
    expect(recordOf({ ...valid, nameDataQuality: 2 }).nameDataQuality).toBe(2)
  })

  it('accepts a missing name only with a reason', () => {
    expect(problemsOf({ ...valid, firstName: null, lastName: null })).toEqual({
      nameDataQuality: 'is required: give the name, or say why it is missing (8, 9 or 99)',
    })
    expect(problemsOf({ ...valid, firstName: '', lastName: '  ', nameDataQuality: 9 })).toEqual({})
    expect(problemsOf({ ...valid, nameDataQuality: 8 })).toEqual({
      nameDataQuality: 'says the name is missing (8), but one was given: choose 1 (full) or 2 (partial)',
    })
    expect(problemsOf({ ...valid, lastName: null, nameDataQuality: 1 })).toEqual({
      lastName: 'is required when nameDataQuality is 1 (full name reported); choose 2 for a partial name',
    })
  })

  it('refuses huge names and NUL characters', () => {
    expect(problemsOf({ ...valid, firstName: 'A'.repeat(10_000) })).toEqual({
      firstName: 'must be at most 50 characters',
    })
    expect(problemsOf({ ...valid, lastName: 'Lo\u0000pez' })).toEqual({
      lastName: 'must not contain NUL characters',
    })
  })

  it('keeps accents and apostrophes', () => {
    expect(recordOf({ ...valid, firstName: 'José', lastName: "O'Brien-Nguyễn" })).toMatchObject({
      firstName: 'José',
      lastName: "O'Brien-Nguyễn",
    })
  })
})

describe('race and ethnicity, sex, veteran status', () => {
  it('needs at least one race column or a RaceNone reason, never both', () => {
    expect(problemsOf({ ...valid, raceEthnicity: [] })).toEqual({
      raceEthnicity: 'is required: choose at least one, or say why it is missing (raceNone 8, 9 or 99)',
    })
    expect(problemsOf({ ...valid, raceEthnicity: undefined, raceNone: 8 })).toEqual({})
    expect(problemsOf({ ...valid, raceNone: 99 })).toEqual({
      raceNone: 'must be empty when a race or ethnicity is chosen',
    })
    expect(problemsOf({ ...valid, raceEthnicity: ['Asian', 'Asian'] })).toEqual({
      raceEthnicity: 'must not list an option twice',
    })
    expect(Object.keys(problemsOf({ ...valid, raceEthnicity: ['Martian'] }))).toEqual(['raceEthnicity.0'])
    expect(problemsOf({ ...valid, raceNone: 7, raceEthnicity: undefined })).toEqual({
      raceNone: 'must be one of the HUD codes for RaceNone',
    })
  })

  it('needs sex (4.21), with 8/9/99 accepted', () => {
    expect(problemsOf({ ...valid, sex: undefined })).toEqual({ sex: 'is required (8, 9 or 99 when unknown)' })
    expect(problemsOf({ ...valid, sex: 99 })).toEqual({})
    expect(problemsOf({ ...valid, sex: 3 })).toEqual({ sex: 'must be one of the HUD codes for Sex' })
  })

  it('needs veteran status for adults and for unknown ages, not for a known minor', () => {
    const issue = { path: ['veteranStatus'], message: 'is required for adults (8, 9 or 99 when unknown)' }
    expect(clientRecordIssues(recordOf({ ...valid, veteranStatus: undefined }), TODAY)).toEqual([issue])
    expect(
      clientRecordIssues(
        recordOf({ ...valid, veteranStatus: undefined, dob: null, dobDataQuality: 8 }),
        TODAY,
      ),
    ).toEqual([issue])
    expect(
      clientRecordIssues(recordOf({ ...valid, veteranStatus: undefined, dob: '2015-01-01' }), TODAY),
    ).toEqual([])
    expect(clientRecordIssues(recordOf({ ...valid, veteranStatus: 99 }), TODAY)).toEqual([])
  })

  it('records V1 veteran details only for veterans, with years in order and not in the future', () => {
    const details = {
      yearEnteredService: 2004,
      yearSeparated: 2010,
      iraqOIF: 1,
      militaryBranch: 1,
      dischargeStatus: 1,
    }
    expect(problemsOf({ ...valid, veteranStatus: 1, veteranDetails: details })).toEqual({})
    expect(problemsOf({ ...valid, veteranStatus: 0, veteranDetails: details })).toEqual({
      veteranDetails: 'is recorded only for veterans (veteranStatus 1)',
    })
    expect(
      problemsOf({ ...valid, veteranStatus: 1, veteranDetails: { ...details, yearSeparated: 2001 } }),
    ).toEqual({
      'veteranDetails.yearSeparated': 'must not be before the year the client entered service',
    })
    expect(problemsOf({ ...valid, veteranStatus: 1, veteranDetails: { militaryBranch: 5 } })).toEqual({
      'veteranDetails.militaryBranch': 'must be one of the HUD codes for MilitaryBranch',
    })
    const future = recordOf({ ...valid, veteranStatus: 1, veteranDetails: { yearEnteredService: 2027 } })
    expect(clientRecordIssues(future, TODAY)).toEqual([
      { path: ['veteranDetails', 'yearEnteredService'], message: 'must not be after this year' },
    ])
  })
})

describe('contact, aliases and unknown fields', () => {
  it('accepts phones, email and an address, or no fixed address', () => {
    const contact = {
      phones: [{ number: '(404) 555-0100 ext 12', type: 'mobile', safeToLeaveMessage: false }],
      email: 'maria@example.org',
      address: { line1: '1 Peachtree St', city: 'Atlanta', state: 'ga', zip: '30303' },
      preferredContactMethod: 'text',
      safetyNotes: 'Do not call after 6pm',
    }
    expect(recordOf({ ...valid, contact }).contact.address?.state).toBe('GA')
    expect(problemsOf({ ...valid, contact: { noFixedAddress: true } })).toEqual({})
  })

  it('names the contact field that is wrong', () => {
    expect(
      problemsOf({
        ...valid,
        contact: {
          phones: [{ number: '555', type: 'mobile', safeToLeaveMessage: true }],
          email: 'not-an-email',
          address: { zip: '3030' },
        },
      }),
    ).toEqual({
      'contact.phones.0.number': 'must have 7 to 15 digits',
      'contact.email': 'must be an email address',
      'contact.address.zip': 'must be a ZIP code (12345 or 12345-6789)',
    })
    expect(problemsOf({ ...valid, contact: { noFixedAddress: true, address: { city: 'Atlanta' } } })).toEqual(
      {
        'contact.address': 'leave the address empty when the client has no fixed address',
      },
    )
  })

  it('takes aliases that have a name', () => {
    expect(problemsOf({ ...valid, aliases: [{ kind: 'former_name', lastName: 'Garcia' }] })).toEqual({})
    expect(problemsOf({ ...valid, aliases: [{ kind: 'alias' }] })).toEqual({
      'aliases.0.lastName': 'give a first or last name',
    })
  })

  it('refuses fields it does not know, such as an owner chosen by the caller', () => {
    const result = NewClient.safeParse({
      ...valid,
      ownerOrganizationId: '7e0b5c1e-0000-4000-8000-000000000000',
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['ownerOrganizationId'],
    })
    expect(ClientPatch.safeParse({ version: 1, clientNumber: 5 }).success).toBe(false)
    expect(ClientPatch.safeParse({ firstName: 'Ana' }).success).toBe(false)
  })

  it('lists the required fields for the form', () => {
    expect(REQUIRED_CLIENT_FIELDS).toEqual([
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
    ])
  })
})

describe('applying a patch to a stored record', () => {
  const stored = recordOf({
    ...valid,
    ssnDataQuality: 2,
    veteranStatus: 1,
    veteranDetails: { militaryBranch: 1 },
  })

  it('keeps a data quality that still fits and re-infers one that no longer does', () => {
    expect(applyClientChanges(stored, { ssn: '219-09-9998' }).ssnDataQuality).toBe(2)
    expect(applyClientChanges(stored, { ssn: '9998' }).ssnDataQuality).toBe(2)
    const unknownSsn = applyClientChanges(stored, { ssn: null, ssnDataQuality: 8 })
    expect(applyClientChanges(unknownSsn, { ssn: '219-09-9998' }).ssnDataQuality).toBe(1)
  })

  it('does not invent a reason when a value is cleared', () => {
    const cleared = applyClientChanges(stored, { dob: null })
    expect(clientRecordIssues(cleared)).toEqual([
      { path: ['dob'], message: 'is required when dobDataQuality is 1 (full DOB reported)' },
    ])
  })

  it('clears what no longer applies: veteran details of a non-veteran, RaceNone once a race is chosen', () => {
    expect(applyClientChanges(stored, { veteranStatus: 0 }).veteranDetails).toBeNull()
    const noRace = applyClientChanges(stored, { raceNone: 9 })
    expect(noRace).toMatchObject({ raceEthnicity: [], raceNone: 9 })
    expect(applyClientChanges(noRace, { raceEthnicity: ['White'] })).toMatchObject({
      raceEthnicity: ['White'],
      raceNone: null,
    })
  })

  it('leaves fields the patch does not mention alone', () => {
    const patched = applyClientChanges(stored, { middleName: 'Ana' })
    expect(patched).toEqual({ ...stored, middleName: 'Ana' })
  })
})
