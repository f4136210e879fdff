import { SEARCH_MASKED_HINT } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import type { UserActor } from '../access/actor'
import type { Restriction } from './client.tables'
import { findLikelyDuplicates } from './search-clients'

// Find Client through GET /api/clients/search: ranking and reasons, visibility (a record the searcher may
// not open never shows, not even as a count), the masked-record hint, the audit row and input errors.

let t: TestApp
let cocId: string
const orgs = { shelter: '', outreach: '' }
const cookies = { caseManager: '', analyst: '' }
let caseManager: UserActor
const ids: Record<string, string> = {}
const clientNumbers: Record<string, number> = {}

interface Seed {
  first: string | null
  last: string | null
  dob?: string
  ssn?: string
  owner?: string
  restriction?: Restriction
  middle?: string
}

async function seedClient(key: string, seed: Seed) {
  const row = await t.db
    .insertInto('client')
    .values({
      coc_id: cocId,
      owner_organization_id: seed.owner ?? orgs.shelter,
      restriction: seed.restriction ?? 'open',
      first_name: seed.first,
      middle_name: seed.middle ?? null,
      last_name: seed.last,
      name_data_quality: 1,
      dob: seed.dob ?? null,
      dob_data_quality: seed.dob ? 1 : 99,
      ssn: seed.ssn ?? null,
      ssn_last4: seed.ssn?.slice(5) ?? null,
      ssn_data_quality: seed.ssn ? 1 : 99,
    })
    .returning(['id', 'client_number'])
    .executeTakeFirstOrThrow()
  ids[key] = row.id
  clientNumbers[key] = row.client_number
}

beforeAll(async () => {
  t = await createTestApp()
  cocId = (await createCoc(t.db)).id
  orgs.shelter = (await createOrganization(t.db, cocId, 'Gateway Shelter')).id
  orgs.outreach = (await createOrganization(t.db, cocId, 'Street Outreach')).id
  const worker = await createUser(t.db, 'worker', [{ organizationId: orgs.shelter, role: 'case_manager' }])
  const analyst = await createUser(t.db, 'numbers', [{ organizationId: orgs.shelter, role: 'analyst' }])
  cookies.caseManager = await sessionFor(t, worker.id, orgs.shelter)
  cookies.analyst = await sessionFor(t, analyst.id, orgs.shelter)
  caseManager = {
    kind: 'user',
    userId: worker.id,
    username: 'worker',
    organizationId: orgs.shelter,
    cocId,
    role: 'case_manager',
    sessionId: null,
    apiTokenId: null,
    requestId: null,
    ip: null,
  }

  await seedClient('william', { first: 'William', last: 'Johnson', dob: '1980-05-17', ssn: '123456789' })
  await seedClient('namesake', { first: 'William', last: 'Johnson', dob: '1991-01-01' })
  await seedClient('maria', { first: 'María', last: 'García-López', dob: '1985-03-14' })
  await seedClient('obrien', { first: 'Sean', last: "O'Brien", dob: '1975-07-04' })
  await seedClient('twinA', { first: 'Jacob', last: 'Miller', dob: '2010-06-01' })
  await seedClient('twinB', { first: 'Joshua', last: 'Miller', dob: '2010-06-01' })
  await seedClient('blackwoodWithDob', { first: 'Theodora', last: 'Blackwood', dob: '1962-04-04' })
  await seedClient('blackwoodNoDob', { first: 'Cornelia', last: 'Blackwood' })
  // Records of the other agency the case manager may not open: no release.
  const hidden = { dob: '1970-01-01', owner: orgs.outreach }
  await seedClient('restricted', {
    first: 'Zelda',
    last: 'Quartermaine',
    ssn: '555443333',
    ...hidden,
    restriction: 'restricted',
  })
  await seedClient('confidential', {
    first: 'Yolanda',
    last: 'Vasquez',
    ssn: '555443334',
    ...hidden,
    restriction: 'confidential',
  })
  await seedClient('otherOpen', { first: 'Xavier', last: 'Pemberton', ssn: '555443335', ...hidden })
  // Restricted, but released to the shelter by name: visible.
  await seedClient('released', {
    first: 'Winona',
    last: 'Featherstone',
    ...hidden,
    dob: '1972-02-02',
    restriction: 'restricted',
  })
  await t.db
    .insertInto('client_release')
    .values({
      client_id: ids.released!,
      coc_id: cocId,
      recorded_by_organization_id: orgs.outreach,
      release_identity: true,
      release_project_data: false,
      scope: 'organizations',
      organization_ids: [orgs.shelter],
      start_date: '2000-01-01',
      end_date: '2999-12-31',
      documentation: 'signed',
      witness_user_id: worker.id,
      signed_by_client_id: ids.released!,
      created_by: worker.id,
    })
    .execute()
  // A record merged into William's: gone from every search.
  await seedClient('mergedAway', { first: 'William', last: 'Johnson', dob: '1980-05-17', ssn: '123456789' })
  await t.db
    .updateTable('client')
    .set({ merged_into_client_id: ids.william! })
    .where('id', '=', ids.mergedAway!)
    .execute()
  await t.db
    .insertInto('client_alias')
    .values({ client_id: ids.maria!, kind: 'former_name', first_name: 'Maria', last_name: 'Ortiz' })
    .execute()
})
afterAll(() => t.close())

