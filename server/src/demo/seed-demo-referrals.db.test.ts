import { REFERRAL_STATUSES } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { hashPassword } from '../auth/passwords'
import { DEMO_PASSWORD } from './demo-users'
import { seedDemoAssessmentTool } from './seed-demo-assessment-tool'
import { seedDemoClients } from './seed-demo-clients'
import { seedDemoQueue } from './seed-demo-queue'
import { seedDemoReferrals } from './seed-demo-referrals'
import { seedOrganizations } from './seed-organizations'
import type { DemoSeed } from './seed-step'
import { seedUsers } from './seed-users'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('demo referrals', () => {
  it('posts openings and referrals in every status with their CE events, some stalled', async () => {
    const passwordHash = await hashPassword(DEMO_PASSWORD)
    const coc = await t.db
      .insertInto('coc')
      .values({ code: 'GA-502', name: 'Demo' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db.transaction().execute(async (trx) => {
      const seed: DemoSeed = {
        db: trx,
        cocId: coc.id,
        passwordHash,
        organizationIds: new Map(),
        projectIds: new Map(),
        userIds: new Map(),
      }
      for (const step of [
        seedOrganizations,
        seedUsers,
        seedDemoClients,
        seedDemoAssessmentTool,
        seedDemoQueue,
      ])
        await step(seed)
      await seedDemoReferrals(seed)
    })
    const openings = await t.db.selectFrom('referral_opening').select(['capacity', 'closed_at']).execute()
    expect(openings).toHaveLength(5)
    const referrals = await t.db
      .selectFrom('referral')
      .leftJoin('ce_event', 'ce_event.referral_id', 'referral.id')
      .select([
        'referral.status',
        'referral.acknowledge_due_on',
        'ce_event.referral_result',
        'ce_event.event_type',
      ])
      .execute()
    const statuses = new Set(referrals.map((referral) => referral.status))
    for (const status of REFERRAL_STATUSES) expect(statuses.has(status), status).toBe(true)
    expect(referrals.every((referral) => referral.event_type !== null)).toBe(true)
    expect(referrals.find((referral) => referral.status === 'enrolled')?.referral_result).toBe(1)
    expect(referrals.find((referral) => referral.status === 'declined_by_provider')?.referral_result).toBe(3)
    const today = new Date().toISOString().slice(0, 10)
    expect(
      referrals.some((referral) => referral.status === 'pending' && referral.acknowledge_due_on < today),
    ).toBe(true)
    const housed = await t.db.selectFrom('queue_entry').select('id').where('status', '=', 'housed').execute()
    expect(housed.length).toBeGreaterThan(0)
  })
})
