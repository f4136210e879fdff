import { verify } from '@node-rs/argon2'
import { PROJECT_TYPES } from '@threshold/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, sessionFor, type TestApp } from '../../test/test-app'
import { DEMO_AGENCIES } from './demo-agencies'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users'
import { inspectDemo, seedDemo } from './seed-demo'
import { DEMO_BED_FACILITIES, DEMO_OFFLINE_ROOM } from './seed-demo-beds'

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

  it('gives the shelter and PSH agencies facilities with residents, holds, an offline room and a bar', async () => {
    const facilities = await t.db
      .selectFrom('facility')
      .innerJoin('organization', 'organization.id', 'facility.organization_id')
      .select(['facility.name', 'organization.name as agency'])
      .orderBy('facility.name')
      .execute()
    expect(facilities).toEqual([
      { name: DEMO_BED_FACILITIES.shelter.name, agency: DEMO_AGENCIES.shelter.name },
      { name: DEMO_BED_FACILITIES.supportiveHousing.name, agency: DEMO_AGENCIES.supportiveHousing.name },
    ])
    const beds = await t.db
      .selectFrom('bed')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(beds.count).toBeGreaterThanOrEqual(200)

    // Every resident is in a bed of a project they are enrolled in today, run by the agency that owns them.
    const stays = await t.db
      .selectFrom('bed_stay')
      .innerJoin('bed', 'bed.id', 'bed_stay.bed_id')
      .innerJoin('facility', 'facility.id', 'bed.facility_id')
      .innerJoin('enrollment', 'enrollment.id', 'bed_stay.enrollment_id')
      .innerJoin('client', 'client.id', 'bed_stay.client_id')
      .select([
        'bed.project_id as bedProject',
        'enrollment.project_id as enrolledProject',
        'enrollment.client_id as enrolledClient',
        'bed_stay.client_id as resident',
        'enrollment.exit_date as exitDate',
        'facility.organization_id as agency',
        'client.owner_organization_id as owner',
      ])
      .where(sql<boolean>`upper(bed_stay.during) IS NULL`)
      .execute()
    expect(stays.length).toBeGreaterThanOrEqual(100)
    for (const stay of stays) {
      expect(stay).toMatchObject({
        enrolledProject: stay.bedProject,
        enrolledClient: stay.resident,
        exitDate: null,
        owner: stay.agency,
      })
    }
    const households = await t.db
      .selectFrom('bed_stay')
      .innerJoin('enrollment', 'enrollment.id', 'bed_stay.enrollment_id')
      .select('enrollment.enrollment_household_id')
      .groupBy('enrollment.enrollment_household_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    expect(households.length).toBeGreaterThan(0)

    const offline = await t.db
      .selectFrom('bed_offline')
      .innerJoin('bed', 'bed.id', 'bed_offline.bed_id')
      .innerJoin('bed_unit', 'bed_unit.id', 'bed.unit_id')
      .select(['bed_unit.name', 'bed_offline.reason'])
      .where(sql<boolean>`bed_offline.during @> now()`)
      .execute()
    expect(offline.length).toBeGreaterThan(0)
    expect(new Set(offline.map((row) => `${row.name}: ${row.reason}`))).toEqual(
      new Set([`${DEMO_OFFLINE_ROOM.unit}: ${DEMO_OFFLINE_ROOM.reason}`]),
    )
    const holds = await t.db.selectFrom('reservation').select('id').where('status', '=', 'active').execute()
    expect(holds.length).toBeGreaterThan(0)
    const bars = await t.db.selectFrom('client_bar').select(['client_id', 'reason']).execute()
    expect(bars).toHaveLength(1)
    // The barred guest is enrolled in the shelter tonight but has no bed: the board's check-in refuses them.
    const barredStay = await t.db
      .selectFrom('bed_stay')
      .select('id')
      .where('client_id', '=', bars[0]!.client_id)
      .execute()
    expect(barredStay).toEqual([])
  })

  it('enrolls households across project types with records, services, assistance and case notes', async () => {
    const enrollments = await t.db
      .selectFrom('enrollment')
      .innerJoin('project', 'project.id', 'enrollment.project_id')
      .leftJoin('bed_stay', 'bed_stay.enrollment_id', 'enrollment.id')
      .select([
        'project.name',
        'project.project_type as type',
        'enrollment.exit_date',
        'enrollment.destination',
      ])
      .where('project.project_type', '<>', PROJECT_TYPES.CE)
      .where('bed_stay.id', 'is', null)
      .execute()
    const types = new Set(enrollments.map((enrollment) => enrollment.type))
    for (const type of [
      PROJECT_TYPES.RRH,
      PROJECT_TYPES.ES_ENTRY_EXIT,
      PROJECT_TYPES.PSH,
      PROJECT_TYPES.HP,
      PROJECT_TYPES.SSO,
    ])
      expect(types).toContain(type)
    const exited = enrollments.filter((enrollment) => enrollment.exit_date !== null)
    expect(exited.length).toBeGreaterThan(0)
    expect(exited.every((enrollment) => enrollment.destination !== null)).toBe(true)

    const notes = await t.db.selectFrom('case_note').select(['locked', 'shareable']).execute()
    expect(notes.some((note) => note.locked)).toBe(true)
    expect(notes.some((note) => note.shareable)).toBe(true)
    const versions = await t.db.selectFrom('case_note_version').select('case_note_id').execute()
    expect(versions).toHaveLength(notes.length)

    const rrh = await t.db
      .selectFrom('project')
      .select('id')
      .where('name', '=', DEMO_AGENCIES.rapidRehousing.projects[0].name)
      .executeTakeFirstOrThrow()
    const cocAdmin = await t.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select(['app_user.id', 'membership.organization_id'])
      .where('app_user.username', '=', 'coc.admin')
      .executeTakeFirstOrThrow()
    const cookie = await sessionFor(t, cocAdmin.id, cocAdmin.organization_id)
    const report = await t.request({ method: 'GET', url: `/api/projects/${rrh.id}/data-quality`, cookie })
    expect(report.statusCode).toBe(200)
    const elements: {
      element: string
      stage: string
      complete: number
      missing: number
      clientDoesntKnow: number
    }[] = report.json().elements
    const income = elements.find((row) => row.element.startsWith('4.02') && row.stage === 'project start')
    expect(income?.complete).toBeGreaterThan(0)
    expect(income?.missing).toBeGreaterThan(0)
    expect(
      elements.find((row) => row.element.startsWith('4.04') && row.stage === 'project start')
        ?.clientDoesntKnow,
    ).toBeGreaterThan(0)

    const paid = await t.db
      .selectFrom('service_record')
      .innerJoin('service_type', 'service_type.id', 'service_record.service_type_id')
      .select((eb) => eb.fn.sum<string>('service_record.amount').as('total'))
      .where('service_type.assistance_kind', '=', 'rental')
      .executeTakeFirstOrThrow()
    expect(Number(paid.total)).toBeGreaterThan(0)
  })

  it('changes nothing when run again', async () => {
    const before = await rowCounts()
    expect(await seedDemo(t.db)).toBe('already_present')
    expect(await rowCounts()).toEqual(before)
    expect(before.coc).toBe(1)
    expect(await inspectDemo(t.db)).toEqual({ demoPresent: true, hasCoc: true })
  })
})
