import { verify } from '@node-rs/argon2'
import { PROJECT_TYPES } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { DEMO_AGENCIES } from './demo-agencies'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users'
import { inspectDemo, seedDemo } from './seed-demo'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function rowCounts() {
  const counts: Record<string, number> = {}
  for (const table of ['coc', 'organization', 'project', 'app_user', 'membership', 'audit_event'] as const) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    counts[table] = row.count
  }
  return counts
}

describe('seedDemo', () => {
  it('creates the Fulton County CoC with its agencies, projects and one user per role', async () => {
    expect(await inspectDemo(t.db)).toEqual({ demoPresent: false, hasCoc: false })
    expect(await seedDemo(t.db)).toBe('seeded')
    expect(await inspectDemo(t.db)).toEqual({ demoPresent: true, hasCoc: true })

    const coc = await t.db.selectFrom('coc').selectAll().executeTakeFirstOrThrow()
    expect(coc).toMatchObject({ code: 'GA-502', name: 'Fulton County CoC' })

    const organizations = await t.db
      .selectFrom('organization')
      .select(['name', 'victim_service_provider'])
      .where('coc_id', '=', coc.id)
      .execute()
    expect(organizations.length).toBeGreaterThanOrEqual(6)
    expect(organizations.filter((organization) => organization.victim_service_provider)).toEqual([
      { name: DEMO_AGENCIES.victimServices.name, victim_service_provider: true },
    ])

    const projects = await t.db
      .selectFrom('project as p')
      .innerJoin('organization as o', 'o.id', 'p.organization_id')
      .select([
        'p.name',
        'p.project_type',
        'p.operating_start_date',
        'p.continuum_project',
        'p.hmis_participation',
        'p.coc_id',
        'o.name as organization',
      ])
      .execute()
    const ceProjects = projects.filter((project) => project.project_type === PROJECT_TYPES.CE)
    expect(ceProjects.map((project) => [project.name, project.organization]).sort()).toEqual([
      ['North Fulton CE', DEMO_AGENCIES.northAccess.name],
      ['South Fulton CE', DEMO_AGENCIES.southAccess.name],
    ])
    // Every service of the customer's quick reference guide has a project to refer to.
    const types = new Set(projects.map((project) => project.project_type))
    for (const type of [
      PROJECT_TYPES.RRH,
      PROJECT_TYPES.ES_ENTRY_EXIT,
      PROJECT_TYPES.ES_NIGHT_BY_NIGHT,
      PROJECT_TYPES.PSH,
      PROJECT_TYPES.HP,
      PROJECT_TYPES.SSO,
    ]) {
      expect(types).toContain(type)
    }
    expect(projects.map((project) => project.name)).toContain('Family-based Setting Support Program')
    for (const project of projects) {
      expect(project).toMatchObject({
        operating_start_date: '2020-01-01',
        continuum_project: true,
        hmis_participation: 1,
        coc_id: coc.id,
      })
    }
  })

  it('gives every demo user the roles of DEMO_USERS and the demo password', async () => {
    const memberships = await t.db
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .innerJoin('organization as o', 'o.id', 'm.organization_id')
      .select(['u.username', 'o.name as organization', 'm.role', 'm.active'])
      .execute()
    const expected = DEMO_USERS.flatMap((user) =>
      user.memberships.map((membership) => ({
        username: user.username,
        organization: DEMO_AGENCIES[membership.agency].name,
        role: membership.role,
        active: true,
      })),
    )
    const byUsernameAndRole = (
      a: { username: string; role: string },
      b: { username: string; role: string },
    ) => `${a.username} ${a.role}`.localeCompare(`${b.username} ${b.role}`)
    expect(memberships.sort(byUsernameAndRole)).toEqual(expected.sort(byUsernameAndRole))
    expect(new Set(memberships.map((membership) => membership.username)).size).toBe(8)
    expect(memberships.filter((membership) => membership.username === 'ce.manager')).toHaveLength(2)

    const users = await t.db.selectFrom('app_user').select(['username', 'password_hash']).execute()
    expect(users).toHaveLength(8)
    const admin = users.find((user) => user.username === 'admin')!
    expect(admin.password_hash).toMatch(/^\$argon2id\$/)
    expect(await verify(admin.password_hash, DEMO_PASSWORD)).toBe(true)
    expect(await verify(admin.password_hash, 'threshold-demo!')).toBe(false)
  })

  it('lets every demo user sign in with the demo password and see each of their organizations', async () => {
    for (const user of DEMO_USERS) {
      const response = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: DEMO_PASSWORD },
      })
      expect(response.statusCode, user.username).toBe(200)
      const session = response.json()
      expect(session.user.displayName).toBe(user.displayName)
      expect(
        session.organizations.map((organization: { organizationName: string; role: string }) => ({
          organization: organization.organizationName,
          role: organization.role,
        })),
      ).toEqual(
        expect.arrayContaining(
          user.memberships.map((membership) => ({
            organization: DEMO_AGENCIES[membership.agency].name,
            role: membership.role,
          })),
        ),
      )
      expect(session.organizations).toHaveLength(user.memberships.length)
    }
  })

  it('records one demo.seed audit row as the system', async () => {
    const rows = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'demo.seed').execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action: 'demo.seed',
      actor_user_id: null,
      actor_username: 'system',
      entity_type: 'coc',
      outcome: 'success',
      details: {
        organizations: Object.keys(DEMO_AGENCIES).length,
        projects: Object.values(DEMO_AGENCIES).reduce((sum, agency) => sum + agency.projects.length, 0),
        users: 8,
      },
    })
  })

  it('changes nothing when run again', async () => {
    const before = await rowCounts()
    expect(await seedDemo(t.db)).toBe('already_present')
    expect(await rowCounts()).toEqual(before)
    expect(before.coc).toBe(1)
    expect(await inspectDemo(t.db)).toEqual({ demoPresent: true, hasCoc: true })
  })
})
