import type { Restriction } from '../../src/clients/client.tables'
import { insertTestClient } from '../../src/households/household.fixtures'
import { insertTestRelease } from '../../src/releases/release.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Releases of information: as visible as their client's identity. A2 holds no release for A1's clients;
// CoC B sees nothing of CoC A; a confidential client's releases are hidden even from the CoC admin.

async function clientOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  return insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Guarded',
    lastName: 'Consent',
    dob: '1981-07-08',
    restriction,
  })
}

/** A verbal release naming only the owning agency, with a scanned form attached. */
async function releaseOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  const clientId = await clientOf(f, owner, restriction)
  const userId = await f.newUser(owner, 'case_manager')
  const id = await insertTestRelease(f.t.db, {
    clientId,
    cocId: owner.cocId,
    recordedByOrganizationId: owner.id,
    userId,
    organizationIds: [owner.id],
  })
  await f.t.db.updateTable('client_release').set({ documentation: 'verbal' }).where('id', '=', id).execute()
  await f.t.db
    .insertInto('client_release_document')
    .values({
      release_id: id,
      file_name: 'guarded-consent.pdf',
      content_type: 'application/pdf',
      size_bytes: 9,
      content: Buffer.from('%PDF-1.7\n'),
      uploaded_by: userId,
    })
    .execute()
  return id
}

const readRelease = async (f: Fixture, id: string) => ({
  release: await f.t.db.selectFrom('client_release').selectAll().where('id', '=', id).executeTakeFirst(),
  document: await f.t.db
    .selectFrom('client_release_document')
    .select(['file_name', 'content_type', 'size_bytes'])
    .where('release_id', '=', id)
    .executeTakeFirst(),
})

const readClientReleases = async (f: Fixture, id: string) => ({
  client: await f.t.db
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name', 'dob', 'restriction'])
    .where('id', '=', id)
    .executeTakeFirst(),
  releases: await f.t.db.selectFrom('client_release').selectAll().where('client_id', '=', id).execute(),
})

const releaseRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => [
  {
    target,
    method: 'POST',
    url: '/api/releases/:id/revoke',
    setup,
    caller,
    payload: { revokedOn: '2025-01-02', reason: 'Taken over' },
    read: readRelease,
  },
  { target, method: 'POST', url: '/api/releases/:id/signed', setup, caller, read: readRelease },
  { target, method: 'GET', url: '/api/releases/:id/document', setup, caller, read: readRelease },
  {
    target,
    method: 'POST',
    url: '/api/releases/:id/document',
    setup,
    caller,
    payload: {},
    read: readRelease,
  },
]

const clientRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => [
  { target, method: 'GET', url: '/api/clients/:id/releases', setup, caller, read: readClientReleases },
  {
    target,
    method: 'POST',
    url: '/api/clients/:id/releases',
    setup,
    caller,
    payload: {
      releaseIdentity: true,
      releaseProjectData: true,
      scope: 'coc',
      startDate: '2025-01-01',
      documentation: 'signed',
    },
    read: readClientReleases,
  },
]

export default [
  ...releaseRoutes('release of an A1 client', (f) => releaseOf(f, f.orgA1), 'caseManagerA2'),
  ...releaseRoutes('release of an A1 client', (f) => releaseOf(f, f.orgA1), 'cocAdminB'),
  ...releaseRoutes(
    'release of a confidential A2 client',
    (f) => releaseOf(f, f.orgA2, 'confidential'),
    'cocAdminA',
  ),
  ...clientRoutes('client of A1', (f) => clientOf(f, f.orgA1), 'caseManagerA2'),
  ...clientRoutes('client of A1', (f) => clientOf(f, f.orgA1), 'agencyAdminB1'),
  ...clientRoutes('confidential client of A2', (f) => clientOf(f, f.orgA2, 'confidential'), 'cocAdminA'),
] satisfies UnauthorizedCase[]