async function search(query: Record<string, string | number>, cookie = cookies.caseManager) {
  const params = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  )
  return t.request({ method: 'GET', url: `/api/clients/search?${params}`, cookie })
}

async function results(query: Record<string, string | number>) {
  const response = await search(query)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as {
    results: { id: string; matchLevel: string | null; reasons: string[]; score: number; dob: string | null }[]
    hint?: string
  }
}

const setMaskedHint = (on: boolean) =>
  t.db
    .updateTable('coc')
    .set({ settings: JSON.stringify({ searchMaskedHint: on }) })
    .where('id', '=', cocId)
    .execute()

describe('ranking and reasons', () => {
  it('ranks the right person first and says why: nickname, typo, DOB', async () => {
    const { results: found } = await results({ firstName: 'Bill', lastName: 'Jonson', dob: '1980-05-17' })
    expect(found[0]).toMatchObject({
      id: ids.william,
      matchLevel: 'likely',
      dob: '1980-05-17',
      reasons: [
        'first name is a nickname or formal form of the name searched',
        'last name differs by one letter',
        'DOB matches',
      ],
    })
    const namesake = found.find((result) => result.id === ids.namesake)
    expect(namesake?.matchLevel).not.toBe('likely')
    expect(namesake!.score).toBeLessThan(found[0]!.score)
    expect(found.map((result) => result.id)).not.toContain(ids.mergedAway)
  })

  it('reads the free-text box: names in any order, a US date, accents optional', async () => {
    const { results: found } = await results({ q: 'garcia maria 03/14/1985' })
    expect(found[0]).toMatchObject({ id: ids.maria, matchLevel: 'likely' })
    expect(found[0]!.reasons).toContain('last name matches one of the surnames')
    expect((await results({ q: 'Lopez' })).results[0]?.id).toBe(ids.maria)
  })

  it('finds first and last names typed the wrong way round', async () => {
    const { results: found } = await results({ firstName: 'Johnson', lastName: 'William', dob: '1980-05-17' })
    expect(found[0]).toMatchObject({ id: ids.william, matchLevel: 'likely' })
    expect(found[0]!.reasons).toContain('first and last names swapped')
  })

  it('matches SSN typos, the last 4, and a Client ID', async () => {
    const transposed = await results({ ssn: '123-45-6798' })
    expect(transposed.results[0]?.id).toBe(ids.william)
    expect(transposed.results[0]!.reasons).toEqual(['SSN two digits transposed'])
    const last4 = await results({ lastName: 'Johnson', ssn: '6789' })
    expect(last4.results[0]!.reasons).toContain('SSN last 4 match')
    const byNumber = await results({ q: String(clientNumbers.obrien) })
    expect(byNumber.results).toHaveLength(1)
    expect(byNumber.results[0]).toMatchObject({
      id: ids.obrien,
      matchLevel: 'likely',
      reasons: ['Client ID matches'],
    })
  })

  it('finds a former name', async () => {
    const { results: found } = await results({ firstName: 'Maria', lastName: 'Ortiz', dob: '1985-03-14' })
    expect(found[0]).toMatchObject({ id: ids.maria, matchLevel: 'likely' })
    expect(found[0]!.reasons).toContain('matches a former name')
  })

  it('never calls a twin a likely match', async () => {
    const { results: found } = await results({ firstName: 'Jacob', lastName: 'Miller', dob: '2010-06-01' })
    expect(found[0]).toMatchObject({ id: ids.twinA, matchLevel: 'likely' })
    expect(found.find((result) => result.id === ids.twinB)?.matchLevel).not.toBe('likely')
  })

  it('finds a record by one name when the other is wrong, the same unknown DOB first among equals', async () => {
    const { results: found } = await results({ firstName: 'Prudence', lastName: 'Blackwood' })
    const [first, second] = found
    expect(first).toMatchObject({
      id: ids.blackwoodNoDob,
      reasons: ['first name differs', 'last name matches'],
    })
    expect(second).toMatchObject({ id: ids.blackwoodWithDob, score: first!.score })
    // With a DOB typed, a different DOB counts against a record (an unknown one does not): scores differ.
    const withDob = await results({ firstName: 'Prudence', lastName: 'Blackwood', dob: '1990-01-01' })
    const scoreOf = (id: string | undefined) => withDob.results.find((result) => result.id === id)!.score
    expect(scoreOf(ids.blackwoodNoDob)).toBeGreaterThan(scoreOf(ids.blackwoodWithDob))
  })

  it('keeps to the limit', async () => {
    expect((await results({ lastName: 'Johnson', limit: 1 })).results).toHaveLength(1)
  })

  it('treats %, _, backslashes and quotes as characters, not patterns', async () => {
    expect((await results({ lastName: "O'Brien" })).results[0]?.id).toBe(ids.obrien)
    expect((await results({ lastName: 'Smith\\' })).results).toEqual([])
    expect((await results({ lastName: "x' OR '1'='1" })).results).toEqual([])
    for (const wildcard of ['%', '_%']) {
      const response = await search({ lastName: wildcard })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.message).toMatch(/lastName must contain at least one letter/)
    }
  })
})

