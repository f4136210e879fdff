import { maskSsn } from '@threshold/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoc, createOrganization, createTestApp, createUser, type TestApp } from '../../test/test-app'
import { generateCoc, type SyntheticBatch, type SyntheticCocOptions } from './generate-coc'
import { type LoadedSyntheticCoc, loadSyntheticCoc } from './load-synthetic-coc'

const TODAY = '2026-01-15'

let t: TestApp
let options: SyntheticCocOptions
let generated: SyntheticBatch
let loaded: LoadedSyntheticCoc
let cocId: string

beforeAll(async () => {
  t = await createTestApp()
  cocId = (await createCoc(t.db)).id
  const organizations = []
  for (const [index, name] of ['Access Center', 'Shelter', 'Rehousing', 'Safe Place'].entries()) {
    const organization = await createOrganization(t.db, cocId, name, name === 'Safe Place')
    const staff = await createUser(t.db, `staff${index}`, [
      { organizationId: organization.id, role: 'case_manager' },
    ])
    organizations.push({
      id: organization.id,
      staffUserId: staff.id,
      victimServiceProvider: name === 'Safe Place',
    })
  }
  options = { seed: 99, clients: 2_500, organizations, today: TODAY, batchSize: 1_000 }
  generated = { clients: [], aliases: [], households: [], releases: [], duplicates: [] }
  for (const batch of generateCoc(options)) {
    for (const key of Object.keys(generated) as (keyof SyntheticBatch)[]) {
      ;(generated[key] as unknown[]).push(...batch[key])
    }
  }
  loaded = await loadSyntheticCoc(t.db, { cocId, batches: generateCoc(options) })
})
afterAll(() => t.close())

const count = async (
  table: 'client' | 'client_alias' | 'household' | 'household_member' | 'client_release',
) =>
  (
    await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
  ).count

describe('loadSyntheticCoc', () => {
  it('stores every generated row and reports the counts and the planted duplicates', async () => {
    expect(loaded).toEqual({
      clients: 2_500,
      households: generated.households.length,
      householdMembers: 2_500,
      aliases: generated.aliases.length,
      releases: generated.releases.length,
      duplicates: generated.duplicates,
    })
    expect(await count('client')).toBe(2_500)
    expect(await count('household')).toBe(generated.households.length)
    expect(await count('household_member')).toBe(2_500)
    expect(await count('client_alias')).toBe(generated.aliases.length)
    expect(await count('client_release')).toBe(generated.releases.length)
    const duplicates = await t.db
      .selectFrom('client')
      .select(['id', 'owner_organization_id'])
      .where(
        'id',
        'in',
        generated.duplicates.flatMap((pair) => [pair.originalId, pair.duplicateId]),
      )
      .execute()
    expect(duplicates).toHaveLength(generated.duplicates.length * 2)
  })

  it('stores each record as generated, with the database computing the folded and phonetic names', async () => {
    const accented = generated.clients.find((client) => client.lastName === 'Nguyễn')!
    const row = await t.db
      .selectFrom('client')
      .select([
        'first_name',
        'last_name',
        'last_norm',
        'last_dm',
        'dob',
        'ssn',
        'ssn_last4',
        'race_ethnicity',
        'restriction',
        'owner_organization_id',
        'coc_id',
        'created_by',
      ])
      .where('id', '=', accented.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      first_name: accented.firstName,
      last_name: 'Nguyễn',
      last_norm: 'nguyen',
      last_dm: 'NKN',
      dob: accented.dob,
      ssn: accented.ssn,
      ssn_last4: accented.ssnLast4,
      race_ethnicity: accented.raceEthnicity,
      restriction: accented.restriction,
      owner_organization_id: accented.ownerOrganizationId,
      coc_id: cocId,
      created_by: accented.createdBy,
    })
  })

  it('writes version 1 of every record, as the application does, with SSNs masked', async () => {
    const withSsn = generated.clients.find((client) => client.ssn)!
    const version = await t.db
      .selectFrom('client_version')
      .select(['version', 'action', 'changes', 'changed_by', 'organization_id'])
      .where('client_id', '=', withSsn.id)
      .executeTakeFirstOrThrow()
    expect(version).toMatchObject({
      version: 1,
      action: 'created',
      changed_by: withSsn.createdBy,
      organization_id: withSsn.ownerOrganizationId,
    })
    expect(version.changes).toMatchObject({
      firstName: { from: null, to: withSsn.firstName },
      ssn: { from: null, to: maskSsn(withSsn.ssn) },
    })
    expect(JSON.stringify(version.changes)).not.toContain(withSsn.ssn!)
    const versions = await sql<{
      clients: number
    }>`SELECT count(DISTINCT client_id)::int AS clients FROM client_version`.execute(t.db)
    expect(versions.rows[0]!.clients).toBe(2_500)
  })

  it('leaves every household with exactly one current head, as the database itself requires', async () => {
    const { rows } = await sql<{ heads: number; households: number }>`
      SELECT heads, count(*)::int AS households FROM (
        SELECT h.id, count(m.id) FILTER (WHERE m.relationship_to_hoh = 1 AND m.removed_on IS NULL)::int AS heads
        FROM household h JOIN household_member m ON m.household_id = h.id GROUP BY h.id) AS per_household
      GROUP BY heads`.execute(t.db)
    expect(rows).toEqual([{ heads: 1, households: generated.households.length }])
    const events = await t.db
      .selectFrom('household_event')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('kind')
      .orderBy('kind')
      .execute()
    const removed = generated.households.flatMap((h) => h.members).filter((member) => member.removedOn).length
    expect(events).toEqual([
      { kind: 'created', count: generated.households.length },
      { kind: 'member_added', count: 2_500 - generated.households.length },
      { kind: 'member_removed', count: removed },
    ])
  })

  it('stores releases whose dates put each in its state on the given day', async () => {
    const { rows } = await sql<{ state: string; count: number }>`
      SELECT CASE
          WHEN revoked_on IS NOT NULL THEN 'revoked'
          WHEN end_date < ${TODAY}::date THEN 'expired'
          WHEN documentation = 'verbal' THEN 'verbal_unsigned'
          WHEN scope = 'coc' THEN 'active_coc'
          ELSE 'active_organizations' END AS state,
        count(*)::int AS count
      FROM client_release WHERE start_date <= ${TODAY}::date GROUP BY 1 ORDER BY 1`.execute(t.db)
    const expected = new Map<string, number>()
    for (const release of generated.releases)
      expected.set(release.state, (expected.get(release.state) ?? 0) + 1)
    expect(rows).toEqual(
      [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([state, n]) => ({ state, count: n })),
    )
    expect(rows).toHaveLength(5)
  })
})
