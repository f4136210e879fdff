import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import {
  auditRowsFor,
  buildClientWorld,
  type ClientWorld,
  createClientAs,
  newClientBody,
} from './clients.test-fixtures'

let t: TestApp
let world: ClientWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildClientWorld(t)
})
afterAll(() => t.close())

const post = (cookie: string, payload: object) =>
  t.request({ method: 'POST', url: '/api/clients', cookie, payload })

describe('POST /api/clients', () => {
  it('creates a client owned by the actor’s agency and CoC, with aliases, version 1 and an audit row', async () => {
    const response = await post(world.users.owner.cookie, {
      ...newClientBody(0),
      middleName: 'Rose',
      contact: {
        phones: [{ number: '404-555-0101', type: 'mobile', safeToLeaveMessage: true }],
        noFixedAddress: true,
      },
      aliases: [{ kind: 'former_name', lastName: 'Pemberton' }],
    })
    expect(response.statusCode).toBe(201)
    expect(response.headers['cache-control']).toBe('no-store')
    const { client, warnings } = response.json()
    expect(warnings).toEqual([])
    expect(client).toMatchObject({
      cocId: world.coc.id,
      ownerOrganizationId: world.northside.id,
      ownerOrganizationName: 'Northside Outreach',
      restriction: 'open',
      firstName: 'Abigail',
      middleName: 'Rose',
      nameDataQuality: 1,
      ssn: '***-**-2001',
      ssnDataQuality: 1,
      dobDataQuality: 1,
      version: 1,
      canEdit: true,
      canReadFullSsn: true,
      referralsViewableByOtherAgencies: false,
      aliases: [{ kind: 'former_name', firstName: null, lastName: 'Pemberton' }],
    })
    expect(client.clientNumber).toBeGreaterThanOrEqual(100001)

    const stored = await t.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ ssn: '101112001', ssn_last4: '2001', created_by: world.users.owner.id })

    const [version] = await t.db
      .selectFrom('client_version')
      .selectAll()
      .where('client_id', '=', client.id)
      .execute()
    expect(version).toMatchObject({ version: 1, action: 'created', changed_by: world.users.owner.id })
    expect(version!.changes).toMatchObject({
      firstName: { from: null, to: 'Abigail' },
      ssn: { from: null, to: '***-**-2001' },
      aliases: { from: null, to: [{ kind: 'former_name', lastName: 'Pemberton' }] },
    })
    expect(JSON.stringify(version!.changes)).not.toContain('101112001')

    const audit = await auditRowsFor(t, client.id)
    expect(audit).toEqual([
      expect.objectContaining({ action: 'client.create', outcome: 'success', userId: world.users.owner.id }),
    ])
    expect(JSON.stringify(audit)).not.toContain('Abigail')
    expect((audit[0]!.details as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(['firstName', 'ssn']),
    )
  })

  it('refuses an owner chosen by the caller (ownership comes from who is signed in)', async () => {
    const response = await post(world.users.owner.cookie, {
      ...newClientBody(1),
      ownerOrganizationId: world.southside.id,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invalid_input')
    expect(response.json().error.message).toContain('ownerOrganizationId')
  })

  it('answers 409 possible_duplicates for a likely match, then saves with an audited reason', async () => {
    const existing = await createClientAs(t, world.users.owner, newClientBody(2))
    const again = { ...newClientBody(2), ssn: null, ssnDataQuality: 99 }

    const refused = await post(world.users.owner.cookie, again)
    expect(refused.statusCode).toBe(409)
    const { error } = refused.json()
    expect(error.code).toBe('possible_duplicates')
    expect(error.message).toMatch(/may already have a record/)
    expect(error.details.candidates.map((candidate: { id: string }) => candidate.id)).toContain(existing.id)
    expect(JSON.stringify(error.details)).not.toContain(newClientBody(2).ssn.replaceAll('-', ''))
    const countOf = async () =>
      (await t.db.selectFrom('client').select('id').where('first_name', '=', again.firstName!).execute())
        .length
    expect(await countOf()).toBe(1)

    const saved = await post(world.users.owner.cookie, {
      ...again,
      duplicateOverride: { reason: 'Different person: confirmed by photo ID' },
    })
    expect(saved.statusCode).toBe(201)
    expect(await countOf()).toBe(2)
    const [audit] = await auditRowsFor(t, saved.json().client.id)
    expect(audit).toMatchObject({
      action: 'client.create',
      details: {
        duplicateOverride: {
          reason: 'Different person: confirmed by photo ID',
          likelyMatchIds: [existing.id],
        },
      },
    })
  })

  it('names the field in every validation message', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ssn: '000-12-3456' }, 'body.ssn', 'cannot start with 000, 666 or 900–999'],
      [{ ssn: '6789', ssnDataQuality: 1 }, 'body.ssn', 'must be all 9 digits when ssnDataQuality is 1'],
      [{ dob: '2023-02-30' }, 'body.dob', 'is not a real calendar date'],
      [{ dob: '2999-01-01' }, 'body.dob', 'must not be in the future'],
      [{ firstName: 'A'.repeat(10_000) }, 'body.firstName', 'must be at most 50 characters'],
      [{ sex: undefined }, 'body.sex', 'is required'],
      [{ veteranStatus: undefined }, 'body.veteranStatus', 'is required for adults'],
      [{ raceEthnicity: [] }, 'body.raceEthnicity', 'is required'],
    ]
    for (const [change, path, message] of cases) {
      const response = await post(world.users.owner.cookie, { ...newClientBody(3), ...change })
      expect(response.statusCode, path).toBe(400)
      const { error } = response.json()
      expect(error.code).toBe('invalid_input')
      expect(error.message).toContain(`${path} ${message}`)
      expect(error.details).toContainEqual({ path, message: expect.stringContaining(message) })
    }
  })

  it('refuses NUL characters and malformed JSON with 400, never 500', async () => {
    const nul = await t.request({
      method: 'POST',
      url: '/api/clients',
      cookie: world.users.owner.cookie,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...newClientBody(4), lastName: 'Ok\u0000onkwo' }),
    })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.message).toBe('Text must not contain NUL characters')
    const broken = await t.request({
      method: 'POST',
      url: '/api/clients',
      cookie: world.users.owner.cookie,
      headers: { 'content-type': 'application/json' },
      payload: '{"firstName": "Ab',
    })
    expect(broken.statusCode).toBe(400)
  })

  it('saves an implausible but possible SSN and DOB with warnings', async () => {
    const response = await post(world.users.owner.cookie, {
      ...newClientBody(5),
      ssn: '123-45-6789',
      dob: '1905-01-01',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json().warnings.map((warning: { field: string }) => warning.field)).toEqual([
      'ssn',
      'dob',
    ])
  })

  it('lets only the owning agency’s case staff set a restriction, and analysts create nothing', async () => {
    const confidential = await post(world.users.ownerHousingProvider.cookie, {
      ...newClientBody(6),
      restriction: 'confidential',
    })
    expect(confidential.statusCode).toBe(403)
    const analyst = await post(world.users.ownerAnalyst.cookie, newClientBody(6))
    expect(analyst.statusCode).toBe(403)
    const denied = await t.db
      .selectFrom('audit_event')
      .select(['actor_user_id'])
      .where('action', '=', 'client.create')
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied.map((row) => row.actor_user_id).sort()).toEqual(
      [world.users.ownerHousingProvider.id, world.users.ownerAnalyst.id].sort(),
    )
    const byCaseManager = await post(world.users.owner.cookie, {
      ...newClientBody(6),
      restriction: 'confidential',
    })
    expect(byCaseManager.statusCode).toBe(201)
    expect(byCaseManager.json().client.restriction).toBe('confidential')
  })
})

describe('API document', () => {
  it('documents the client routes and their request schemas', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/clients/{id}',
        '/api/clients/{id}/history',
        '/api/clients/{id}/aliases/{aliasId}',
      ]),
    )
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['NewClient', 'ClientPatch', 'Client', 'SavedClient']),
    )
  })
})
