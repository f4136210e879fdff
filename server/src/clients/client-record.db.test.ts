import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import {
  auditRowsFor,
  buildClientWorld,
  type ClientWorld,
  createClientAs,
  newClientBody,
  type SignedInUser,
} from './clients.test-fixtures'

let t: TestApp
let world: ClientWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildClientWorld(t)
})
afterAll(() => t.close())

let nextClient = 0
const newClient = (overrides: Record<string, unknown> = {}) =>
  createClientAs(t, world.users.owner, newClientBody(nextClient++, overrides))

const get = (user: SignedInUser, url: string) => t.request({ method: 'GET', url, cookie: user.cookie })
const patch = (user: SignedInUser, id: string, payload: object) =>
  t.request({ method: 'PATCH', url: `/api/clients/${id}`, cookie: user.cookie, payload })

/** A CoC-wide identity and project-data release of the client, recorded by the owner. */
async function releaseToTheCoc(clientId: string) {
  await t.db
    .insertInto('client_release')
    .values({
      client_id: clientId,
      coc_id: world.coc.id,
      recorded_by_organization_id: world.northside.id,
      release_identity: true,
      release_project_data: true,
      scope: 'coc',
      start_date: '2000-01-01',
      end_date: '2999-12-31',
      documentation: 'signed',
      witness_user_id: world.users.owner.id,
      signed_by_client_id: clientId,
      created_by: world.users.owner.id,
    })
    .execute()
}

