import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { auditRowsFor, buildFixture, type Fixture, type FixtureUser } from '../../test/unauthorized/fixture'

let t: TestApp
let f: Fixture
beforeAll(async () => {
  t = await createTestApp()
  f = await buildFixture(t)
})
afterAll(() => t.close())

const createProject = (user: FixtureUser, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/projects', cookie: user.cookie, payload })
const patchProject = (user: FixtureUser, id: string, payload: object) =>
  t.request({ method: 'PATCH', url: `/api/projects/${id}`, cookie: user.cookie, payload })
const listNames = async (user: FixtureUser, query = '') => {
  const response = await t.request({ method: 'GET', url: `/api/projects${query}`, cookie: user.cookie })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().map((project: { name: string }) => project.name)
}

const shelter = (organizationId: string) => ({
  organizationId,
  name: 'Night Shelter',
  projectType: 1,
  operatingStartDate: '2020-01-01',
})

let nightShelterId: string

describe('creating a project', () => {
  it("lets the agency administrator add one to their agency, in the agency's CoC, audited", async () => {
    const response = await createProject(f.users.agencyAdminA1, shelter(f.orgA1.id))
    expect(response.statusCode, response.body).toBe(201)
    const project = response.json()
    expect(project).toEqual({
      id: expect.any(String),
      organizationId: f.orgA1.id,
      organizationName: 'Alpha Shelter Services',
      cocId: f.cocA.id,
      name: 'Night Shelter',
      projectType: 1,
      operatingStartDate: '2020-01-01',
      operatingEndDate: null,
      continuumProject: true,
      hmisParticipation: 1,
      active: true,
      acceptsDirectReferrals: false,
    })
    nightShelterId = project.id
    const [audit] = await auditRowsFor(t, project.id)
    expect(audit).toMatchObject({
      action: 'project.create',
      actor_user_id: f.users.agencyAdminA1.id,
      details: {
        fields: [
          'organizationId',
          'name',
          'projectType',
          'operatingStartDate',
          'operatingEndDate',
          'continuumProject',
          'hmisParticipation',
          'active',
          'acceptsDirectReferrals',
        ],
      },
    })
  })

  it('refuses a project type outside the HUD list, naming the valid codes', async () => {
    const response = await createProject(f.users.agencyAdminA1, { ...shelter(f.orgA1.id), projectType: 5 })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toBe(
      'Invalid input: body.projectType must be a HUD project type code (list 2.02.6): 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14',
    )
  })

  it('refuses an operating end before the start, and impossible dates', async () => {
    const backwards = await createProject(f.users.agencyAdminA1, {
      ...shelter(f.orgA1.id),
      name: 'Backwards',
      operatingEndDate: '2019-12-31',
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error).toMatchObject({
      code: 'invalid_input',
      message: 'The operating end date must be on or after the operating start date (2020-01-01)',
      details: [{ path: 'body.operatingEndDate' }],
    })
    const impossible = await createProject(f.users.agencyAdminA1, {
      ...shelter(f.orgA1.id),
      name: 'Leap',
      operatingStartDate: '2023-02-30',
    })
    expect(impossible.statusCode).toBe(400)
    expect(impossible.json().error.message).toContain('must be a real calendar date')
  })

  it('takes the CoC from the organization, never from the body', async () => {
    const response = await createProject(f.users.cocAdminA, {
      ...shelter(f.orgA1.id),
      name: 'X',
      cocId: f.cocB.id,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain('cocId')
  })

  it('refuses a duplicate name in the organization (409), NUL characters (400)', async () => {
    expect((await createProject(f.users.cocAdminA, shelter(f.orgA1.id))).statusCode).toBe(409)
    expect(
      (await createProject(f.users.cocAdminA, { ...shelter(f.orgA1.id), name: 'N\u0000' })).statusCode,
    ).toBe(400)
  })

  it("answers 403 for a neighbour agency or a case manager, 404 for another CoC's agency", async () => {
    const neighbour = await createProject(f.users.agencyAdminA2, {
      ...shelter(f.orgA1.id),
      name: 'Neighbour',
    })
    expect(neighbour.statusCode).toBe(403)
    const caseManager = await createProject(f.users.caseManagerA1, { ...shelter(f.orgA1.id), name: 'Mine' })
    expect(caseManager.statusCode).toBe(403)
    const otherCoc = await createProject(f.users.cocAdminB, { ...shelter(f.orgA1.id), name: 'Foreign' })
    expect(otherCoc.statusCode).toBe(404)
    expect(otherCoc.json().error.message).toBe('No such organization')
    const denied = (await auditRowsFor(t, f.orgA1.id)).filter((row) => row.outcome === 'denied')
    expect(denied.map((row) => [row.action, row.actor_user_id])).toEqual([
      ['project.create', f.users.cocAdminB.id],
    ])
  })

  it('lets a CoC administrator add projects to any agency of the CoC', async () => {
    const response = await createProject(f.users.cocAdminA, {
      organizationId: f.orgA2.id,
      name: 'Rapid Rehousing',
      projectType: 13,
      operatingStartDate: '2021-07-01',
      operatingEndDate: '2026-06-30',
      continuumProject: false,
      hmisParticipation: 2,
    })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ organizationName: 'Alpha Safe Harbor', hmisParticipation: 2 })
  })
})

describe('listing projects', () => {
  it("shows the CoC's projects, filtered by organization, type and status", async () => {
    await createProject(f.users.agencyAdminB1, { ...shelter(f.orgB1.id), name: 'Beta Shelter' })
    expect(await listNames(f.users.caseManagerA2)).toEqual(['Rapid Rehousing', 'Night Shelter'])
    expect(await listNames(f.users.caseManagerA2, `?organizationId=${f.orgA1.id}`)).toEqual(['Night Shelter'])
    expect(await listNames(f.users.caseManagerA2, '?projectType=13')).toEqual(['Rapid Rehousing'])
    expect(await listNames(f.users.caseManagerA2, `?cocId=${f.cocB.id}`)).toEqual([])
    expect(await listNames(f.users.caseManagerA2, '?active=false')).toEqual([])
    expect(await listNames(f.users.agencyAdminB1)).toEqual(['Beta Shelter'])
  })

  it('refuses a project type filter outside the HUD list', async () => {
    for (const projectType of ['5', 'abc', '']) {
      const response = await t.request({
        method: 'GET',
        url: `/api/projects?projectType=${projectType}`,
        cookie: f.users.caseManagerA1.cookie,
      })
      expect(response.statusCode, projectType).toBe(400)
    }
  })
})

describe('changing a project', () => {
  it('lets the CoC administrator change it, audited with the field names only', async () => {
    const response = await patchProject(f.users.cocAdminA, nightShelterId, {
      name: 'Night Shelter (winter)',
      operatingEndDate: '2026-03-31',
      projectType: 1,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ name: 'Night Shelter (winter)', operatingEndDate: '2026-03-31' })
    const audit = (await auditRowsFor(t, nightShelterId)).at(-1)
    expect(audit).toMatchObject({
      action: 'project.update',
      details: { fields: ['name', 'operatingEndDate'] },
    })
    expect(JSON.stringify(audit?.details)).not.toContain('winter')
  })

  it('checks the dates against the stored ones', async () => {
    const response = await patchProject(f.users.agencyAdminA1, nightShelterId, {
      operatingStartDate: '2026-04-01',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toBe(
      'The operating end date must be on or after the operating start date (2026-04-01)',
    )
  })

  it('keeps the project with its organization: organizationId is not a field to patch', async () => {
    const response = await patchProject(f.users.cocAdminA, nightShelterId, { organizationId: f.orgA2.id })
    expect(response.statusCode).toBe(400)
  })

  it('lets the agency administrator open the project to direct referrals, not its case managers', async () => {
    const refused = await patchProject(f.users.caseManagerA1, nightShelterId, {
      acceptsDirectReferrals: true,
    })
    expect(refused.statusCode).toBe(403)
    const response = await patchProject(f.users.agencyAdminA1, nightShelterId, {
      acceptsDirectReferrals: true,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().acceptsDirectReferrals).toBe(true)
    const stored = await t.request({
      method: 'GET',
      url: `/api/projects/${nightShelterId}`,
      cookie: f.users.caseManagerA2.cookie,
    })
    expect(stored.json().acceptsDirectReferrals).toBe(true)
    expect((await auditRowsFor(t, nightShelterId)).at(-1)).toMatchObject({
      action: 'project.update',
      details: { fields: ['acceptsDirectReferrals'] },
    })
  })

  it('deactivates a project', async () => {
    const response = await patchProject(f.users.agencyAdminA1, nightShelterId, { active: false })
    expect(response.statusCode).toBe(200)
    expect(await listNames(f.users.caseManagerA1, '?active=false')).toEqual(['Night Shelter (winter)'])
  })

  it('refuses to add projects to an inactive organization', async () => {
    await t.db.updateTable('organization').set({ active: false }).where('id', '=', f.orgA2.id).execute()
    const response = await createProject(f.users.cocAdminA, { ...shelter(f.orgA2.id), name: 'Too late' })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.message).toBe(
      'Alpha Safe Harbor is inactive; reactivate it before adding projects',
    )
  })
})
