import { sql } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { generateCoc, type SyntheticOrganization } from '../synthetic/generate-coc'
import { loadSyntheticCoc } from '../synthetic/load-synthetic-coc'
import { DEMO_AGENCIES, type DemoAgencyKey } from './demo-agencies'
import { DEMO_USERS } from './demo-users'
import { type DemoSeed, seededId } from './seed-step'

/** Enough clients that search, households and the merge report look like a real (small) CoC. */
export const DEMO_CLIENT_COUNT = 1_200
/** Fixed, so every fresh demo has the same people. */
export const DEMO_CLIENT_SEED = 502

/**
 * The agencies that enter clients, busiest first (the access points see most people). The HMIS lead
 * administers and reports and owns no records; the victim service provider owns the confidential ones.
 */
const CLIENT_AGENCIES: readonly DemoAgencyKey[] = [
  'northAccess',
  'southAccess',
  'shelter',
  'rapidRehousing',
  'familyServices',
  'supportiveHousing',
  'prevention',
  'victimServices',
]

/** Where nobody of an agency has a demo sign-in, the CoC admin is recorded as the staff member. */
const FALLBACK_STAFF = 'coc.admin'

/**
 * Synthetic clients of the demo CoC: households of every shape, aliases, releases in every state, a few
 * restricted and confidential (VSP-owned) records, and about a dozen people entered twice by different
 * agencies for the merge report. Fictitious people, loaded in bulk.
 */
export async function seedDemoClients(seed: DemoSeed): Promise<void> {
  const organizations: SyntheticOrganization[] = CLIENT_AGENCIES.map((agency) => ({
    id: seededId(seed.organizationIds, agency),
    staffUserId: seededId(seed.userIds, staffUsernameFor(agency)),
    victimServiceProvider: DEMO_AGENCIES[agency].victimServiceProvider,
  }))
  // The seed has no clock of its own: the transaction's time (UTC) is its "today", so releases that
  // should be active are active on the day the demo is created.
  const { rows } = await sql<{
    today: string
  }>`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`.execute(seed.db)
  const today = (rows[0] as { today: string }).today
  const loaded = await loadSyntheticCoc(seed.db, {
    cocId: seed.cocId,
    batches: generateCoc({ seed: DEMO_CLIENT_SEED, clients: DEMO_CLIENT_COUNT, organizations, today }),
  })
  await recordAudit(seed.db, systemActor, {
    action: 'demo.seed_clients',
    entityType: 'coc',
    entityId: seed.cocId,
    details: {
      clients: loaded.clients,
      households: loaded.households,
      aliases: loaded.aliases,
      releases: loaded.releases,
      // Ids and kinds of slip only: lets a demo presenter (and the tests) find the pairs to merge.
      plantedDuplicates: loaded.duplicates,
    },
  })
}

/** The demo user whose home agency this is (their first membership). */
function staffUsernameFor(agency: DemoAgencyKey): string {
  const staff = DEMO_USERS.find((user) => user.memberships[0].agency === agency)
  return staff?.username ?? FALLBACK_STAFF
}
