import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { todayFrom } from '../access/client-visibility'
import { insertTestClient } from '../households/household.fixtures'
import { addMonths } from './release-dates'

let t: TestApp
let cocId: string
const org = { shelter: '', outreach: '', housing: '' }
const cookies = { shelter: '', outreach: '', analyst: '' }
let shelterWorkerId: string
let outreachWorkerId: string
let analystId: string

const DAY = 24 * 60 * 60 * 1000
const today = () => todayFrom(t.clock)
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000), Buffer.from('\n%%EOF\n')])
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4000)])

beforeAll(async () => {
  t = await createTestApp()
  cocId = (await createCoc(t.db)).id
  org.shelter = (await createOrganization(t.db, cocId, 'Gateway Shelter')).id
  org.outreach = (await createOrganization(t.db, cocId, 'Street Outreach Team')).id
  org.housing = (await createOrganization(t.db, cocId, 'Open Doors Housing')).id
  const shelterWorker = await createUser(t.db, 'shelter.cm', [
    { organizationId: org.shelter, role: 'case_manager' },
  ])
  const outreachWorker = await createUser(t.db, 'outreach.cm', [
    { organizationId: org.outreach, role: 'case_manager' },
  ])
  const analyst = await createUser(t.db, 'shelter.analyst', [
    { organizationId: org.shelter, role: 'analyst' },
  ])
  shelterWorkerId = shelterWorker.id
  outreachWorkerId = outreachWorker.id
  analystId = analyst.id
  await signEveryoneIn()
})

async function signEveryoneIn() {
  cookies.shelter = await sessionFor(t, shelterWorkerId, org.shelter)
  cookies.outreach = await sessionFor(t, outreachWorkerId, org.outreach)
  cookies.analyst = await sessionFor(t, analystId, org.shelter)
}

/** Moves the clock a day on; sessions idle that long have expired, so everyone signs in again. */
async function nextDay() {
  t.clock.advance(DAY)
  await signEveryoneIn()
}

afterAll(() => t.close())

const client = (
  firstName: string,
  options: { dob?: string; restriction?: 'open' | 'restricted' | 'confidential' } = {},
) =>
  insertTestClient(t.db, {
    cocId,
    ownerOrganizationId: org.shelter,
    firstName,
    dob: options.dob ?? '1980-05-05',
    restriction: options.restriction,
  })

const post = (url: string, payload?: unknown, cookie = cookies.shelter) =>
  t.request({ method: 'POST', url, cookie, ...(payload !== undefined && { payload: payload as object }) })
const get = (url: string, cookie = cookies.shelter) => t.request({ method: 'GET', url, cookie })

const release = (overrides: Record<string, unknown> = {}) => ({
  releaseIdentity: true,
  releaseProjectData: true,
  scope: 'coc',
  startDate: today(),
  documentation: 'signed',
  ...overrides,
})