describe('visibility', () => {
  it('never shows a record the searcher may not open, even an exact match', async () => {
    for (const [first, last, ssn] of [
      ['Zelda', 'Quartermaine', '555443333'],
      ['Yolanda', 'Vasquez', '555443334'],
      ['Xavier', 'Pemberton', '555443335'],
    ]) {
      const { results: found, hint } = await results({
        firstName: first!,
        lastName: last!,
        dob: '1970-01-01',
        ssn: ssn!,
      })
      expect(found).toEqual([])
      expect(hint).toBeUndefined()
    }
  })

  it('finds a visible record ranked behind more hidden ones than a branch keeps', async () => {
    // 120 closer matches the case manager may not open (another agency's confidential records): more than
    // any branch's cap, so a cap applied before the visibility filter would leave only hidden records.
    await t.db
      .insertInto('client')
      .values(
        Array.from({ length: 120 }, () => ({
          coc_id: cocId,
          owner_organization_id: orgs.outreach,
          restriction: 'confidential' as const,
          first_name: 'Ignatius',
          last_name: 'Fairweather',
          name_data_quality: 1,
          dob: '1955-05-05',
          dob_data_quality: 1,
          ssn_data_quality: 99,
        })),
      )
      .execute()
    await seedClient('fairweather', { first: 'Ignatius', last: 'Fairweathers', dob: '1955-05-06' })
    // A surname alone (ranked by similarity) and a DOB alone (exact DOB first, then near ones).
    expect((await results({ lastName: 'Fairweather' })).results.map((result) => result.id)).toEqual([
      ids.fairweather,
    ])
    expect((await results({ dob: '1955-05-05' })).results.map((result) => result.id)).toEqual([
      ids.fairweather,
    ])
    const { results: found } = await results({
      firstName: 'Ignatius',
      lastName: 'Fairweather',
      dob: '1955-05-05',
    })
    expect(found.map((result) => result.id)).toEqual([ids.fairweather])
  })

  it('shows a restricted record released to the searcher’s agency', async () => {
    const { results: found } = await results({ firstName: 'Winona', lastName: 'Featherstone' })
    expect(found[0]?.id).toBe(ids.released)
  })

  it('gives analysts, who never see identity, no results', async () => {
    const response = await search({ lastName: 'Johnson' }, cookies.analyst)
    expect(response.statusCode).toBe(200)
    expect(response.json().results).toEqual([])
  })

  it('asks for a signed-in user', async () => {
    expect((await search({ lastName: 'Johnson' }, '')).statusCode).toBe(401)
  })
})

