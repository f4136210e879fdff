import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, sessionFor, type TestApp } from '../../test/test-app'
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

const NEW_PASSWORD = 'a long enough passphrase'

const createUser = (user: FixtureUser, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/users', cookie: user.cookie, payload })
const patchUser = (user: FixtureUser, id: string, payload: object) =>
  t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie: user.cookie, payload })
const putMembership = (user: FixtureUser, id: string, organizationId: string, payload: object) =>
  t.request({
    method: 'PUT',
    url: `/api/users/${id}/memberships/${organizationId}`,
    cookie: user.cookie,
    payload,
  })
const deleteMembership = (user: FixtureUser, id: string, organizationId: string) =>
  t.request({ method: 'DELETE', url: `/api/users/${id}/memberships/${organizationId}`, cookie: user.cookie })
const usernames = async (user: FixtureUser, query = '') => {
  const response = await t.request({ method: 'GET', url: `/api/users${query}`, cookie: user.cookie })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().map((listed: { username: string }) => listed.username)
}
const me = (user: FixtureUser) => t.request({ method: 'GET', url: '/api/auth/me', cookie: user.cookie })
const signIn = (username: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } })

const newCaseManager = (username: string) => ({
  username,
  displayName: 'Dana Reyes',
  email: 'dana@example.org',
  password: NEW_PASSWORD,
  memberships: [{ organizationId: f.orgA1.id, role: 'case_manager' }],
})

let danaId: string