async function recordRelease(clientId: string, overrides: Record<string, unknown> = {}) {
  const response = await post(`/api/clients/${clientId}/releases`, release(overrides))
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = `----threshold${randomBytes(8).toString('hex')}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const upload = (releaseId: string, fileName: string, contentType: string, content: Buffer) =>
  t.request({
    method: 'POST',
    url: `/api/releases/${releaseId}/document`,
    cookie: cookies.shelter,
    ...multipart(fileName, contentType, content),
  })

describe('recording a release', () => {
  it('ends after the CoC’s release length: 12 months by default, or the configured number', async () => {
    const recorded = await recordRelease(await client('Default'))
    expect(recorded).toMatchObject({
      startDate: today(),
      endDate: addMonths(today(), 12),
      active: true,
      status: 'active',
      recordedByOrganization: { id: org.shelter, name: 'Gateway Shelter' },
      witness: { id: shelterWorkerId },
      signedBy: 'client',
      warnings: [],
    })

    await t.db
      .updateTable('coc')
      .set({ settings: JSON.stringify({ releaseDefaultMonths: 6 }) })
      .where('id', '=', cocId)
      .execute()
    try {
      expect((await recordRelease(await client('Short'))).endDate).toBe(addMonths(today(), 6))
    } finally {
      await t.db.updateTable('coc').set({ settings: '{}' }).where('id', '=', cocId).execute()
    }
    const explicit = await recordRelease(await client('Explicit'), { endDate: addMonths(today(), 3) })
    expect(explicit.endDate).toBe(addMonths(today(), 3))
  })

  it('refuses a release of nothing, a scope without agencies, and an agency from elsewhere', async () => {
    const clientId = await client('Invalid')
    const nothing = await post(
      `/api/clients/${clientId}/releases`,
      release({ releaseIdentity: false, releaseProjectData: false }),
    )
    expect(nothing.statusCode).toBe(400)
    expect(nothing.json().error.message).toMatch(/identifying information, project data, or both/)
    const noAgencies = await post(`/api/clients/${clientId}/releases`, release({ scope: 'organizations' }))
    expect(noAgencies.statusCode).toBe(400)
    const otherCoc = await createCoc(t.db, 'GA-503', 'Elsewhere CoC')
    const foreign = await createOrganization(t.db, otherCoc.id, 'Elsewhere Agency')
    const unknown = await post(
      `/api/clients/${clientId}/releases`,
      release({ scope: 'organizations', organizationIds: [foreign.id] }),
    )
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error.details).toEqual({ unknownOrganizationIds: [foreign.id] })
  })

  it('flags a verbal release until its signed form is recorded', async () => {
    const verbal = await recordRelease(await client('Verbal'), { documentation: 'verbal' })
    expect(verbal).toMatchObject({ documentation: 'verbal', needsSignedForm: true, active: true })

    const signed = await post(`/api/releases/${verbal.id}/signed`)
    expect(signed.statusCode, signed.body).toBe(200)
    expect(signed.json()).toMatchObject({ documentation: 'signed', needsSignedForm: false })
    expect(signed.json().signedFormRecordedAt).toBe(t.clock.now().toISOString())
    expect((await post(`/api/releases/${verbal.id}/signed`)).statusCode).toBe(409)
  })

  it('warns when the client’s restriction keeps the release from taking effect', async () => {
    const restricted = await recordRelease(await client('Restricted', { restriction: 'restricted' }))
    expect(restricted.warnings).toEqual([
      expect.stringMatching(/restricted: a CoC-wide release takes effect for nobody/),
    ])
    const confidential = await recordRelease(await client('Confidential', { restriction: 'confidential' }))
    expect(confidential.warnings).toEqual([expect.stringMatching(/confidential/)])
  })

  it('is not open to analysts, who never see identities', async () => {
    const clientId = await client('Counted')
    expect((await post(`/api/clients/${clientId}/releases`, release(), cookies.analyst)).statusCode).toBe(404)
  })
})

describe("a minor's release", () => {
  it('is signed by the head of a household the minor belongs to', async () => {
    const mother = await client('Mother')
    const child = await client('Child', { dob: addMonths(today(), -12 * 9) })
    const stranger = await client('Stranger')
    const household = await post('/api/households', { headClientId: mother })
    await post(`/api/households/${household.json().id}/members`, {
      clientId: child,
      relationshipToHoh: 2,
      joinedOn: today(),
    })

    const unsigned = await post(`/api/clients/${child}/releases`, release())
    expect(unsigned.statusCode).toBe(422)
    expect(unsigned.json().error.message).toMatch(/under 18: their head of household signs/)
    const wrongSigner = await post(`/api/clients/${child}/releases`, release({ signedByClientId: stranger }))
    expect(wrongSigner.statusCode).toBe(422)
    expect(wrongSigner.json().error.message).toMatch(/current head of a household this client belongs to/)

    const signed = await recordRelease(child, { signedByClientId: mother })
    expect(signed).toMatchObject({ signedBy: 'head_of_household', signedByClientId: mother })
  })

  it('lets an unaccompanied minor who heads their own household sign, and an adult only for themselves', async () => {
    const youth = await client('Youth', { dob: addMonths(today(), -12 * 17) })
    await post('/api/households', { headClientId: youth })
    expect((await recordRelease(youth, { signedByClientId: youth })).signedBy).toBe('client')

    const adult = await client('Adult')
    const forSomeoneElse = await post(`/api/clients/${adult}/releases`, release({ signedByClientId: youth }))
    expect(forSomeoneElse.statusCode).toBe(422)
  })
})

describe('a release in force', () => {
  it('lets a second agency see the client until it is revoked: the very next request is refused', async () => {
    const clientId = await client('Shared')
    expect((await get(`/api/clients/${clientId}`, cookies.outreach)).statusCode).toBe(404)

    const recorded = await recordRelease(clientId, {
      scope: 'organizations',
      organizationIds: [org.outreach],
    })
    expect((await get(`/api/clients/${clientId}`, cookies.outreach)).statusCode).toBe(200)
    const list = await get(`/api/clients/${clientId}/releases`, cookies.outreach)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({
      referralsViewableByOtherAgencies: false,
      releases: [{ id: recorded.id, organizations: [{ id: org.outreach, name: 'Street Outreach Team' }] }],
    })

    expect(
      (await post(`/api/releases/${recorded.id}/revoke`, { revokedOn: addMonths(today(), 1), reason: 'x' }))
        .statusCode,
    ).toBe(422)
    const revoked = await post(`/api/releases/${recorded.id}/revoke`, {
      revokedOn: today(),
      reason: 'Client asked',
    })
    expect(revoked.statusCode, revoked.body).toBe(200)
    expect(revoked.json()).toMatchObject({ status: 'revoked', active: false, revokedReason: 'Client asked' })

    const after = await get(`/api/clients/${clientId}`, cookies.outreach)
    expect(after.statusCode).toBe(404)
    const denied = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', clientId)
      .where('actor_user_id', '=', outreachWorkerId)
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied).toEqual([{ action: 'client.read' }, { action: 'client.read' }])
    expect(
      (await post(`/api/releases/${recorded.id}/revoke`, { revokedOn: today(), reason: 'Again' })).statusCode,
    ).toBe(409)
  })

  it('stops counting the day after its end date, by the clock', async () => {
    const clientId = await client('Expiring')
    await recordRelease(clientId, { endDate: today() })
    const releases = await get(`/api/clients/${clientId}/releases`)
    expect(releases.json().referralsViewableByOtherAgencies).toBe(true)
    expect((await get(`/api/clients/${clientId}/releases`, cookies.outreach)).statusCode).toBe(200)

    await nextDay()
    expect((await get(`/api/clients/${clientId}/releases`, cookies.outreach)).statusCode).toBe(404)
    const expired = await get(`/api/clients/${clientId}/releases`)
    expect(expired.json()).toMatchObject({
      referralsViewableByOtherAgencies: false,
      releases: [{ status: 'expired' }],
    })
  })
})

describe('the scanned form', () => {
  it('is uploaded once and downloaded as an attachment of its real type, audited', async () => {
    const { id } = await recordRelease(await client('Scanned'))
    const uploaded = await upload(id, 'Consent form.pdf', 'application/pdf', PDF)
    expect(uploaded.statusCode, uploaded.body).toBe(200)
    expect(uploaded.json().document).toMatchObject({
      fileName: 'Consent form.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    })

    const download = await get(`/api/releases/${id}/document`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Consent form.pdf"; filename*=UTF-8''Consent%20form.pdf`,
    )
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(download.rawPayload.equals(PDF)).toBe(true)
    const reads = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'release.document.%')
      .orderBy('seq')
      .execute()
    expect(reads.map((row) => row.action)).toEqual(['release.document.upload', 'release.document.read'])

    const again = await upload(id, 'other.pdf', 'application/pdf', PDF)
    expect(again.statusCode).toBe(409)
  })

  it('refuses a program renamed .pdf, by its contents', async () => {
    const { id } = await recordRelease(await client('Tricked'))
    const response = await upload(id, 'consent.pdf', 'application/pdf', EXE)
    expect(response.statusCode).toBe(415)
    expect(response.json().error.message).toMatch(/contents are not a PDF/)
    const declared = await upload(id, 'setup.exe', 'application/x-msdownload', EXE)
    expect(declared.statusCode).toBe(415)
    expect(declared.json().error.message).toMatch(/Only PDF, PNG or JPEG files are accepted/)
    expect((await get(`/api/releases/${id}/document`)).statusCode).toBe(404)
  })

  it('refuses more than 5 MB with 413', async () => {
    const { id } = await recordRelease(await client('Huge'))
    const sixMegabytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)])
    const response = await upload(id, 'huge.pdf', 'application/pdf', sixMegabytes)
    expect(response.statusCode).toBe(413)
    expect(response.json().error.message).toMatch(/larger than 5 MB/)
  })

  it('takes a PNG or JPEG photo of the form too', async () => {
    const { id } = await recordRelease(await client('Photographed'))
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)])
    const response = await upload(id, 'IMG_0001.jpg', 'image/jpeg', jpeg)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().document.contentType).toBe('image/jpeg')
  })
})
