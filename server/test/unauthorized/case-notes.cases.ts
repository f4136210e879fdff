import { sql } from 'kysely'
import { insertTestClient } from '../../src/households/household.fixtures'
import { insertTestRelease } from '../../src/releases/release.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Case notes stay with the agency that wrote them. A2 has no release for A1's clients; CoC B sees nothing
// of CoC A. Even with a project-data release naming A2 and a shared note, A2 only reads it: changing it is 403.

async function noteOf(f: Fixture, owner: FixtureOrganization, options: { shareable?: boolean } = {}) {
  const clientId = await insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Noted',
    lastName: 'Client',
  })
  const note = await f.t.db
    .insertInto('case_note')
    .values({
      client_id: clientId,
      coc_id: owner.cocId,
      owner_organization_id: owner.id,
      author_user_id: f.users.caseManagerA1.id,
      entry_date: '2026-01-10',
      regarding: 'Confidential housing plan',
      body_html: '<p>Talked about the eviction notice</p>',
      plain_text: 'Talked about the eviction notice',
      shareable: options.shareable ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { clientId, noteId: note.id }
}

const noteOfA1 = async (f: Fixture) => (await noteOf(f, f.orgA1)).noteId
const clientWithNoteOfA1 = async (f: Fixture) => (await noteOf(f, f.orgA1)).clientId

/** A shared note about an A1 client whose project data is released to A2, in a CoC that allows sharing. */
async function sharedNoteReleasedToA2(f: Fixture) {
  await f.t.db
    .updateTable('coc')
    .set({ settings: sql`settings || '{"shareableCaseNotes": true}'::jsonb` })
    .where('id', '=', f.cocA.id)
    .execute()
  const { clientId, noteId } = await noteOf(f, f.orgA1, { shareable: true })
  await insertTestRelease(f.t.db, {
    clientId,
    cocId: f.cocA.id,
    recordedByOrganizationId: f.orgA1.id,
    userId: f.users.caseManagerA1.id,
    organizationIds: [f.orgA2.id],
  })
  return noteId
}

const readNote = async (f: Fixture, id: string) => ({
  note: await f.t.db.selectFrom('case_note').selectAll().where('id', '=', id).executeTakeFirst(),
  versions: await f.t.db.selectFrom('case_note_version').selectAll().where('case_note_id', '=', id).execute(),
})

const readClientNotes = async (f: Fixture, id: string) => ({
  client: await f.t.db
    .selectFrom('client')
    .select(['id', 'first_name'])
    .where('id', '=', id)
    .executeTakeFirst(),
  notes: await f.t.db.selectFrom('case_note').selectAll().where('client_id', '=', id).orderBy('id').execute(),
})

const noteRoutes = (
  target: string,
  setup: (f: Fixture) => Promise<string>,
  caller: UnauthorizedCase['caller'],
): UnauthorizedCase[] => [
  { target, method: 'GET', url: '/api/case-notes/:id', setup, caller, read: readNote },
  { target, method: 'GET', url: '/api/case-notes/:id/history', setup, caller, read: readNote },
  {
    target,
    method: 'PATCH',
    url: '/api/case-notes/:id',
    setup,
    caller,
    payload: { version: 1, regarding: 'Overwritten' },
    read: readNote,
  },
  { target, method: 'POST', url: '/api/case-notes/:id/lock', setup, caller, read: readNote },
  { target, method: 'POST', url: '/api/case-notes/:id/unlock', setup, caller, read: readNote },
  {
    target,
    method: 'DELETE',
    url: '/api/case-notes/:id',
    setup,
    caller,
    payload: { reason: 'Not ours' },
    read: readNote,
  },
]

const clientNoteRoutes = (caller: UnauthorizedCase['caller']): UnauthorizedCase[] => [
  {
    target: 'client of A1 with a note',
    method: 'GET',
    url: '/api/clients/:id/case-notes',
    setup: clientWithNoteOfA1,
    caller,
    read: readClientNotes,
  },
  {
    target: 'client of A1 with a note',
    method: 'GET',
    url: '/api/clients/:id/case-notes?q=eviction',
    setup: clientWithNoteOfA1,
    caller,
    read: readClientNotes,
  },
  {
    target: 'client of A1 with a note',
    method: 'GET',
    url: '/api/clients/:id/history',
    setup: clientWithNoteOfA1,
    caller,
    read: readClientNotes,
  },
  {
    target: 'client of A1 with a note',
    method: 'POST',
    url: '/api/clients/:id/case-notes',
    setup: clientWithNoteOfA1,
    caller,
    payload: { entryDate: '2026-01-11', regarding: 'Planted', text: '<p>Planted note</p>' },
    read: readClientNotes,
  },
]

const sharedNoteChanges: UnauthorizedCase[] = [
  {
    target: 'note of A1 shared with A2',
    method: 'PATCH',
    url: '/api/case-notes/:id',
    setup: sharedNoteReleasedToA2,
    caller: 'caseManagerA2',
    payload: { version: 1, regarding: 'Overwritten' },
    read: readNote,
    expect: 'forbidden',
  },
  {
    target: 'note of A1 shared with A2',
    method: 'DELETE',
    url: '/api/case-notes/:id',
    setup: sharedNoteReleasedToA2,
    caller: 'agencyAdminA2',
    payload: { reason: 'Not ours' },
    read: readNote,
    expect: 'forbidden',
  },
]

export default [
  ...noteRoutes('note of A1', noteOfA1, 'caseManagerA2'),
  ...noteRoutes('note of A1', noteOfA1, 'agencyAdminA2'),
  ...noteRoutes('note of A1', noteOfA1, 'cocAdminB'),
  ...clientNoteRoutes('caseManagerA2'),
  ...clientNoteRoutes('agencyAdminB1'),
  ...sharedNoteChanges,
] satisfies UnauthorizedCase[]
