import type { Role } from '@threshold/core'
import { createCoc, createOrganization, createUser, sessionFor, type TestApp } from '../../test/test-app'

// One CoC for the client-record tests: the owning agency "Northside" (its case manager, housing provider
// and analyst), a neighbour agency "Southside", a CE manager working from the CoC's CE organization, and
// a case manager of another CoC.

export interface SignedInUser {
  id: string
  organizationId: string
  cookie: string
}

export async function buildClientWorld(t: TestApp) {
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const otherCoc = await createCoc(t.db, 'GA-503', 'Cobb County CoC')
  const northside = await createOrganization(t.db, coc.id, 'Northside Outreach')
  const southside = await createOrganization(t.db, coc.id, 'Southside Shelter')
  const ceOrganization = await createOrganization(t.db, coc.id, 'Fulton Coordinated Entry')
  const cobb = await createOrganization(t.db, otherCoc.id, 'Cobb Family Services')

  const signIn = async (username: string, organizationId: string, role: Role): Promise<SignedInUser> => {
    const user = await createUser(t.db, username, [{ organizationId, role }])
    return { id: user.id, organizationId, cookie: await sessionFor(t, user.id, organizationId) }
  }
  return {
    coc,
    northside,
    southside,
    users: {
      owner: await signIn('north.casemanager', northside.id, 'case_manager'),
      ownerHousingProvider: await signIn('north.housing', northside.id, 'housing_provider'),
      ownerAnalyst: await signIn('north.analyst', northside.id, 'analyst'),
      neighbour: await signIn('south.casemanager', southside.id, 'case_manager'),
      ceManager: await signIn('fulton.ce', ceOrganization.id, 'ce_manager'),
      otherCoc: await signIn('cobb.casemanager', cobb.id, 'case_manager'),
    },
  }
}

export type ClientWorld = Awaited<ReturnType<typeof buildClientWorld>>

// Names, SSNs and dates of birth far enough apart that Find Client never pairs two test clients.
const FIRST_NAMES = [
  'Abigail',
  'Bartholomew',
  'Cordelia',
  'Desmond',
  'Eugenia',
  'Fitzgerald',
  'Guinevere',
  'Horatio',
]
const LAST_NAMES = [
  'Okonkwo',
  'Villanueva',
  'Lindqvist',
  'Featherstone',
  'Brzezinski',
  'Yamamoto',
  'Castellanos',
  'Mbeki',
]

/** A complete, valid new client, different from every other one this helper returns. */
export function newClientBody(index: number, overrides: Record<string, unknown> = {}) {
  const letter = index % FIRST_NAMES.length
  return {
    firstName: FIRST_NAMES[letter],
    lastName: `${LAST_NAMES[(letter + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length]}`,
    ssn: `${String(101 + index * 37).padStart(3, '0')}-${String(11 + index).padStart(2, '0')}-${String(2001 + index * 113)}`,
    dob: `${1950 + index}-0${1 + (index % 9)}-1${index % 10}`,
    sex: index % 2,
    raceEthnicity: ['White'],
    veteranStatus: 0,
    ...overrides,
  }
}

export async function createClientAs(t: TestApp, user: SignedInUser, body: Record<string, unknown>) {
  const response = await t.request({
    method: 'POST',
    url: '/api/clients',
    cookie: user.cookie,
    payload: body,
  })
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`)
  return response.json().client as { id: string; version: number; [field: string]: unknown }
}

/** The audit rows about one entity, oldest first. */
export function auditRowsFor(t: TestApp, entityId: string) {
  return t.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'actor_user_id as userId', 'details'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute()
}
