import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { buildReferralWorld, queuedHousehold, type ReferralWorld } from './referrals.fixtures'

// "A household has at most one active referral per program type": a CoC setting, on by default, held by
// the database (trigger + partial unique index), so racing requests cannot both get through.

let t: TestApp
let world: ReferralWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)

async function postOpening(projectId: string, capacity = 1) {
  const response = await t.request({
    method: 'POST',
    url: '/api/openings',
    cookie: world.ceManager.cookie,
    payload: { projectId, capacity, availableOn: today() },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id as string
}

const refer = (openingId: string, ceEnrollmentId: string) =>
  t.request({
    method: 'POST',
    url: '/api/referrals',
    cookie: world.ceManager.cookie,
    payload: { openingId, ceEnrollmentId },
  })

const setRule = (oneActivePerProgramType: boolean, cookie = world.coordinator.cookie) =>
  t.request({ method: 'PUT', url: '/api/referrals/rules', cookie, payload: { oneActivePerProgramType } })

const activeReferralsOf = async (ceEnrollmentId: string) =>
  t.db
    .selectFrom('referral')
    .select(['id', 'program_type', 'one_per_program_type'])
    .where('ce_enrollment_id', '=', ceEnrollmentId)
    .where('status', 'in', ['pending', 'acknowledged', 'accepted'])
    .execute()

describe('one active referral per program type', () => {
  it('is on by default and only CoC admins change it', async () => {
    const current = await t.request({
      method: 'GET',
      url: '/api/referrals/rules',
      cookie: world.provider.cookie,
    })
    expect(current.statusCode).toBe(200)
    expect(current.json()).toEqual({ oneActivePerProgramType: true })
    const refused = await setRule(false, world.ceManager.cookie)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toBe('Only CoC administrators configure referral rules')
    expect((await setRule(false, world.provider.cookie)).statusCode).toBe(403)
    const again = await t.request({
      method: 'GET',
      url: '/api/referrals/rules',
      cookie: world.ceManager.cookie,
    })
    expect(again.json()).toEqual({ oneActivePerProgramType: true })
  })

  it('lets exactly one of 20 simultaneous referrals of a household to two openings of one type through', async () => {
    const household = await queuedHousehold(world, 'Racingfamily', { members: 2 })
    // Room for everyone: only the household rule can refuse.
    const openings = [
      await postOpening(world.rrhProjectId, 20),
      await postOpening(world.otherRrhProjectId, 20),
    ]
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        refer(openings[index % 2] as string, household.ceEnrollmentId),
      ),
    )
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    for (const response of responses.filter((candidate) => candidate.statusCode === 409)) {
      expect(response.json().error).toEqual({
        code: 'conflict',
        message: 'The household already has an active referral to this program type; resolve that one first',
      })
    }
    expect(await activeReferralsOf(household.ceEnrollmentId)).toHaveLength(1)
    // Another program type is another matter.
    expect((await refer(await postOpening(world.pshProjectId), household.ceEnrollmentId)).statusCode).toBe(
      201,
    )
  })

  it('is held by the database itself, whatever the code above does', async () => {
    const household = await queuedHousehold(world, 'Databasefamily')
    expect((await refer(await postOpening(world.rrhProjectId), household.ceEnrollmentId)).statusCode).toBe(
      201,
    )
    const [existing] = await activeReferralsOf(household.ceEnrollmentId)
    const row = await t.db
      .selectFrom('referral')
      .selectAll()
      .where('id', '=', existing?.id as string)
      .executeTakeFirstOrThrow()
    const opening = await postOpening(world.otherRrhProjectId)
    const { id: _id, one_per_program_type: _rule, version: _version, created_at: _created, ...copy } = row
    await expect(
      t.db
        .insertInto('referral')
        .values({
          ...copy,
          opening_id: opening,
          project_id: world.otherRrhProjectId,
          snapshot: JSON.stringify(copy.snapshot),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'referral_one_active_per_program_type' })
  })

  it('allows several once the CoC turns it off; referrals made then do not count when it is back on', async () => {
    const changed = await setRule(false)
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toEqual({ oneActivePerProgramType: false })
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'referral_rules.update')
      .where('outcome', '<>', 'denied')
      .executeTakeFirstOrThrow()
    expect(audit.details).toEqual({ oneActivePerProgramType: false })

    const household = await queuedHousehold(world, 'Twiceferred')
    expect((await refer(await postOpening(world.rrhProjectId), household.ceEnrollmentId)).statusCode).toBe(
      201,
    )
    expect(
      (await refer(await postOpening(world.otherRrhProjectId), household.ceEnrollmentId)).statusCode,
    ).toBe(201)
    const active = await activeReferralsOf(household.ceEnrollmentId)
    expect(active.map((referral) => [referral.program_type, referral.one_per_program_type])).toEqual([
      [13, false],
      [13, false],
    ])

    expect((await setRule(true)).json()).toEqual({ oneActivePerProgramType: true })
    const third = await refer(await postOpening(world.rrhProjectId), household.ceEnrollmentId)
    expect(third.statusCode).toBe(409)
    expect(third.json().error.message).toMatch(/already has an active referral to this program type/)
  })
})
