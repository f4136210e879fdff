import type { Fixture, UnauthorizedCase } from './fixture'

// Administration: CoCs, organizations, projects, users and their memberships.

const readCoc = (f: Fixture, id: string) =>
  f.t.db.selectFrom('coc').selectAll().where('id', '=', id).executeTakeFirst()
const readOrganization = (f: Fixture, id: string) =>
  f.t.db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()
const readProject = (f: Fixture, id: string) =>
  f.t.db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst()
const readUser = async (f: Fixture, id: string) => ({
  user: await f.t.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst(),
  memberships: await f.t.db
    .selectFrom('membership')
    .selectAll()
    .where('user_id', '=', id)
    .orderBy('organization_id')
    .execute(),
})

const cocA = (f: Fixture) => Promise.resolve(f.cocA.id)
const orgA1 = (f: Fixture) => Promise.resolve(f.orgA1.id)
const projectOfA1 = (f: Fixture) => f.newProject(f.orgA1)
const caseManagerOfA1 = (f: Fixture) => f.newUser(f.orgA1, 'case_manager')

export default [
  // CoCs
  { target: 'CoC A', method: 'GET', url: '/api/cocs/:id', setup: cocA, caller: 'cocAdminB', read: readCoc },
  {
    target: 'CoC A',
    method: 'PATCH',
    url: '/api/cocs/:id',
    setup: cocA,
    caller: 'cocAdminB',
    payload: { name: 'Taken over', mfaRequiredRoles: [] },
    read: readCoc,
  },
  {
    target: 'CoC A',
    method: 'PATCH',
    url: '/api/cocs/:id',
    setup: cocA,
    caller: 'agencyAdminA1',
    payload: { mfaRequiredRoles: [] },
    read: readCoc,
    expect: 'forbidden',
  },

  // Organizations: the directory is shared inside a CoC, so a neighbour agency sees A1 but cannot edit it.
  {
    target: 'agency A1',
    method: 'GET',
    url: '/api/organizations/:id',
    setup: orgA1,
    caller: 'cocAdminB',
    read: readOrganization,
  },
  {
    target: 'agency A1',
    method: 'GET',
    url: '/api/organizations/:id',
    setup: orgA1,
    caller: 'agencyAdminB1',
    read: readOrganization,
  },
  {
    target: 'agency A1',
    method: 'PATCH',
    url: '/api/organizations/:id',
    setup: orgA1,
    caller: 'cocAdminB',
    payload: { active: false },
    read: readOrganization,
  },
  {
    target: 'agency A1',
    method: 'PATCH',
    url: '/api/organizations/:id',
    setup: orgA1,
    caller: 'agencyAdminB1',
    payload: { name: 'Renamed by a stranger' },
    read: readOrganization,
  },
  {
    target: 'agency A1',
    method: 'PATCH',
    url: '/api/organizations/:id',
    setup: orgA1,
    caller: 'agencyAdminA2',
    payload: { name: 'Renamed by a neighbour' },
    read: readOrganization,
    expect: 'forbidden',
  },

  // Projects
  {
    target: 'project of A1',
    method: 'GET',
    url: '/api/projects/:id',
    setup: projectOfA1,
    caller: 'cocAdminB',
    read: readProject,
  },
  {
    target: 'project of A1',
    method: 'GET',
    url: '/api/projects/:id',
    setup: projectOfA1,
    caller: 'agencyAdminB1',
    read: readProject,
  },
  {
    target: 'project of A1',
    method: 'PATCH',
    url: '/api/projects/:id',
    setup: projectOfA1,
    caller: 'cocAdminB',
    payload: { active: false },
    read: readProject,
  },
  {
    target: 'project of A1',
    method: 'PATCH',
    url: '/api/projects/:id',
    setup: projectOfA1,
    caller: 'agencyAdminA2',
    payload: { name: 'Renamed by a neighbour' },
    read: readProject,
    expect: 'forbidden',
  },
  {
    target: 'project of A1',
    method: 'PATCH',
    url: '/api/projects/:id',
    setup: projectOfA1,
    caller: 'caseManagerA1',
    payload: { operatingEndDate: '2025-01-01' },
    read: readProject,
    expect: 'forbidden',
  },

  // Users: only their administrators (and they themselves) know they exist.
  {
    target: 'user of A1',
    method: 'GET',
    url: '/api/users/:id',
    setup: caseManagerOfA1,
    caller: 'agencyAdminA2',
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'GET',
    url: '/api/users/:id',
    setup: caseManagerOfA1,
    caller: 'cocAdminB',
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'GET',
    url: '/api/users/:id',
    setup: caseManagerOfA1,
    caller: 'caseManagerA1',
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'PATCH',
    url: '/api/users/:id',
    setup: caseManagerOfA1,
    caller: 'agencyAdminA2',
    payload: { active: false },
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'PATCH',
    url: '/api/users/:id',
    setup: caseManagerOfA1,
    caller: 'cocAdminB',
    payload: { password: 'a brand new password of mine' },
    read: readUser,
  },
  {
    target: 'CoC admin acting in A1',
    method: 'PATCH',
    url: '/api/users/:id',
    setup: (f) => f.newUser(f.orgA1, 'coc_admin'),
    caller: 'agencyAdminA1',
    payload: { password: 'a brand new password of mine' },
    read: readUser,
  },
  {
    target: 'user of A1 who also works for A2',
    method: 'PATCH',
    url: '/api/users/:id',
    setup: async (f) => {
      const id = await f.newUser(f.orgA1, 'case_manager')
      await f.t.db
        .insertInto('membership')
        .values({ user_id: id, organization_id: f.orgA2.id, role: 'case_manager' })
        .execute()
      return id
    },
    caller: 'agencyAdminA1',
    payload: { active: false },
    read: readUser,
  },
  {
    target: 'user of A1 (pulled into A2)',
    method: 'PUT',
    url: '/api/users/:id/memberships/:organizationId',
    params: (f) => ({ organizationId: f.orgA2.id }),
    setup: caseManagerOfA1,
    caller: 'agencyAdminA2',
    payload: { role: 'agency_admin' },
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'PUT',
    url: '/api/users/:id/memberships/:organizationId',
    params: (f) => ({ organizationId: f.orgA1.id }),
    setup: caseManagerOfA1,
    caller: 'cocAdminB',
    payload: { role: 'agency_admin' },
    read: readUser,
  },
  {
    target: 'user of A1',
    method: 'DELETE',
    url: '/api/users/:id/memberships/:organizationId',
    params: (f) => ({ organizationId: f.orgA1.id }),
    setup: caseManagerOfA1,
    caller: 'agencyAdminA2',
    read: readUser,
  },
] satisfies UnauthorizedCase[]
