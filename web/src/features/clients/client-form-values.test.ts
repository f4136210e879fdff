import type { Client } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import {
  type ClientFormValues,
  changedClientFields,
  clientFormErrors,
  clientFormWarnings,
  EMPTY_CLIENT_FORM,
  fromClient,
  impliedQualities,
  toClientFields,
} from './client-form-values'
import { prefillFromSearch } from './client-handoffs'

const TODAY = '2026-06-01'

/** A complete adult intake: every required element answered. */
const complete: ClientFormValues = {
  ...EMPTY_CLIENT_FORM,
  firstName: 'Ana',
  lastName: 'Reyes',
  ssn: '518-42-7731',
  dob: '1990-02-03',
  raceEthnicity: ['HispanicLatinao'],
  sex: '0',
  veteranStatus: '0',
}

/** A record as the API answers it: the SSN masked, everything else as stored. */
const stored: Client = {
  id: '00000000-0000-4000-8000-000000000001',
  clientNumber: 100001,
  cocId: 'coc',
  ownerOrganizationId: 'org',
  ownerOrganizationName: 'North Fulton Access Center',
  restriction: 'open',
  firstName: 'Ana',
  middleName: null,
  lastName: 'Reyes',
  nameSuffix: null,
  nameDataQuality: 1,
  ssn: '***-**-7731',
  ssnDataQuality: 1,
  dob: '1990-02-03',
  dobDataQuality: 1,
  sex: 0,
  raceEthnicity: ['HispanicLatinao'],
  raceNone: null,
  additionalRaceEthnicity: null,
  genderIdentity: null,
  veteranStatus: 0,
  veteranDetails: null,
  contact: { phones: [{ number: '404-555-0100', type: 'mobile', safeToLeaveMessage: true }] },
  maritalStatus: null,
  childrenCount: null,
  aliases: [],
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  referralsViewableByOtherAgencies: false,
  canEdit: true,
  canChangeRestriction: true,
  canReadFullSsn: true,
}

describe('the intake form and the API fields', () => {
  it('leaves unanswered data-quality answers out, so the API works them out from the value', () => {
    const fields = toClientFields(complete)
    expect(fields.nameDataQuality).toBeUndefined()
    expect(fields.ssnDataQuality).toBeUndefined()
    expect(fields.sex).toBe(0)
    expect(clientFormErrors(complete, { today: TODAY })).toEqual({})
  })

  it('sends veteran details only for a veteran, and no address for no fixed address', () => {
    const values: ClientFormValues = {
      ...complete,
      veteranDetails: { ...complete.veteranDetails, militaryBranch: '1' },
      contact: {
        ...complete.contact,
        noFixedAddress: true,
        address: { line1: '12 Peach St', line2: '', city: 'Atlanta', state: 'GA', zip: '' },
        phones: [{ number: '  ', type: 'mobile', safeToLeaveMessage: false }],
      },
    }
    expect(toClientFields(values).veteranDetails).toBeNull()
    expect(toClientFields({ ...values, veteranStatus: '1' }).veteranDetails).toMatchObject({
      militaryBranch: 1,
    })
    expect(toClientFields(values).contact).toMatchObject({ noFixedAddress: true, address: null, phones: [] })
  })

  it('names each missing required element under its field, with the same rules as the server', () => {
    const errors = clientFormErrors(EMPTY_CLIENT_FORM, { today: TODAY })
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['nameDataQuality', 'ssnDataQuality', 'dobDataQuality', 'raceEthnicity', 'sex']),
    )
  })

  it('accepts the last 4 digits of an SSN only as a partial SSN', () => {
    expect(clientFormErrors({ ...complete, ssn: '7731', ssnDataQuality: '1' }, { today: TODAY }).ssn).toMatch(
      /all 9 digits/,
    )
    expect(clientFormErrors({ ...complete, ssn: '7731', ssnDataQuality: '2' }, { today: TODAY })).toEqual({})
    expect(clientFormErrors({ ...complete, ssn: '000-12-3456' }, { today: TODAY }).ssn).toMatch(/000/)
  })

  it('warns about a suspicious SSN and an implausible age without refusing them', () => {
    const values = { ...complete, ssn: '111-11-1111', dob: '1901-01-01' }
    expect(clientFormErrors(values, { today: TODAY })).toEqual({})
    expect(Object.keys(clientFormWarnings(values, TODAY)).sort()).toEqual(['dob', 'ssn'])
  })

  it('fills data-quality answers from what is typed', () => {
    expect(
      impliedQualities({ ...EMPTY_CLIENT_FORM, firstName: 'Ana', ssn: '7731', dob: '1990-02-03' }),
    ).toEqual({
      nameDataQuality: '2',
      ssnDataQuality: '2',
      dobDataQuality: '1',
    })
    expect(impliedQualities(complete).nameDataQuality).toBe('1')
  })
})

describe('editing a record', () => {
  const baseline = fromClient(stored)

  it('sends only the fields that changed, keeping the SSN on file when the box stays empty', () => {
    expect(changedClientFields(baseline, baseline, true)).toEqual({})
    const changes = changedClientFields(
      baseline,
      { ...baseline, genderIdentity: 'Woman', restriction: 'restricted' },
      true,
    )
    expect(changes).toEqual({ genderIdentity: 'Woman', restriction: 'restricted' })
  })

  it('replaces the SSN when one is typed, and removes it when a reason for missing is chosen', () => {
    expect(changedClientFields(baseline, { ...baseline, ssn: '518427732' }, true)).toEqual({
      ssn: '518427732',
      ssnDataQuality: 1,
    })
    expect(changedClientFields(baseline, { ...baseline, ssnDataQuality: '9' }, true)).toEqual({
      ssn: null,
      ssnDataQuality: 9,
    })
  })

  it('checks an edit against the record on file without a false alarm about its masked SSN', () => {
    expect(clientFormErrors(baseline, { edit: { baseline, client: stored }, today: TODAY })).toEqual({})
    const future = clientFormErrors(
      { ...baseline, dob: '2030-01-01' },
      { edit: { baseline, client: stored }, today: TODAY },
    )
    expect(future).toEqual({ dob: 'must not be in the future' })
  })
})

describe('Find Client to the create form', () => {
  it('carries the typed values over, reading the free-text box the way search does', () => {
    expect(prefillFromSearch({ firstName: 'Ana', dob: '1990-02-03', ssn: '7731' })).toEqual({
      firstName: 'Ana',
      dob: '1990-02-03',
      ssn: '7731',
    })
    expect(prefillFromSearch({ q: 'Reyes, Ana 2/3/1990' })).toEqual({
      firstName: 'Ana',
      lastName: 'Reyes',
      dob: '1990-02-03',
    })
  })
})
