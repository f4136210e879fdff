import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoc } from '../../test/test-app'
import { openTestDatabase } from '../../test/test-database'
import type { Database } from '../db/database'
import { DEMO_AGENCIES } from '../demo/demo-agencies'
import { DEMO_PASSWORD } from '../demo/demo-users'
import { runCliCapturing } from './cli-harness'

let empty: Database
let withRealCoc: Database
beforeAll(async () => {
  empty = await openTestDatabase()
  withRealCoc = await openTestDatabase()
  await createCoc(withRealCoc.db, 'GA-500', 'A real CoC')
})
afterAll(async () => {
  await empty.close()
  await withRealCoc.close()
})

describe('seed-demo', () => {
  it('seeds an empty database and prints the demo notice with the password', async () => {
    const result = await runCliCapturing(['seed-demo'], { database: empty })
    expect(result).toMatchObject({ exitCode: 0, error: '' })
    expect(result.out).toContain('Seeded the demo: GA-502 Fulton County CoC')
    expect(result.out).toContain('DEMO DATA')
    expect(result.out).toContain(`Demo password (every demo user): ${DEMO_PASSWORD}`)
  })

  it('does nothing and says so the second time', async () => {
    const result = await runCliCapturing(['seed-demo'], { database: empty })
    expect(result).toMatchObject({ exitCode: 0, error: '' })
    expect(result.out).toContain('The demo CoC GA-502 is already in this database: nothing to do.')
    expect(await empty.db.selectFrom('coc').select('code').execute()).toEqual([{ code: 'GA-502' }])
  })

  it("puts a new administrator into the demo's HMIS Lead, where its administrators work", async () => {
    const result = await runCliCapturing(
      ['create-admin', '--username', 'new.admin', '--password-env', 'ADMIN_PASSWORD'],
      { database: empty, env: { ADMIN_PASSWORD: 'a long enough passphrase' } },
    )
    expect(result.exitCode).toBe(0)
    expect(result.out).toContain(`in ${DEMO_AGENCIES.hmisLead.name} (GA-502 Fulton County CoC)`)
  })

  it('refuses to put the demo users into a database that holds a real CoC', async () => {
    const result = await runCliCapturing(['seed-demo'], { database: withRealCoc })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('already holds a CoC, so the demo was not added')
    expect(await withRealCoc.db.selectFrom('app_user').select('id').execute()).toEqual([])
  })
})
