import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { buildFixture, type Fixture, type FixtureUser, signedInUser } from '../../test/unauthorized/fixture'
import { systemActor } from '../access/actor'
import { recordAudit } from './record-audit'

let t: TestApp
let f: Fixture
let systemAdmin: FixtureUser
beforeAll(async () => {
  t = await createTestApp()
  f = await buildFixture(t)
  systemAdmin = await signedInUser(t, 'root', f.orgB1, 'system_admin')
  // Something audited in each agency, one refusal, and one row of no agency (the system's).
  await recordAudit(t.db, systemActor, { action: 'system.maintenance' })
  const project = (organizationId: string) => ({
    organizationId,
    name: 'Audited project',
    projectType: 4,
    operatingStartDate: '2022-05-01',
  })
  for (const [user, payload] of [
    [f.users.agencyAdminA1, project(f.orgA1.id)],
    [f.users.agencyAdminA2, project(f.orgA2.id)],
    [f.users.agencyAdminB1, project(f.orgB1.id)],
  ] as const) {
    const response = await t.request({ method: 'POST', url: '/api/projects', cookie: user.cookie, payload })
    expect(response.statusCode).toBe(201)
  }
  await t.request({
    method: 'PATCH',
    url: `/api/organizations/${f.orgA1.id}`,
    cookie: f.users.caseManagerA1.cookie,
    payload: { name: 'x' },
  })
})
afterAll(() => t.close())

interface Event {
  seq: number
  action: string
  organizationId: string | null
  actorUserId: string | null
  entityId: string | null
  outcome: string
}

async function page(user: FixtureUser, query = '') {
  const response = await t.request({ method: 'GET', url: `/api/audit-events${query}`, cookie: user.cookie })
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { events: Event[]; nextBefore: number | null }
}
const organizationsIn = (events: Event[]) => [...new Set(events.map((event) => event.organizationId))].sort()
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

describe('who reads which audit rows', () => {
  it("shows an agency administrator their own agency's rows only", async () => {
    const { events } = await page(f.users.agencyAdminA1)
    expect(organizationsIn(events)).toEqual([f.orgA1.id])
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['project.create', 'organization.update']),
    )
  })

  it("shows a CoC administrator their CoC's agencies, not another CoC's", async () => {
    expect(organizationsIn((await page(f.users.cocAdminA)).events)).toEqual([f.orgA1.id, f.orgA2.id].sort())
    expect(organizationsIn((await page(f.users.cocAdminB)).events)).toEqual([f.orgB1.id])
  })

  it('shows a system administrator everything, the sign-in-less rows too', async () => {
    const total = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const { events } = await page(systemAdmin, '?limit=500')
    expect(events.length).toBe(Number(total.n))
    expect(organizationsIn(events)).toContain(null)
  })

  it('refuses (403, audited) everyone who is not an administrator', async () => {
    for (const user of [f.users.caseManagerA1, f.users.caseManagerA2]) {
      const response = await t.request({ method: 'GET', url: '/api/audit-events', cookie: user.cookie })
      expect(response.statusCode).toBe(403)
      const denied = await t.db
        .selectFrom('audit_event')
        .select('outcome')
        .where('action', '=', 'audit.read')
        .where('actor_user_id', '=', user.id)
        .execute()
      expect(denied).toEqual([{ outcome: 'denied' }])
    }
  })
})

describe('filters and paging', () => {
  it('filters by action, entity, actor and outcome', async () => {
    const created = await page(f.users.cocAdminA, '?action=project.create')
    expect(created.events.map((event) => event.actorUserId).sort()).toEqual(
      [f.users.agencyAdminA1.id, f.users.agencyAdminA2.id].sort(),
    )
    const byEntity = await page(f.users.cocAdminA, `?entityType=organization&entityId=${f.orgA1.id}`)
    expect(byEntity.events.map((event) => [event.action, event.outcome])).toEqual([
      ['organization.update', 'denied'],
    ])
    const denied = await page(f.users.cocAdminA, `?outcome=denied&actorUserId=${f.users.caseManagerA1.id}`)
    expect(denied.events.map((event) => event.action)).toEqual(['audit.read', 'organization.update'])
  })

  it('takes whole UTC days for from and to', async () => {
    expect(
      (await page(f.users.cocAdminB, `?from=${isoDay(-1)}&to=${isoDay(1)}`)).events.length,
    ).toBeGreaterThan(0)
    expect((await page(f.users.cocAdminB, `?to=${isoDay(-2)}`)).events).toEqual([])
    expect((await page(f.users.cocAdminB, `?from=${isoDay(2)}`)).events).toEqual([])
  })

  it('pages newest first with nextBefore, without gaps or repeats', async () => {
    const everything = (await page(systemAdmin, '?limit=500&action=project.create')).events.map(
      (event) => event.seq,
    )
    expect(everything).toHaveLength(3)
    const first = await page(systemAdmin, '?limit=2&action=project.create')
    expect(first.nextBefore).toBe(first.events[1]?.seq)
    const second = await page(systemAdmin, `?limit=2&action=project.create&before=${first.nextBefore}`)
    expect(second.nextBefore).toBeNull()
    expect([...first.events, ...second.events].map((event) => event.seq)).toEqual(everything)
    expect(everything).toEqual([...everything].sort((a, b) => b - a))
  })

  it('audits every read of the log with the filter names', async () => {
    await page(f.users.agencyAdminB1, `?action=project.create&from=${isoDay(-1)}`)
    const reads = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'audit.read')
      .where('actor_user_id', '=', f.users.agencyAdminB1.id)
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatchObject({
      outcome: 'success',
      organization_id: f.orgB1.id,
      details: { filters: ['action', 'from'], rows: 1 },
    })
  })

  it('refuses bad filters with 400', async () => {
    for (const query of [
      `?from=${isoDay(1)}&to=${isoDay(-1)}`,
      '?from=2023-02-30',
      '?limit=0',
      '?limit=501',
      '?outcome=maybe',
      '?actorUserId=bob',
      '?before=-3',
      '?action=a%00b',
    ]) {
      const response = await t.request({
        method: 'GET',
        url: `/api/audit-events${query}`,
        cookie: systemAdmin.cookie,
      })
      expect(response.statusCode, query).toBe(400)
    }
  })
})