describe('creating a user', () => {
  it('lets an agency administrator add a case manager; the answer and the audit row hold no secret', async () => {
    const response = await createUser(f.users.agencyAdminA1, newCaseManager('dana.reyes'))
    expect(response.statusCode, response.body).toBe(201)
    const user = response.json()
    expect(user).toEqual({
      id: expect.any(String),
      username: 'dana.reyes',
      displayName: 'Dana Reyes',
      email: 'dana@example.org',
      active: true,
      totpEnabled: false,
      memberships: [
        {
          organizationId: f.orgA1.id,
          organizationName: 'Alpha Shelter Services',
          role: 'case_manager',
          active: true,
        },
      ],
    })
    danaId = user.id
    const [audit] = await auditRowsFor(t, user.id)
    expect(audit).toMatchObject({
      action: 'user.create',
      actor_user_id: f.users.agencyAdminA1.id,
      details: {
        fields: ['username', 'displayName', 'email', 'password', 'memberships'],
        organizationIds: [f.orgA1.id],
      },
    })
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD)
    expect((await signIn('dana.reyes', NEW_PASSWORD)).statusCode).toBe(200)
  })

  it('refuses a username that is taken, whatever its case (409)', async () => {
    const response = await createUser(f.users.cocAdminA, newCaseManager('Dana.Reyes'))
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('The username "Dana.Reyes" is already taken; choose another')
  })

  it('applies the password rules', async () => {
    const short = await createUser(f.users.agencyAdminA1, { ...newCaseManager('short.pw'), password: 'tiny' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.message).toContain('at least 12 characters')
    const sameAsName = await createUser(f.users.agencyAdminA1, {
      ...newCaseManager('samename.user'),
      password: 'samename.user',
    })
    expect(sameAsName.statusCode).toBe(400)
  })

  it('gives only roles the creator may give, in organizations they may see', async () => {
    const cocRole = await createUser(f.users.agencyAdminA1, {
      ...newCaseManager('would.be.coc'),
      memberships: [{ organizationId: f.orgA1.id, role: 'coc_admin' }],
    })
    expect(cocRole.statusCode).toBe(403)
    expect(cocRole.json().error.message).toBe(
      'You cannot give the role "CoC administrator" in Alpha Shelter Services',
    )
    const neighbour = await createUser(f.users.agencyAdminA1, {
      ...newCaseManager('neighbour.user'),
      memberships: [{ organizationId: f.orgA2.id, role: 'case_manager' }],
    })
    expect(neighbour.statusCode).toBe(403)
    const otherCoc = await createUser(f.users.cocAdminA, {
      ...newCaseManager('foreign.user'),
      memberships: [{ organizationId: f.orgB1.id, role: 'case_manager' }],
    })
    expect(otherCoc.statusCode).toBe(404)
    const sysAdmin = await createUser(f.users.cocAdminA, {
      ...newCaseManager('would.be.root'),
      memberships: [{ organizationId: f.orgA1.id, role: 'system_admin' }],
    })
    expect(sysAdmin.statusCode).toBe(403)
    const made = await t.db
      .selectFrom('app_user')
      .select('username')
      .where('username', 'in', ['would.be.coc', 'neighbour.user', 'foreign.user', 'would.be.root'])
      .execute()
    expect(made).toEqual([])
  })

  it('refuses bad input with 400: unknown fields, NUL, bad email, no membership, a repeated organization', async () => {
    for (const payload of [
      { ...newCaseManager('extra.field'), active: false },
      { ...newCaseManager('nul.name'), displayName: 'Dana\u0000' },
      { ...newCaseManager('bad.email'), email: 'not an email' },
      { ...newCaseManager('no.orgs'), memberships: [] },
      {
        ...newCaseManager('twice.here'),
        memberships: [
          { organizationId: f.orgA1.id, role: 'case_manager' },
          { organizationId: f.orgA1.id, role: 'analyst' },
        ],
      },
      { ...newCaseManager('x'), username: 'has space' },
    ]) {
      const response = await createUser(f.users.cocAdminA, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
    }
  })
})

describe('listing and reading users', () => {
  it('shows each administrator the accounts they administer, and everyone else only themselves', async () => {
    expect(await usernames(f.users.agencyAdminA1)).toEqual(['a1.admin', 'a1.casemanager', 'dana.reyes'])
    expect(await usernames(f.users.cocAdminA)).toEqual([
      'a1.admin',
      'a1.casemanager',
      'a2.admin',
      'a2.casemanager',
      'alpha.cocadmin',
      'dana.reyes',
    ])
    expect(await usernames(f.users.caseManagerA1)).toEqual(['a1.casemanager'])
    expect(await usernames(f.users.cocAdminB)).toEqual(['b1.admin', 'beta.cocadmin'])
  })

  it('filters by organization and by part of a name or email, with % and _ taken literally', async () => {
    expect(await usernames(f.users.cocAdminA, `?organizationId=${f.orgA2.id}`)).toEqual([
      'a2.admin',
      'a2.casemanager',
    ])
    expect(await usernames(f.users.cocAdminA, '?q=REYES')).toEqual(['dana.reyes'])
    expect(await usernames(f.users.cocAdminA, '?q=example.org')).toEqual(['dana.reyes'])
    expect(await usernames(f.users.cocAdminA, '?q=%25')).toEqual([])
    expect(await usernames(f.users.cocAdminA, '?limit=2&offset=1')).toEqual(['a1.casemanager', 'a2.admin'])
  })

  it('lets users read their own account, never with a password hash or TOTP secret', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/users/${f.users.caseManagerA1.id}`,
      cookie: f.users.caseManagerA1.cookie,
    })
    expect(response.statusCode).toBe(200)
    expect(Object.keys(response.json()).sort()).toEqual([
      'active',
      'displayName',
      'email',
      'id',
      'memberships',
      'totpEnabled',
      'username',
    ])
    expect(response.body).not.toMatch(/argon2|password|secret/i)
  })
})

describe('changing a user', () => {
  it('edits the name and email, audited with the field names only', async () => {
    const response = await patchUser(f.users.agencyAdminA1, danaId, {
      displayName: 'Dana R. Reyes',
      email: null,
      active: true,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ displayName: 'Dana R. Reyes', email: null })
    const audit = (await auditRowsFor(t, danaId)).at(-1)
    expect(audit).toMatchObject({ action: 'user.update', details: { fields: ['displayName', 'email'] } })
  })

  it('disabling a user ends their sessions at once', async () => {
    const target = await signedInUser(t, 'leaving.user', f.orgA1, 'case_manager')
    expect((await me(target)).statusCode).toBe(200)
    const response = await patchUser(f.users.agencyAdminA1, target.id, { active: false })
    expect(response.statusCode).toBe(200)
    expect(response.json().active).toBe(false)
    expect((await me(target)).statusCode).toBe(401)
    const live = await t.db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', target.id)
      .where('revoked_at', 'is', null)
      .execute()
    expect(live).toEqual([])
    expect((await signIn('leaving.user', 'correct horse battery staple')).statusCode).toBe(401)
  })

  it('an administrator resetting a password ends the sessions and a lockout; the audit has no value', async () => {
    const target = await signedInUser(t, 'forgetful.user', f.orgA1, 'case_manager')
    // Locked out after too many wrong guesses: the reset lets them in again.
    await t.db
      .insertInto('login_throttle')
      .values({
        username_key: 'forgetful.user',
        failures: 9,
        locked_until: new Date(t.clock.now().getTime() + 3_600_000),
      })
      .execute()
    expect((await signIn('forgetful.user', 'correct horse battery staple')).statusCode).toBe(429)
    const response = await patchUser(f.users.cocAdminA, target.id, { password: NEW_PASSWORD })
    expect(response.statusCode).toBe(200)
    expect((await me(target)).statusCode).toBe(401)
    expect((await signIn('forgetful.user', NEW_PASSWORD)).statusCode).toBe(200)
    const audit = (await auditRowsFor(t, target.id)).find((row) => row.action === 'user.update')
    expect(audit).toMatchObject({ outcome: 'success', details: { fields: ['password'] } })
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD)
    const weak = await patchUser(f.users.cocAdminA, target.id, { password: 'short' })
    expect(weak.statusCode).toBe(400)
  })

  it('nobody disables themselves or resets their own password here', async () => {
    const disable = await patchUser(f.users.agencyAdminA1, f.users.agencyAdminA1.id, { active: false })
    expect(disable.statusCode).toBe(403)
    const password = await patchUser(f.users.agencyAdminA1, f.users.agencyAdminA1.id, {
      password: NEW_PASSWORD,
    })
    expect(password.statusCode).toBe(403)
    expect(password.json().error.message).toContain('account settings')
  })

  it('a visible account its owner may not administer is 403; usernames cannot be changed', async () => {
    const own = await patchUser(f.users.caseManagerA1, f.users.caseManagerA1.id, { displayName: 'Me' })
    expect(own.statusCode).toBe(403)
    const rename = await patchUser(f.users.cocAdminA, danaId, { username: 'someone.else' })
    expect(rename.statusCode).toBe(400)
  })
})

describe('memberships', () => {
  it('adding a membership keeps the sessions; changing the role ends them', async () => {
    const target = await signedInUser(t, 'growing.user', f.orgA1, 'case_manager')
    const added = await putMembership(f.users.cocAdminA, target.id, f.orgA2.id, { role: 'analyst' })
    expect(added.statusCode, added.body).toBe(200)
    expect(
      added
        .json()
        .memberships.map((m: { organizationName: string; role: string }) => [m.organizationName, m.role]),
    ).toEqual([
      ['Alpha Safe Harbor', 'analyst'],
      ['Alpha Shelter Services', 'case_manager'],
    ])
    expect((await me(target)).statusCode).toBe(200)
    expect((await auditRowsFor(t, target.id)).at(-1)).toMatchObject({
      action: 'membership.create',
      details: { organizationId: f.orgA2.id, fields: ['role', 'active'] },
    })

    const changed = await putMembership(f.users.cocAdminA, target.id, f.orgA1.id, {
      role: 'housing_provider',
    })
    expect(changed.statusCode).toBe(200)
    expect((await me(target)).statusCode).toBe(401)
    expect((await auditRowsFor(t, target.id)).at(-1)).toMatchObject({
      action: 'membership.update',
      details: { organizationId: f.orgA1.id, fields: ['role'] },
    })
  })

  it('removing a membership deactivates it and ends the sessions', async () => {
    const target = await signedInUser(t, 'moving.user', f.orgA1, 'case_manager')
    const response = await deleteMembership(f.users.agencyAdminA1, target.id, f.orgA1.id)
    expect(response.statusCode).toBe(200)
    expect(response.json().memberships).toEqual([
      {
        organizationId: f.orgA1.id,
        organizationName: 'Alpha Shelter Services',
        role: 'case_manager',
        active: false,
      },
    ])
    expect((await me(target)).statusCode).toBe(401)
    expect((await auditRowsFor(t, target.id)).at(-1)).toMatchObject({ action: 'membership.deactivate' })
    // Still theirs to administer: the inactive membership is kept.
    expect(await usernames(f.users.agencyAdminA1, '?q=moving')).toEqual(['moving.user'])
    const missing = await deleteMembership(f.users.cocAdminA, target.id, f.orgA2.id)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('No such membership')
  })

  it('PUT with active=false ends the sessions too; reactivating keeps the new ones', async () => {
    const target = await signedInUser(t, 'seasonal.user', f.orgA1, 'case_manager')
    const setActive = (active: boolean) =>
      putMembership(f.users.cocAdminA, target.id, f.orgA1.id, { role: 'case_manager', active })
    expect((await setActive(false)).statusCode).toBe(200)
    expect((await me(target)).statusCode).toBe(401)
    // A session made while the membership is inactive lets them in as soon as it is active again.
    const waiting = { ...target, cookie: await sessionFor(t, target.id, f.orgA1.id) }
    expect((await me(waiting)).statusCode).toBe(401)
    expect((await setActive(true)).statusCode).toBe(200)
    expect((await me(waiting)).statusCode).toBe(200)
    expect((await auditRowsFor(t, target.id)).map((row) => row.details)).toEqual([
      { organizationId: f.orgA1.id, fields: ['active'] },
      { organizationId: f.orgA1.id, fields: ['active'] },
    ])
  })

  it('gives and changes only roles the administrator could give', async () => {
    const target = await signedInUser(t, 'ambitious.user', f.orgA1, 'case_manager')
    const promote = await putMembership(f.users.agencyAdminA1, target.id, f.orgA1.id, { role: 'coc_admin' })
    expect(promote.statusCode).toBe(403)
    const otherAgency = await putMembership(f.users.agencyAdminA1, target.id, f.orgA2.id, {
      role: 'case_manager',
    })
    expect(otherAgency.statusCode).toBe(403)
    const otherCoc = await putMembership(f.users.cocAdminA, target.id, f.orgB1.id, { role: 'case_manager' })
    expect(otherCoc.statusCode).toBe(404)
    expect(otherCoc.json().error.message).toBe('No such organization')
    const memberships = await t.db
      .selectFrom('membership')
      .select('role')
      .where('user_id', '=', target.id)
      .execute()
    expect(memberships).toEqual([{ role: 'case_manager' }])
  })

  it('nobody changes their own memberships', async () => {
    const response = await putMembership(f.users.cocAdminA, f.users.cocAdminA.id, f.orgA2.id, {
      role: 'agency_admin',
    })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.message).toContain('your own memberships')
  })

  it('refuses unknown fields and unknown roles with 400', async () => {
    for (const payload of [{ role: 'case_manager', organizationId: f.orgA2.id }, { role: 'janitor' }, {}]) {
      const response = await putMembership(f.users.cocAdminA, danaId, f.orgA1.id, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
    }
  })
})
