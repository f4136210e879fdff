import { ROLES } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoc, createOrganization, createUser } from '../../test/test-app'
import { openTestDatabase } from '../../test/test-database'
import type { Restriction } from '../clients/client.tables'
import type { Database } from '../db/database'
import type { UserActor } from './actor'
import {
  RELEASE_STATES,
  type ReleaseState,
  releasesFor,
  TODAY,
  testUserActor,
} from './client-access.fixtures'
import { canSeeClientIdentity, canSeeClientProjectData, releasesReaching } from './client-policy'
import {
  clientIdentityVisibleTo,
  clientProjectDataVisibleTo,
  loadClientAccessFacts,
  loadClientAccessFactsMany,
} from './client-visibility'

const RESTRICTIONS: Restriction[] = ['open', 'restricted', 'confidential']

let database: Database
let cocId: string
let otherCocId: string
const orgs = { owner: '', other: '', third: '' }
/** One client per restriction × release state; releases are stated from the "other" agency's side. */
const clients: { id: string; restriction: Restriction; state: ReleaseState }[] = []
let mergedClientId: string

beforeAll(async () => {
  database = await openTestDatabase()
  const { db } = database
  cocId = (await createCoc(db)).id
  otherCocId = (await createCoc(db, 'GA-503', 'Other CoC')).id
  orgs.owner = (await createOrganization(db, cocId, 'Owner Shelter')).id
  orgs.other = (await createOrganization(db, cocId, 'Other Outreach')).id
  orgs.third = (await createOrganization(db, cocId, 'Third Housing')).id
  const staff = await createUser(db, 'intake', [{ organizationId: orgs.owner, role: 'case_manager' }])
  const insertClient = (restriction: Restriction) =>
    db
      .insertInto('client')
      .values({
        coc_id: cocId,
        owner_organization_id: orgs.owner,
        restriction,
        first_name: 'Test',
        name_data_quality: 1,
        ssn_data_quality: 99,
        dob_data_quality: 99,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  for (const restriction of RESTRICTIONS) {
    for (const state of RELEASE_STATES) {
      const { id } = await insertClient(restriction)
      clients.push({ id, restriction, state })
      for (const release of releasesFor(state, orgs.other, orgs.third)) {
        await db
          .insertInto('client_release')
          .values({
            client_id: id,
            coc_id: cocId,
            recorded_by_organization_id: orgs.owner,
            release_identity: release.releaseIdentity,
            release_project_data: release.releaseProjectData,
            scope: release.scope,
            organization_ids: [...release.organizationIds],
            start_date: release.startDate,
            end_date: release.endDate,
            documentation: 'signed',
            witness_user_id: staff.id,
            signed_by_client_id: id,
            revoked_on: release.revokedOn,
            revoked_by: release.revokedOn ? staff.id : null,
            created_by: staff.id,
          })
          .execute()
      }
    }
  }
  const survivor = await insertClient('open')
  mergedClientId = (await insertClient('open')).id
  await db
    .updateTable('client')
    .set({ merged_into_client_id: survivor.id })
    .where('id', '=', mergedClientId)
    .execute()
})

afterAll(async () => {
  await database?.close()
})

const actors = (): UserActor[] => [
  ...ROLES.flatMap((role) =>
    [orgs.owner, orgs.other, orgs.third].map((organizationId) => testUserActor(role, organizationId, cocId)),
  ),
  testUserActor('system_admin', orgs.owner, otherCocId),
]

const describeActor = (actor: UserActor) =>
  `${actor.role} of ${Object.entries(orgs).find(([, id]) => id === actor.organizationId)?.[0]}${actor.cocId === cocId ? '' : ' in another CoC'}`

async function sqlVisible(filter: typeof clientIdentityVisibleTo, actor: UserActor): Promise<string[]> {
  const rows = await database.db
    .selectFrom('client')
    .select('id')
    .where(filter(actor, TODAY))
    .where(
      'id',
      'in',
      clients.map((client) => client.id),
    )
    .execute()
  return rows.map((row) => row.id).sort()
}

describe('the SQL client filters agree with the predicates', () => {
  it('for every role of every agency (and another CoC), on every restriction × release state', async () => {
    for (const actor of actors()) {
      const facts = await loadClientAccessFactsMany(
        database.db,
        actor,
        clients.map((client) => client.id),
        TODAY,
      )
      const byPredicate = (predicate: typeof canSeeClientIdentity) =>
        clients
          .filter((client) => predicate(actor, facts.get(client.id)!))
          .map((client) => client.id)
          .sort()
      expect(await sqlVisible(clientIdentityVisibleTo, actor), `identity, ${describeActor(actor)}`).toEqual(
        byPredicate(canSeeClientIdentity),
      )
      expect(
        await sqlVisible(clientProjectDataVisibleTo, actor),
        `project data, ${describeActor(actor)}`,
      ).toEqual(byPredicate(canSeeClientProjectData))
    }
  })

  it('loads the same release facts the pure rules derive from the fixture', async () => {
    for (const organizationId of [orgs.owner, orgs.other, orgs.third]) {
      const actor = testUserActor('case_manager', organizationId, cocId)
      for (const client of clients) {
        const loaded = await loadClientAccessFacts(database.db, actor, client.id, TODAY)
        expect(loaded).toEqual({
          id: client.id,
          cocId,
          ownerOrganizationId: orgs.owner,
          restriction: client.restriction,
          ...releasesReaching(
            releasesFor(client.state, orgs.other, orgs.third),
            organizationId,
            client.restriction,
            TODAY,
          ),
        })
      }
    }
  })

  it('spot check: another agency sees an open client with a CoC-wide identity release, not a restricted one', async () => {
    const actor = testUserActor('case_manager', orgs.other, cocId)
    const visible = await sqlVisible(clientIdentityVisibleTo, actor)
    const find = (restriction: Restriction, state: ReleaseState) =>
      clients.find((client) => client.restriction === restriction && client.state === state)!.id
    expect(visible).toContain(find('open', 'coc identity only'))
    expect(visible).not.toContain(find('restricted', 'coc identity only'))
    expect(visible).toContain(find('restricted', 'naming this agency'))
    expect(visible).not.toContain(find('confidential', 'naming this agency'))
  })

  it('works in a query that joins other tables, with client un-aliased', async () => {
    const actor = testUserActor('case_manager', orgs.other, cocId)
    const rows = await database.db
      .selectFrom('client')
      .innerJoin('organization', 'organization.id', 'client.owner_organization_id')
      .select('client.id')
      .where(clientIdentityVisibleTo(actor, TODAY))
      .where(
        'client.id',
        'in',
        clients.map((client) => client.id),
      )
      .execute()
    expect(rows.map((row) => row.id).sort()).toEqual(await sqlVisible(clientIdentityVisibleTo, actor))
  })

  it('gives no facts for a missing or merged-away client', async () => {
    const actor = testUserActor('case_manager', orgs.owner, cocId)
    expect(await loadClientAccessFacts(database.db, actor, mergedClientId, TODAY)).toBeUndefined()
    expect(
      await loadClientAccessFacts(database.db, actor, '00000000-0000-4000-8000-000000000000', TODAY),
    ).toBeUndefined()
  })
})