describe('GET /api/clients/:id', () => {
  it('shows the record with the SSN masked, never cached, and audits every read', async () => {
    const client = await newClient()
    for (let read = 0; read < 2; read++) {
      const response = await get(world.users.owner, `/api/clients/${client.id}`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.json()).toMatchObject({
        id: client.id,
        ssn: expect.stringMatching(/^\*\*\*-\*\*-\d{4}$/),
        ownerOrganizationName: 'Northside Outreach',
        canEdit: true,
        canChangeRestriction: true,
        canReadFullSsn: true,
        referralsViewableByOtherAgencies: false,
      })
    }
    const reads = (await auditRowsFor(t, client.id)).filter((row) => row.action === 'client.read')
    expect(reads).toEqual([
      expect.objectContaining({ outcome: 'success', userId: world.users.owner.id }),
      expect.objectContaining({ outcome: 'success', userId: world.users.owner.id }),
    ])
  })

  it('answers 404 with a denied audit row to another agency without a release, and to another CoC', async () => {
    const client = await newClient()
    for (const outsider of [world.users.neighbour, world.users.otherCoc, world.users.ownerAnalyst]) {
      for (const url of [`/api/clients/${client.id}`, `/api/clients/${client.id}/history`]) {
        const response = await get(outsider, url)
        expect(response.statusCode).toBe(404)
        expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No such client' } })
      }
      const edit = await patch(outsider, client.id, { version: 1, middleName: 'Stolen' })
      expect(edit.statusCode).toBe(404)
    }
    const denied = (await auditRowsFor(t, client.id)).filter((row) => row.outcome === 'denied')
    expect(denied).toHaveLength(9)
    expect(denied.map((row) => row.action)).toContain('client.update')
    const missing = await get(world.users.owner, '/api/clients/00000000-0000-4000-8000-000000000000')
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'No such client' } })
  })

  it('shows a released record to another agency, SSN masked and the full number refused', async () => {
    const client = await newClient()
    await releaseToTheCoc(client.id)
    const response = await get(world.users.neighbour, `/api/clients/${client.id}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      canEdit: false,
      canReadFullSsn: false,
      referralsViewableByOtherAgencies: true,
    })

    const ssn = await get(world.users.neighbour, `/api/clients/${client.id}/ssn`)
    expect(ssn.statusCode).toBe(403)
    expect(ssn.body).not.toMatch(/\d{9}/)
    const edit = await patch(world.users.neighbour, client.id, { version: 1, middleName: 'X' })
    expect(edit.statusCode).toBe(403)

    const own = await get(world.users.owner, `/api/clients/${client.id}/ssn`)
    expect(own.statusCode).toBe(200)
    const stored = await t.db
      .selectFrom('client')
      .select('ssn')
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow()
    expect(own.json()).toEqual({ ssn: stored.ssn })
    const ssnAudit = (await auditRowsFor(t, client.id)).filter((row) => row.action === 'client.ssn.read')
    expect(ssnAudit.map((row) => [row.outcome, row.userId])).toEqual([
      ['denied', world.users.neighbour.id],
      ['success', world.users.owner.id],
    ])
  })

  it('hides a confidential record from everyone but its agency, CE managers included', async () => {
    const client = await newClient({ restriction: 'confidential' })
    await releaseToTheCoc(client.id)
    expect((await get(world.users.ceManager, `/api/clients/${client.id}`)).statusCode).toBe(404)
    expect((await get(world.users.neighbour, `/api/clients/${client.id}`)).statusCode).toBe(404)
    expect((await get(world.users.owner, `/api/clients/${client.id}`)).statusCode).toBe(200)

    const open = await newClient()
    const seenByCe = await get(world.users.ceManager, `/api/clients/${open.id}`)
    expect(seenByCe.statusCode).toBe(200)
    expect(seenByCe.json()).toMatchObject({ canEdit: false, canReadFullSsn: false })
  })
})

describe('PATCH /api/clients/:id', () => {
  it('saves a change against the current version, with history and an audit row naming the fields', async () => {
    const client = await newClient()
    const response = await patch(world.users.owner, client.id, {
      version: 1,
      ssn: '6789',
      middleName: 'Jo',
      contact: { email: 'client@example.org' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().client).toMatchObject({
      version: 2,
      middleName: 'Jo',
      ssn: '***-**-6789',
      ssnDataQuality: 2,
      contact: { email: 'client@example.org' },
    })
    const audit = (await auditRowsFor(t, client.id)).filter((row) => row.action === 'client.update')
    expect(audit).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { fields: ['middleName', 'ssn', 'ssnDataQuality', 'contact'], version: 2 },
      }),
    ])
  })

  it('lets exactly one of two concurrent saves of the same version win; the other gets 409 and the current version', async () => {
    const client = await newClient()
    const responses = await Promise.all([
      patch(world.users.owner, client.id, { version: 1, middleName: 'First' }),
      patch(world.users.owner, client.id, { version: 1, middleName: 'Second' }),
    ])
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const winner = responses.find((response) => response.statusCode === 200)!.json().client
    const loser = responses.find((response) => response.statusCode === 409)!.json()
    expect(loser.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } })

    const stored = await t.db
      .selectFrom('client')
      .select(['middle_name', 'version'])
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ middle_name: winner.middleName, version: 2 })
    const versions = await t.db
      .selectFrom('client_version')
      .select('version')
      .where('client_id', '=', client.id)
      .execute()
    expect(versions.map((row) => row.version).sort()).toEqual([1, 2])

    const stale = await patch(world.users.owner, client.id, { version: 1, middleName: 'Third' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.details).toEqual({ currentVersion: 2 })
  })

  it('checks the whole record after the change, naming the field', async () => {
    const client = await newClient()
    const cases: [Record<string, unknown>, string][] = [
      [{ dob: null }, 'body.dob is required when dobDataQuality is 1 (full DOB reported)'],
      [{ dob: '2999-01-01' }, 'body.dob must not be in the future'],
      [{ veteranDetails: { militaryBranch: 1 } }, 'body.veteranDetails is recorded only for veterans'],
      [{ nameDataQuality: 9 }, 'body.nameDataQuality says the name is missing (9)'],
      [{ clientNumber: 5 }, 'clientNumber'],
      [{ lastName: 'B'.repeat(10_000) }, 'body.lastName must be at most 50 characters'],
    ]
    for (const [change, message] of cases) {
      const response = await patch(world.users.owner, client.id, { version: 1, ...change })
      expect(response.statusCode, message).toBe(400)
      expect(response.json().error.message).toContain(message)
    }
    const stored = await t.db
      .selectFrom('client')
      .select('version')
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow()
    expect(stored.version).toBe(1)
  })

  it('does not let gaps an imported record already has block an unrelated edit', async () => {
    // An FY2024 import: no 4.21 Sex, no veteran status.
    const imported = await t.db
      .insertInto('client')
      .values({
        coc_id: world.coc.id,
        owner_organization_id: world.northside.id,
        first_name: 'Imogen',
        last_name: 'Thistlewood',
        name_data_quality: 1,
        ssn_data_quality: 99,
        dob: '1979-05-05',
        dob_data_quality: 1,
        race_none: 9,
        contact: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const edit = await patch(world.users.owner, imported.id, { version: 1, middleName: 'Ada' })
    expect(edit.statusCode).toBe(200)
    const worse = await patch(world.users.owner, imported.id, { version: 2, dob: null })
    expect(worse.statusCode).toBe(400)
    expect(worse.json().error.details).toEqual([
      { path: 'body.dob', message: 'is required when dobDataQuality is 1 (full DOB reported)' },
    ])
  })

  it('lets only case staff of the owning agency change the restriction', async () => {
    const client = await newClient()
    const byHousing = await patch(world.users.ownerHousingProvider, client.id, {
      version: 1,
      restriction: 'restricted',
    })
    expect(byHousing.statusCode).toBe(403)
    const otherEdit = await patch(world.users.ownerHousingProvider, client.id, {
      version: 1,
      middleName: 'Lee',
    })
    expect(otherEdit.statusCode).toBe(200)
    const byCaseManager = await patch(world.users.owner, client.id, { version: 2, restriction: 'restricted' })
    expect(byCaseManager.statusCode).toBe(200)
    expect(byCaseManager.json().client.restriction).toBe('restricted')
  })
})

describe('history and aliases', () => {
  it('lists who changed what, newest first, with SSNs masked', async () => {
    const client = await newClient({ ssn: '212-34-5670' })
    await patch(world.users.owner, client.id, { version: 1, ssn: '212-34-5679', firstName: 'Renamed' })
    const response = await get(world.users.owner, `/api/clients/${client.id}/history`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const { versions } = response.json()
    expect(
      versions.map((version: { version: number; action: string }) => [version.version, version.action]),
    ).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ])
    expect(versions[0]).toMatchObject({
      changedBy: { id: world.users.owner.id, name: 'north.casemanager' },
      organization: { id: world.northside.id, name: 'Northside Outreach' },
      changes: {
        ssn: { from: '***-**-5670', to: '***-**-5679' },
        firstName: { to: 'Renamed' },
      },
    })
    expect(response.body).not.toMatch(/21234567\d/)
    const reads = (await auditRowsFor(t, client.id)).filter((row) => row.action === 'client.history.read')
    expect(reads).toHaveLength(1)
  })

  it('adds and removes aliases as new versions, and refuses an alias of another client', async () => {
    const client = await newClient()
    const added = await t.request({
      method: 'POST',
      url: `/api/clients/${client.id}/aliases`,
      cookie: world.users.owner.cookie,
      payload: { kind: 'alias', firstName: 'Birdie' },
    })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({
      version: 2,
      aliases: [{ kind: 'alias', firstName: 'Birdie', lastName: null }],
    })
    const aliasId = added.json().aliases[0].id

    const other = await newClient()
    const wrongClient = await t.request({
      method: 'DELETE',
      url: `/api/clients/${other.id}/aliases/${aliasId}`,
      cookie: world.users.owner.cookie,
    })
    expect(wrongClient.statusCode).toBe(404)
    expect(wrongClient.json().error.message).toBe('No such alias')

    const removed = await t.request({
      method: 'DELETE',
      url: `/api/clients/${client.id}/aliases/${aliasId}`,
      cookie: world.users.owner.cookie,
    })
    expect(removed.statusCode).toBe(200)
    expect(removed.json()).toMatchObject({ version: 3, aliases: [] })

    const history = (await get(world.users.owner, `/api/clients/${client.id}/history`)).json()
    expect(history.versions.map((version: { action: string }) => version.action)).toEqual([
      'alias_removed',
      'alias_added',
      'created',
    ])
    expect(history.versions[0].changes.aliases.from).toMatchObject({ firstName: 'Birdie' })
    const audit = (await auditRowsFor(t, client.id)).map((row) => row.action)
    expect(audit).toEqual(expect.arrayContaining(['client.alias.add', 'client.alias.remove']))
  })

  it('refuses a bad alias with a message naming the field', async () => {
    const client = await newClient()
    const response = await t.request({
      method: 'POST',
      url: `/api/clients/${client.id}/aliases`,
      cookie: world.users.owner.cookie,
      payload: { kind: 'nickname', firstName: 'Bee' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain('body.kind')
  })
})
