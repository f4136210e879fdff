import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import {
  auditRowsFor,
  buildFixture,
  type Fixture,
  type FixtureUser,
  signedInUser,
} from '../../test/unauthorized/fixture'

let t: TestApp
let f: Fixture
beforeAll(async () => {
  t = await createTestApp()
  f = await buildFixture(t)
})
afterAll(() => t.close())

const createOrganization = (user: FixtureUser, payload: object) =>
  t.request({ method: 'POST', url: '/api/organizations', cookie: user.cookie, payload })
const patchOrganization = (user: FixtureUser, id: string, payload: object) =>
  t.request({ method: 'PATCH', url: `/api/organizations/${id}`, cookie: user.cookie, payload })
const listNames = async (user: FixtureUser, query = '') => {
  const response = await t.request({ method: 'GET', url: `/api/organizations${query}`, cookie: user.cookie })
  expect(response.statusCode).toBe(200)
  return response.json().map((organization: { name: string }) => organization.name)
}
const me = (user: FixtureUser) => t.request({ method: 'GET', url: '/api/auth/me', cookie: user.cookie })

describe('creating an organization', () => {
  it("puts it in the CoC administrator's own CoC and audits the field names", async () => {
    const response = await createOrganization(f.users.cocAdminA, { name: 'Alpha Street Outreach' })
    expect(response.statusCode).toBe(201)
    const organization = response.json()
    expect(organization).toEqual({
      id: expect.any(String),
      cocId: f.cocA.id,
      name: 'Alpha Street Outreach',
      victimServiceProvider: false,
      active: true,
    })
    const [audit] = await auditRowsFor(t, organization.id)
    expect(audit).toMatchObject({
      action: 'organization.create',
      actor_user_id: f.users.cocAdminA.id,
      details: { fields: ['name', 'victimServiceProvider', 'cocId'] },
    })
  })

  it('refuses a name already used in the CoC (409), but not one used in another CoC', async () => {
    const taken = await createOrganization(f.users.cocAdminA, { name: 'Alpha Safe Harbor' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.message).toBe(
      'An organization named "Alpha Safe Harbor" already exists in this CoC',
    )
    const elsewhere = await createOrganization(f.users.cocAdminB, { name: 'Alpha Safe Harbor' })
    expect(elsewhere.statusCode).toBe(201)
    expect(elsewhere.json().cocId).toBe(f.cocB.id)
  })

  it("answers 404 for another CoC's id and 403 to an agency administrator", async () => {
    const otherCoc = await createOrganization(f.users.cocAdminA, { cocId: f.cocB.id, name: 'Planted' })
    expect(otherCoc.statusCode).toBe(404)
    expect(otherCoc.json().error.message).toBe('No such CoC')
    const agencyAdmin = await createOrganization(f.users.agencyAdminA1, { name: 'My own agency' })
    expect(agencyAdmin.statusCode).toBe(403)
    expect(
      await t.db
        .selectFrom('organization')
        .select('id')
        .where('name', 'in', ['Planted', 'My own agency'])
        .execute(),
    ).toEqual([])
  })

  it('lets a system administrator name the CoC', async () => {
    const systemAdmin = await signedInUser(t, 'root', f.orgA1, 'system_admin')
    const response = await createOrganization(systemAdmin, {
      cocId: f.cocB.id,
      name: 'Beta Family Shelter',
      victimServiceProvider: true,
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ cocId: f.cocB.id, victimServiceProvider: true })
  })

  it('refuses unknown fields, NUL characters and blank names with 400', async () => {
    for (const payload of [
      { name: 'Sneaky', active: false },
      { name: 'Nul\u0000Org' },
      { name: '   ' },
      { name: 'Bad id', cocId: 'not-an-id' },
    ]) {
      const response = await createOrganization(f.users.cocAdminA, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
    }
  })
})

describe('listing organizations', () => {
  it("shows the whole directory of the caller's CoC and nothing of another CoC", async () => {
    expect(await listNames(f.users.caseManagerA2)).toEqual([
      'Alpha Safe Harbor',
      'Alpha Shelter Services',
      'Alpha Street Outreach',
    ])
    expect(await listNames(f.users.caseManagerA2, `?cocId=${f.cocB.id}`)).toEqual([])
    expect(await listNames(f.users.agencyAdminB1)).toEqual([
      'Alpha Safe Harbor',
      'Beta Family Shelter',
      'Beta Housing Partners',
    ])
  })

  it('filters on active, and refuses a flag that is not true or false', async () => {
    expect(await listNames(f.users.caseManagerA2, '?active=false')).toEqual([])
    const bad = await t.request({
      method: 'GET',
      url: '/api/organizations?active=yes',
      cookie: f.users.caseManagerA2.cookie,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('must be true or false')
  })
})

describe('changing an organization', () => {
  it('lets its agency administrator rename it (sending unchanged CoC-only fields is fine)', async () => {
    const response = await patchOrganization(f.users.agencyAdminA1, f.orgA1.id, {
      name: 'Alpha Shelter & Services',
      active: true,
      victimServiceProvider: false,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ name: 'Alpha Shelter & Services', active: true })
    const audit = (await auditRowsFor(t, f.orgA1.id)).at(-1)
    expect(audit).toMatchObject({
      action: 'organization.update',
      outcome: 'success',
      details: { fields: ['name'] },
    })
  })

  it('keeps activation and the victim service provider flag with the CoC administrators (403, audited)', async () => {
    for (const payload of [{ active: false }, { victimServiceProvider: true }]) {
      const response = await patchOrganization(f.users.agencyAdminA1, f.orgA1.id, payload)
      expect(response.statusCode).toBe(403)
      expect(response.json().error.message).toContain('Only CoC administrators can activate or deactivate')
      expect((await auditRowsFor(t, f.orgA1.id)).at(-1)).toMatchObject({
        action: 'organization.update',
        outcome: 'denied',
        details: { fields: Object.keys(payload) },
      })
    }
    const stored = await t.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', f.orgA1.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ active: true, victim_service_provider: false })
  })

  it("refuses a case manager even for their own agency's name", async () => {
    const response = await patchOrganization(f.users.caseManagerA1, f.orgA1.id, { name: 'Ours now' })
    expect(response.statusCode).toBe(403)
  })

  it('refuses to rename onto a name taken in the CoC', async () => {
    const response = await patchOrganization(f.users.cocAdminA, f.orgA2.id, { name: 'Alpha Street Outreach' })
    expect(response.statusCode).toBe(409)
  })

  it("deactivating ends the sessions acting in it, and only those; the admin can't deactivate their own", async () => {
    const own = await patchOrganization(f.users.cocAdminA, f.orgA1.id, { active: false })
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toContain('the organization you are acting in')

    expect((await me(f.users.caseManagerA2)).statusCode).toBe(200)
    const response = await patchOrganization(f.users.cocAdminA, f.orgA2.id, { active: false })
    expect(response.statusCode).toBe(200)
    expect(response.json().active).toBe(false)

    const sessions = await t.db
      .selectFrom('session')
      .select(['organization_id', 'revoked_at'])
      .where('organization_id', 'in', [f.orgA1.id, f.orgA2.id])
      .execute()
    for (const session of sessions) {
      expect(session.revoked_at !== null, session.organization_id).toBe(
        session.organization_id === f.orgA2.id,
      )
    }
    expect((await me(f.users.caseManagerA2)).statusCode).toBe(401)
    expect((await me(f.users.agencyAdminA2)).statusCode).toBe(401)
    expect((await me(f.users.caseManagerA1)).statusCode).toBe(200)
    expect(await listNames(f.users.caseManagerA1, '?active=false')).toEqual(['Alpha Safe Harbor'])
    expect((await auditRowsFor(t, f.orgA2.id)).at(-1)).toMatchObject({ details: { fields: ['active'] } })
  })

  it('refuses unknown fields (a CoC move) and NUL characters with 400', async () => {
    for (const payload of [{ cocId: f.cocB.id }, { name: 'a\u0000b' }]) {
      const response = await patchOrganization(f.users.cocAdminA, f.orgA1.id, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
    }
  })
})
