import type { Kysely } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { hashPassword } from '../auth/passwords'
import type { DB } from '../db/schema'
import { DEMO_COC } from './demo-agencies'
import { DEMO_PASSWORD } from './demo-users'
import { seedDemoAssessmentTool } from './seed-demo-assessment-tool'
import { seedDemoBeds } from './seed-demo-beds'
import { seedDemoCaseManagement } from './seed-demo-case-management'
import { seedDemoClients } from './seed-demo-clients'
import { seedDemoEligibility } from './seed-demo-eligibility'
import { seedDemoQueue } from './seed-demo-queue'
import { seedDemoReferrals } from './seed-demo-referrals'
import { seedOrganizations } from './seed-organizations'
import type { DemoSeed, DemoSeedStep } from './seed-step'
import { seedUsers } from './seed-users'

/** Run in this order; a later feature (clients, queue, referrals, beds) adds its step with one line. */
const DEMO_SEED_STEPS: DemoSeedStep[] = [
  seedOrganizations,
  seedUsers,
  seedDemoClients,
  seedDemoAssessmentTool,
  seedDemoCaseManagement,
  seedDemoEligibility,
  seedDemoBeds,
  seedDemoQueue,
  seedDemoReferrals,
]

export type DemoSeedOutcome = 'seeded' | 'already_present'

export interface DemoInspection {
  /** The demo CoC exists. */
  demoPresent: boolean
  /** Any CoC exists (the demo's or a real one). */
  hasCoc: boolean
}

export async function inspectDemo(db: Kysely<DB>): Promise<DemoInspection> {
  const row = await db
    .selectFrom('coc')
    .select((eb) => [
      eb.fn.countAll<number>().as('cocs'),
      eb.fn.countAll<number>().filterWhere('code', '=', DEMO_COC.code).as('demo'),
    ])
    .executeTakeFirstOrThrow()
  return { demoPresent: row.demo > 0, hasCoc: row.cocs > 0 }
}

/**
 * Creates the fictitious Fulton County demo CoC as the system actor, all or nothing, in one transaction.
 * Idempotent: when the demo CoC exists (or another process creates it first) nothing is written.
 */
export async function seedDemo(db: Kysely<DB>): Promise<DemoSeedOutcome> {
  if ((await inspectDemo(db)).demoPresent) return 'already_present'
  // Hashed once, outside the transaction: argon2 is deliberately slow and PGlite has one connection.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    const coc = await trx
      .insertInto('coc')
      .values({ code: DEMO_COC.code, name: DEMO_COC.name })
      .onConflict((conflict) => conflict.column('code').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!coc) return 'already_present'
    const seed: DemoSeed = {
      db: trx,
      cocId: coc.id,
      passwordHash,
      organizationIds: new Map(),
      projectIds: new Map(),
      userIds: new Map(),
    }
    for (const step of DEMO_SEED_STEPS) await step(seed)
    await recordAudit(trx, systemActor, {
      action: 'demo.seed',
      entityType: 'coc',
      entityId: coc.id,
      details: {
        organizations: seed.organizationIds.size,
        projects: seed.projectIds.size,
        users: seed.userIds.size,
      },
    })
    return 'seeded'
  })
}