describe('masked-record hint (CoC setting searchMaskedHint)', () => {
  it('hints at a likely match in a restricted record, never a confidential or open one, and names nobody', async () => {
    await setMaskedHint(true)
    try {
      const restricted = await results({ firstName: 'Zelda', lastName: 'Quartermaine', dob: '1970-01-01' })
      expect(restricted).toEqual({ results: [], hint: SEARCH_MASKED_HINT })
      const confidential = await results({ firstName: 'Yolanda', lastName: 'Vasquez', dob: '1970-01-01' })
      expect(confidential.hint).toBeUndefined()
      const open = await results({ firstName: 'Xavier', lastName: 'Pemberton', dob: '1970-01-01' })
      expect(open.hint).toBeUndefined()
      // Only a likely match hints: a surname alone is not enough.
      expect((await results({ lastName: 'Quartermaine' })).hint).toBeUndefined()
    } finally {
      await setMaskedHint(false)
    }
    expect(
      (await results({ firstName: 'Zelda', lastName: 'Quartermaine', dob: '1970-01-01' })).hint,
    ).toBeUndefined()
  })
})

describe('audit', () => {
  it('records the fields searched, a hash of the values and the result ids, never the values', async () => {
    const { results: found } = await results({
      firstName: 'Bill',
      lastName: 'Jonson',
      dob: '1980-05-17',
      ssn: '6789',
    })
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'details'])
      .where('action', '=', 'client.search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    const { criteriaHash, resultIds, ...rest } = row.details as Record<string, unknown>
    expect(row.actor_user_id).toBe(caseManager.userId)
    // Nothing else is kept: the field names, a hash and the ids of what was shown.
    expect(rest).toEqual({ criteria: ['firstName', 'lastName', 'dob', 'ssnLast4'] })
    expect(criteriaHash).toMatch(/^[0-9a-f]{64}$/)
    expect(resultIds).toEqual(found.map((result) => result.id))

    await results({ lastName: 'jonson', firstName: 'BILL', dob: '1980-05-17', ssn: '6789' })
    const again = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'client.search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect((again.details as { criteriaHash: string }).criteriaHash).toBe(criteriaHash)
  })
})

describe('bad input', () => {
  it.each([
    ['no criteria', {}, /at least one of firstName, lastName, dob, ssn, clientNumber or q/],
    ['blank criteria', { firstName: '', lastName: '  ' }, /at least one of/],
    ['a limit over 50', { lastName: 'Johnson', limit: 51 }, /50/],
    ['an impossible date', { dob: '2023-02-30' }, /not a real calendar date/],
    ['a US-style dob', { dob: '05/17/1980' }, /YYYY-MM-DD/],
    ['a 5-digit SSN', { ssn: '12345' }, /9 digits/],
    ['10,000 characters of text', { q: 'x'.repeat(10_000) }, /at most 200 characters/],
    ['an impossible date in the text', { q: '13/45/1990' }, /not a real date/],
    ['text without letters or numbers', { q: '%%% ___' }, /Nothing to search for/],
    ['an unknown parameter', { lastName: 'Johnson', sort: 'name' }, /sort/],
  ])('%s → 400', async (_case, query, message) => {
    const response = await search(query as Record<string, string>)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toMatch(message)
  })
})

describe('API document', () => {
  it('describes the search parameters', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json()
    const parameters = document.paths['/api/clients/search'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    )
    expect(parameters).toEqual(expect.arrayContaining(['firstName', 'lastName', 'dob', 'ssn', 'q', 'limit']))
  })
})

describe('findLikelyDuplicates (for POST /api/clients)', () => {
  it('returns only the likely matches among visible records, and audits the check', async () => {
    const duplicates = await findLikelyDuplicates({
      db: t.db,
      actor: caseManager,
      clock: t.clock,
      candidate: { firstName: 'Bill', lastName: 'Johnson', dob: '1980-05-17' },
    })
    expect(duplicates.map((duplicate) => duplicate.id)).toEqual([ids.william])
    const hiddenTwin = await findLikelyDuplicates({
      db: t.db,
      actor: caseManager,
      clock: t.clock,
      candidate: { firstName: 'Zelda', lastName: 'Quartermaine', dob: '1970-01-01', ssn: '555443333' },
    })
    expect(hiddenTwin).toEqual([])
    const audit = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'client.search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({
      purpose: 'duplicate_check',
      criteria: ['firstName', 'lastName', 'dob', 'ssn'],
      resultIds: [],
    })
  })

  it('searches the new client’s former names too', async () => {
    const duplicates = await findLikelyDuplicates({
      db: t.db,
      actor: caseManager,
      clock: t.clock,
      candidate: {
        firstName: 'Maria',
        lastName: 'Reyes',
        dob: '1985-03-14',
        aliases: [{ kind: 'former_name', firstName: 'María', lastName: 'García' }],
      },
    })
    expect(duplicates.map((duplicate) => duplicate.id)).toEqual([ids.maria])
  })
})
