import { type MatchPerson, scoreMatch } from '@threshold/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import type { PlantedDuplicate } from '../synthetic/generate-coc'
import { DEMO_AGENCIES } from './demo-agencies'
import { seedDemo } from './seed-demo'
import { DEMO_CLIENT_COUNT } from './seed-demo-clients'

let t: TestApp
let seedMilliseconds: number
beforeAll(async () => {
  t = await createTestApp()
  const started = performance.now()
  await seedDemo(t.db)
  seedMilliseconds = performance.now() - started
})
afterAll(() => t.close())

async function ownerNames() {
  return t.db
    .selectFrom('client')
    .innerJoin('organization', 'organization.id', 'client.owner_organization_id')
    .select(['client.restriction', 'organization.name'])
    .execute()
}

describe('seedDemoClients', () => {
  it('gives the demo CoC over a thousand clients in households, with aliases and releases', async () => {
    expect(DEMO_CLIENT_COUNT).toBeGreaterThanOrEqual(1_000)
    const { rows } = await sql<Record<string, number>>`
      SELECT (SELECT count(*) FROM client)::int AS clients,
             (SELECT count(*) FROM client WHERE coc_id = (SELECT id FROM coc WHERE code = 'GA-502'))::int AS in_demo,
             (SELECT count(*) FROM household_member)::int AS members,
             (SELECT count(*) FROM household)::int AS households,
             (SELECT count(*) FROM client_alias)::int AS aliases,
             (SELECT count(*) FROM client_release)::int AS releases`.execute(t.db)
    const counts = rows[0]!
    expect(counts.clients).toBe(DEMO_CLIENT_COUNT)
    expect(counts.in_demo).toBe(DEMO_CLIENT_COUNT)
    expect(counts.members).toBe(DEMO_CLIENT_COUNT)
    expect(counts.households).toBeLessThan(DEMO_CLIENT_COUNT)
    expect(counts.aliases).toBeGreaterThan(20)
    expect(counts.releases).toBeGreaterThan(DEMO_CLIENT_COUNT / 2)
    // Generous, for a loaded CI box: the whole seed stays well under the 10 s the step is budgeted.
    expect(seedMilliseconds).toBeLessThan(30_000)
  })

  it('has open, restricted and confidential records, the confidential ones owned by the VSP only', async () => {
    const owners = await ownerNames()
    const byRestriction = (restriction: string) => owners.filter((owner) => owner.restriction === restriction)
    expect(byRestriction('open').length).toBeGreaterThan(DEMO_CLIENT_COUNT * 0.85)
    expect(byRestriction('restricted').length).toBeGreaterThan(5)
    expect(byRestriction('confidential').length).toBeGreaterThan(0)
    expect(new Set(byRestriction('confidential').map((owner) => owner.name))).toEqual(
      new Set([DEMO_AGENCIES.victimServices.name]),
    )
    expect(owners.filter((owner) => owner.name === DEMO_AGENCIES.victimServices.name)).toEqual(
      byRestriction('confidential'),
    )
    // Every agency that serves clients has some; the HMIS lead owns none.
    const agencies = new Set(owners.map((owner) => owner.name))
    expect(agencies.size).toBe(Object.keys(DEMO_AGENCIES).length - 1)
    expect(agencies.has(DEMO_AGENCIES.hmisLead.name)).toBe(false)
  })

  it('has releases in every state on the day the demo was created', async () => {
    const { rows } = await sql<{ state: string }>`
      SELECT DISTINCT CASE
          WHEN revoked_on IS NOT NULL THEN 'revoked'
          WHEN end_date < today THEN 'expired'
          WHEN start_date > today THEN 'future'
          WHEN documentation = 'verbal' THEN 'verbal, not yet signed'
          WHEN scope = 'coc' THEN 'active, CoC-wide'
          ELSE 'active, named agencies' END AS state
      FROM client_release, (SELECT (now() AT TIME ZONE 'UTC')::date AS today) AS d ORDER BY 1`.execute(t.db)
    expect(rows.map((row) => row.state)).toEqual([
      'active, CoC-wide',
      'active, named agencies',
      'expired',
      'revoked',
      'verbal, not yet signed',
    ])
  })

  it('gives every household exactly one current head', async () => {
    const { rows } = await sql<{ heads: number }>`
      SELECT DISTINCT count(*) FILTER (WHERE relationship_to_hoh = 1 AND removed_on IS NULL)::int AS heads
      FROM household_member GROUP BY household_id`.execute(t.db)
    expect(rows).toEqual([{ heads: 1 }])
  })

  it('plants people entered twice by different agencies, most of them likely matches for the merge report', async () => {
    const audit = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'demo.seed_clients')
      .executeTakeFirstOrThrow()
    const planted = (audit.details as { plantedDuplicates: PlantedDuplicate[] }).plantedDuplicates
    expect(planted.length).toBeGreaterThanOrEqual(5)
    const clients = await t.db
      .selectFrom('client')
      .select([
        'id',
        'owner_organization_id',
        'first_name',
        'last_name',
        'middle_name',
        'name_suffix',
        'dob',
        'ssn',
      ])
      .select('ssn_last4')
      .where(
        'id',
        'in',
        planted.flatMap((pair) => [pair.originalId, pair.duplicateId]),
      )
      .execute()
    const byId = new Map(clients.map((client) => [client.id, client]))
    const person = (id: string): MatchPerson => {
      const row = byId.get(id)!
      return {
        firstName: row.first_name,
        middleName: row.middle_name,
        lastName: row.last_name,
        nameSuffix: row.name_suffix,
        dob: row.dob,
        ssn: row.ssn,
        ssnLast4: row.ssn_last4,
      }
    }
    let likely = 0
    for (const { originalId, duplicateId } of planted) {
      expect(byId.get(duplicateId)!.owner_organization_id).not.toBe(
        byId.get(originalId)!.owner_organization_id,
      )
      if (scoreMatch(person(duplicateId), person(originalId)).matchLevel === 'likely') likely++
    }
    expect(likely).toBeGreaterThanOrEqual(5)
  })

  it('is part of the one-time demo seed: seeding again adds no clients', async () => {
    expect(await seedDemo(t.db)).toBe('already_present')
    const { rows } = await sql<{ clients: number }>`SELECT count(*)::int AS clients FROM client`.execute(t.db)
    expect(rows[0]!.clients).toBe(DEMO_CLIENT_COUNT)
  })
})
