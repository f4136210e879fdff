import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createTestApp, createUser, type TestApp } from '../../test/test-app'
import { runCliCapturing } from './cli-harness'
import { FIRST_ORGANIZATION_NAME } from './create-admin'

const PASSWORD = 'a long enough passphrase'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

function createAdmin(args: string[], password = PASSWORD) {
  return runCliCapturing(['create-admin', ...args, '--password-env', 'ADMIN_PASSWORD'], {
    database: t.database,
    env: { ADMIN_PASSWORD: password },
  })
}

async function userCount() {
  const row = await t.db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

describe('create-admin on an empty database', () => {
  it('refuses a password shorter than PASSWORD_MIN_LENGTH and creates nothing', async () => {
    const result = await createAdmin(
      ['--username', 'root.admin', '--coc-code', 'GA-502', '--coc-name', 'X'],
      'short',
    )
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('must be at least 12 characters long')
    expect(await userCount()).toBe(0)
  })

  it('refuses a password read from an unset variable', async () => {
    const result = await runCliCapturing(
      ['create-admin', '--username', 'root.admin', '--password-env', 'NOPE'],
      {
        database: t.database,
      },
    )
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('The environment variable NOPE is empty or not set')
  })

  it('refuses a username with spaces', async () => {
    const result = await createAdmin(['--username', 'root admin'])
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('The username must be 3–64 letters')
  })

  it('asks for the new CoC when there is none, and rolls everything back', async () => {
    const missing = await createAdmin(['--username', 'root.admin'])
    expect(missing.exitCode).toBe(1)
    expect(missing.error).toContain(
      'no CoC yet: give the new CoC with --coc-code (like GA-502) and --coc-name',
    )

    const malformed = await createAdmin([
      '--username',
      'root.admin',
      '--coc-code',
      'Fulton',
      '--coc-name',
      'F',
    ])
    expect(malformed.exitCode).toBe(1)
    expect(malformed.error).toContain('--coc-code must look like GA-502')
    expect(await userCount()).toBe(0)
    expect(await t.db.selectFrom('coc').select('id').execute()).toEqual([])
  })

  it('creates the CoC, its HMIS Lead organization and a system administrator who can act', async () => {
    const result = await createAdmin([
      '--username',
      'root.admin',
      '--display-name',
      'Root Admin',
      '--coc-code',
      'GA-502',
      '--coc-name',
      'Fulton County CoC',
    ])
    expect(result.error).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.out).toContain('Created the CoC GA-502 Fulton County CoC.')
    expect(result.out).toContain(`Created system administrator "root.admin" in ${FIRST_ORGANIZATION_NAME}`)

    const signIn = (password: string) =>
      t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'root.admin', password } })
    expect((await signIn(`${PASSWORD}x`)).statusCode).toBe(401)
    const session = await signIn(PASSWORD)
    expect(session.statusCode).toBe(200)
    expect(session.json()).toMatchObject({
      user: { username: 'root.admin', displayName: 'Root Admin' },
      role: 'system_admin',
      organizations: [{ organizationName: FIRST_ORGANIZATION_NAME, cocCode: 'GA-502', role: 'system_admin' }],
    })
    const user = { id: session.json().user.id as string }
    const organization = {
      id: session.json().currentOrganizationId as string,
      cocId: session.json().organizations[0].cocId as string,
    }

    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'actor_username'])
      .where('action', 'in', ['coc.create', 'organization.create', 'user.create'])
      .orderBy('seq')
      .execute()
    expect(audit).toEqual([
      { action: 'coc.create', entity_id: organization.cocId, actor_username: 'system' },
      { action: 'organization.create', entity_id: organization.id, actor_username: 'system' },
      { action: 'user.create', entity_id: user.id, actor_username: 'system' },
    ])
  })
})

describe('create-admin on a database with a CoC', () => {
  it("adds the administrator to the first CoC's first organization and ignores --coc-code", async () => {
    const [cocRow] = await t.db.selectFrom('coc').select('id').execute()
    await createOrganization(t.db, cocRow!.id, 'Later Agency')
    const result = await createAdmin([
      '--username',
      'second.admin',
      '--coc-code',
      'GA-500',
      '--coc-name',
      'Other',
    ])
    expect(result.exitCode).toBe(0)
    expect(result.out).toContain('--coc-code and --coc-name were not used')
    const membership = await t.db
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .innerJoin('organization as o', 'o.id', 'm.organization_id')
      .select(['o.name', 'm.role'])
      .where('u.username', '=', 'second.admin')
      .execute()
    expect(membership).toEqual([{ name: FIRST_ORGANIZATION_NAME, role: 'system_admin' }])
    expect(await t.db.selectFrom('coc').select('code').execute()).toEqual([{ code: 'GA-502' }])
  })

  it('refuses a username that exists in any letter case', async () => {
    const [organization] = await t.db.selectFrom('organization').select('id').execute()
    await createUser(t.db, 'Case.Worker', [{ organizationId: organization!.id, role: 'case_manager' }])
    const result = await createAdmin(['--username', 'case.worker'])
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('A user named "case.worker" already exists')
  })
})
