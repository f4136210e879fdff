import { ROLES, type Role } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoc, createOrganization, createTestApp, createUser, type TestApp } from '../../test/test-app'
import { recordAudit } from '../audit/record-audit'
import { loadUsers } from '../users/users.repository'
import { type Actor, type AnonymousActor, systemActor, type UserActor } from './actor'
import * as policy from './policy'
import * as visibility from './visibility'

// The SQL filters of visibility.ts must return exactly the rows the predicates of policy.ts allow, for
// every role, on 2 CoCs × 3 organizations with projects, users (several memberships, inactive ones, none)
// and audit rows.

let t: TestApp
const organizations: { id: string; cocId: string; name: string }[] = []
const userIdByOrgAndRole = new Map<string, string>()
let allUserIds: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  for (const [code, name] of [
    ['VA-101', 'A'],
    ['VB-202', 'B'],
  ] as const) {
    const coc = await createCoc(t.db, code, `CoC ${name}`)
    for (const n of [1, 2, 3]) organizations.push(await createOrganization(t.db, coc.id, `${name}${n}`))
  }
  for (const organization of organizations) {
    await t.db
      .insertInto('project')
      .values({
        organization_id: organization.id,
        coc_id: organization.cocId,
        name: `Project of ${organization.name}`,
        project_type: 13,
        operating_start_date: '2024-01-01',
      })
      .execute()
    for (const role of ROLES) {
      const user = await createUser(t.db, `${organization.name}.${role}`, [
        { organizationId: organization.id, role },
      ])
      userIdByOrgAndRole.set(`${organization.name}/${role}`, user.id)
    }
    await recordAudit(t.db, systemActor, { action: 'test.event', organizationId: organization.id })
  }
  await recordAudit(t.db, systemActor, { action: 'test.event', organizationId: null })
  await createUser(t.db, 'shared.a1.a2', [
    { organizationId: organizationNamed('A1').id, role: 'case_manager' },
    { organizationId: organizationNamed('A2').id, role: 'analyst' },
  ])
  await createUser(t.db, 'shared.a1.b1', [
    { organizationId: organizationNamed('A1').id, role: 'case_manager' },
    { organizationId: organizationNamed('B1').id, role: 'case_manager' },
  ])
  const former = await createUser(t.db, 'former.a1', [
    { organizationId: organizationNamed('A1').id, role: 'case_manager' },
  ])
  await t.db.updateTable('membership').set({ active: false }).where('user_id', '=', former.id).execute()
  await createUser(t.db, 'no.memberships', [])
  allUserIds = (await t.db.selectFrom('app_user').select('id').execute()).map((row) => row.id)
})
afterAll(() => t.close())

const organizationNamed = (name: string) => organizations.find((organization) => organization.name === name)!

function actorFor(role: Role, organizationName: string): UserActor {
  const organization = organizationNamed(organizationName)
  return {
    kind: 'user',
    userId: userIdByOrgAndRole.get(`${organizationName}/${role}`)!,
    username: `${organizationName}.${role}`,
    organizationId: organization.id,
    cocId: organization.cocId,
    role,
    sessionId: null,
    apiTokenId: null,
    requestId: null,
    ip: null,
  }
}

const anonymous: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null }
// Built lazily: the organizations exist only once beforeAll has run.
const ACTORS: [string, () => Actor][] = [
  ...ROLES.flatMap((role) =>
    ['A1', 'B2'].map((org): [string, () => Actor] => [`${role} of ${org}`, () => actorFor(role, org)]),
  ),
  ['the system', () => systemActor],
  ['anonymous', () => anonymous],
]

const sorted = (ids: string[]) => [...ids].sort()

describe.each(ACTORS)('for %s, the SQL filters return what the predicates allow', (_name, actorOf) => {
  let actor: Actor
  beforeAll(() => {
    actor = actorOf()
  })

  it('CoCs', async () => {
    const all = await t.db.selectFrom('coc').select('id').execute()
    const listed = await t.db.selectFrom('coc').select('id').where(visibility.cocsVisibleTo(actor)).execute()
    expect(sorted(listed.map((row) => row.id))).toEqual(
      sorted(all.filter((coc) => policy.canSeeCoc(actor, coc)).map((coc) => coc.id)),
    )
  })

  it('organizations', async () => {
    const all = await t.db.selectFrom('organization').select(['id', 'coc_id as cocId']).execute()
    const listed = await t.db
      .selectFrom('organization')
      .select('id')
      .where(visibility.organizationsVisibleTo(actor))
      .execute()
    expect(sorted(listed.map((row) => row.id))).toEqual(
      sorted(
        all.filter((organization) => policy.canSeeOrganization(actor, organization)).map((row) => row.id),
      ),
    )
  })

  it('projects', async () => {
    const all = await t.db.selectFrom('project').select(['id', 'coc_id as cocId']).execute()
    const listed = await t.db
      .selectFrom('project')
      .select('id')
      .where(visibility.projectsVisibleTo(actor))
      .execute()
    expect(sorted(listed.map((row) => row.id))).toEqual(
      sorted(all.filter((project) => policy.canSeeProject(actor, project)).map((row) => row.id)),
    )
  })

  it('users', async () => {
    const all = await loadUsers(t.db, allUserIds)
    const listed = await t.db
      .selectFrom('app_user')
      .select('id')
      .where(visibility.usersVisibleTo(actor))
      .execute()
    const allowed = all.filter((user) => policy.canSeeUser(actor, user)).map((user) => user.id)
    expect(sorted(listed.map((row) => row.id))).toEqual(sorted(allowed))
  })

  it('audit events', async () => {
    const cocOf = new Map(organizations.map((organization) => [organization.id, organization.cocId]))
    const all = await t.db.selectFrom('audit_event').select(['seq', 'organization_id']).execute()
    const listed = await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where(visibility.auditEventsVisibleTo(actor))
      .execute()
    const allowed = all.filter((event) =>
      policy.canSeeAuditEvent(actor, {
        organizationId: event.organization_id,
        organizationCocId: event.organization_id ? (cocOf.get(event.organization_id) ?? null) : null,
      }),
    )
    expect(listed.map((row) => row.seq).sort((a, b) => a - b)).toEqual(
      allowed.map((row) => row.seq).sort((a, b) => a - b),
    )
  })
})

describe('the fixture exercises the rules', () => {
  it('gives each filter rows to keep and rows to drop', async () => {
    const agencyAdmin = actorFor('agency_admin', 'A1')
    const users = await t.db
      .selectFrom('app_user')
      .select('username')
      .where(visibility.usersVisibleTo(agencyAdmin))
      .execute()
    expect(users.map((row) => row.username).sort()).toEqual([
      'A1.agency_admin',
      'A1.analyst',
      'A1.case_manager',
      'A1.housing_provider',
      'former.a1',
    ])
    const cocAdmin = actorFor('coc_admin', 'B2')
    const projects = await t.db
      .selectFrom('project')
      .select('name')
      .where(visibility.projectsVisibleTo(cocAdmin))
      .execute()
    expect(projects.map((row) => row.name).sort()).toEqual([
      'Project of B1',
      'Project of B2',
      'Project of B3',
    ])
  })
})
