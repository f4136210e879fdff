import type { Restriction } from '../../src/clients/client.tables'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Duplicate management: comparing two records and splitting a merge, by admins who must not reach them.

/** The second record of the pair the last setup created (the compare route names both). */
let otherClientId = ''

async function clientOf(
  f: Fixture,
  organization: FixtureOrganization,
  restriction: Restriction,
  first: string,
) {
  const client = await f.t.db
    .insertInto('client')
    .values({
      coc_id: organization.cocId,
      owner_organization_id: organization.id,
      restriction,
      first_name: first,
      last_name: 'Abernathy-Quist',
      name_data_quality: 1,
      ssn_data_quality: 99,
      dob: '1979-11-02',
      dob_data_quality: 1,
      contact: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return client.id
}

/** A pair of look-alike records in CoC A; the target is the first, kept under `restriction` by A2. */
async function pairInCocA(f: Fixture, restriction: Restriction) {
  otherClientId = await clientOf(f, f.orgA1, 'open', 'Theodora')
  return clientOf(f, f.orgA2, restriction, 'Theodora')
}

/** A merge recorded in CoC A. */
async function mergeInCocA(f: Fixture) {
  const survivor = await clientOf(f, f.orgA1, 'open', 'Cornelius')
  const merged = await clientOf(f, f.orgA2, 'open', 'Cornelius')
  await f.t.db
    .updateTable('client')
    .set({ merged_into_client_id: survivor })
    .where('id', '=', merged)
    .execute()
  const merge = await f.t.db
    .insertInto('client_merge')
    .values({
      coc_id: f.cocA.id,
      survivor_client_id: survivor,
      merged_client_id: merged,
      field_choices: '{}',
      survivor_before: '{}',
      survivor_after: '{}',
      moved: '{}',
      merged_by: f.users.cocAdminA.id,
      organization_id: f.orgA1.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return merge.id
}

const readClient = (f: Fixture, id: string) =>
  f.t.db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst()
const readMerge = (f: Fixture, id: string) =>
  f.t.db.selectFrom('client_merge').selectAll().where('id', '=', id).executeTakeFirst()
const compareUrl = '/api/clients/compare?survivorId=:id&mergedId=:other'

export default [
  {
    target: 'client of CoC A',
    method: 'GET',
    url: compareUrl,
    params: () => ({ other: otherClientId }),
    setup: (f) => pairInCocA(f, 'open'),
    caller: 'cocAdminB',
    read: readClient,
  },
  {
    target: 'confidential client of A2',
    method: 'GET',
    url: compareUrl,
    params: () => ({ other: otherClientId }),
    setup: (f) => pairInCocA(f, 'confidential'),
    caller: 'cocAdminA',
    read: readClient,
  },
  {
    target: 'merge in CoC A',
    method: 'POST',
    url: '/api/client-merges/:id/split',
    setup: mergeInCocA,
    caller: 'cocAdminB',
    payload: { reason: 'not mine to split' },
    read: readMerge,
  },
  {
    target: 'merge in CoC A',
    method: 'POST',
    url: '/api/client-merges/:id/split',
    setup: mergeInCocA,
    caller: 'agencyAdminA1',
    payload: { reason: 'not an admin of the CoC' },
    read: readMerge,
  },
] satisfies UnauthorizedCase[]
