import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createTestApp, createUser, sessionFor, type TestApp } from '../../test/test-app'
import { insertTestClient } from '../households/household.fixtures'
import {
  auditRows,
  buildCaseManagementWorld,
  type CaseManagementWorld,
} from '../services/case-management.fixtures'

let t: TestApp
let world: CaseManagementWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildCaseManagementWorld(t)
})
afterAll(() => t.close())

const today = () => t.clock.now().toISOString().slice(0, 10)

async function writeNote(cookie: string, clientId: string, body: Record<string, unknown>) {
  return t.request({
    method: 'POST',
    url: `/api/clients/${clientId}/case-notes`,
    cookie,
    payload: {
      entryDate: '2026-02-01',
      regarding: 'Housing search',
      text: '<p>Called landlord</p>',
      ...body,
    },
  })
}

async function newNote(body: Record<string, unknown> = {}, clientId = world.mother) {
  const response = await writeNote(world.users.author.cookie, clientId, body)
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie })
const listNotes = (cookie: string, q?: string, clientId = world.mother) =>
  get(cookie, `/api/clients/${clientId}/case-notes${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`)

async function deniedCount(entityId: string, userId: string) {
  const rows = await t.db
    .selectFrom('audit_event')
    .select('seq')
    .where('outcome', '=', 'denied')
    .where('entity_id', '=', entityId)
    .where('actor_user_id', '=', userId)
    .execute()
  return rows.length
}

describe('writing a case note', () => {
  it('keeps only safe formatting: scripts, handlers, styles and javascript: links are stripped', async () => {
    const note = await newNote({
      text:
        '<p onclick="steal()" style="color:red">Met <b>Marisol</b> <script>alert(document.cookie)</script></p>' +
        '<a href="javascript:alert(1)">bad link</a> <a href="https://hud.gov">HUD</a><img src=x onerror=alert(1)>',
    })
    const expected =
      '<p>Met <strong>Marisol</strong> </p>bad link ' +
      '<a href="https://hud.gov/" rel="noopener noreferrer nofollow">HUD</a>'
    expect(note.text).toBe(expected)
    const stored = await t.db
      .selectFrom('case_note')
      .select('body_html')
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow()
    expect(stored.body_html).toBe(expected)
    expect(note.author).toEqual({ id: world.users.author.id, name: 'north.author' })
    expect(note.organization.id).toBe(world.northside.id)
    expect(note).toMatchObject({ version: 1, locked: false, shareable: false, canEdit: true })
  })

  it('may be back-dated but never dated in the future', async () => {
    expect((await newNote({ entryDate: '2025-06-30' })).entryDate).toBe('2025-06-30')
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10)
    const future = await writeNote(world.users.author.cookie, world.mother, { entryDate: tomorrow })
    expect(future.statusCode).toBe(422)
    expect(future.json().error.message).toBe('entryDate must not be in the future')
    expect((await newNote({ entryDate: today() })).entryDate).toBe(today())
  })

  it('refuses bad input with a clear 4xx', async () => {
    const cookie = world.users.author.cookie
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ regarding: '' }, 400, /regarding/],
      [{ entryDate: '2026-02-30' }, 400, /entryDate/],
      [{ ownerOrganizationId: world.southside.id }, 400, /ownerOrganizationId|Unrecognized/i],
      [{ text: '<script>only code</script>' }, 400, /no text/],
      [{ enrollmentId: world.enrollments.son }, 422, /enrollmentId is not an enrollment of this client/],
      [{ serviceRecordIds: ['00000000-0000-4000-8000-000000000001'] }, 422, /serviceRecordIds/],
      [{ shareable: true }, 422, /does not allow shareable/],
    ]
    for (const [body, status, message] of cases) {
      const response = await writeNote(cookie, world.mother, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(status)
      expect(response.json().error.message).toMatch(message)
    }
  })

  it('links to an enrollment of the client', async () => {
    const note = await newNote({ enrollmentId: world.enrollments.mother })
    expect(note.enrollmentId).toBe(world.enrollments.mother)
  })

  it('is refused to analysts (403) and to agencies without the client’s project data (404)', async () => {
    const analyst = await writeNote(world.users.analyst.cookie, world.mother, {})
    expect(analyst.statusCode).toBe(403)
    expect(analyst.json().error.message).toBe('Your role cannot write case notes')
    const neighbour = await writeNote(world.users.neighbour.cookie, world.mother, {})
    expect(neighbour.statusCode).toBe(404)
  })
})

describe('editing, history and the lock', () => {
  it('keeps every version, and a stale save gets 409', async () => {
    const note = await newNote({ regarding: 'First visit', text: '<p>Original words</p>' })
    const patch = (version: number, text: string) =>
      t.request({
        method: 'PATCH',
        url: `/api/case-notes/${note.id}`,
        cookie: world.users.colleague.cookie,
        payload: { version, text },
      })
    const edited = await patch(1, '<p>Corrected words</p>')
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ version: 2, text: '<p>Corrected words</p>' })

    const stale = await patch(1, '<p>Overwriting someone</p>')
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } })
    expect(stale.json().error.message).toMatch(/Someone else saved this case note/)

    const history = await get(world.users.author.cookie, `/api/case-notes/${note.id}/history`)
    expect(history.statusCode).toBe(200)
    expect(
      history
        .json()
        .versions.map((v: { version: number; action: string; text: string; changedFields: string[] }) => [
          v.version,
          v.action,
          v.text,
          v.changedFields,
        ]),
    ).toEqual([
      [2, 'updated', '<p>Corrected words</p>', ['text']],
      [1, 'created', '<p>Original words</p>', []],
    ])
    expect(history.json().versions[0].changedBy).toEqual({
      id: world.users.colleague.id,
      name: 'north.colleague',
    })
    expect(await auditRows(t, 'case_note.update', note.id)).toHaveLength(1)
  })

  it('locked: nobody edits or deletes; a colleague cannot unlock; the author can, and it is audited', async () => {
    const note = await newNote({ locked: true })
    expect(note).toMatchObject({ locked: true, canEdit: false, canUnlock: true })

    const edit = await t.request({
      method: 'PATCH',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.author.cookie,
      payload: { version: note.version, regarding: 'Changed' },
    })
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.message).toMatch(/locked \(read-only\)/)
    const remove = await t.request({
      method: 'DELETE',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.agencyAdmin.cookie,
      payload: { reason: 'Duplicate' },
    })
    expect(remove.statusCode).toBe(409)

    const unlockByColleague = await t.request({
      method: 'POST',
      url: `/api/case-notes/${note.id}/unlock`,
      cookie: world.users.colleague.cookie,
    })
    expect(unlockByColleague.statusCode).toBe(403)
    expect(unlockByColleague.json().error.message).toMatch(/Only the author or an agency administrator/)

    const unlocked = await t.request({
      method: 'POST',
      url: `/api/case-notes/${note.id}/unlock`,
      cookie: world.users.author.cookie,
    })
    expect(unlocked.statusCode).toBe(200)
    expect(unlocked.json()).toMatchObject({ locked: false, version: 2, canEdit: true })
    const audit = await auditRows(t, 'case_note.unlock', note.id)
    expect(audit.map((row) => [row.outcome, row.actor_user_id])).toEqual([
      ['denied', world.users.colleague.id],
      ['success', world.users.author.id],
    ])

    const relock = await t.request({
      method: 'POST',
      url: `/api/case-notes/${note.id}/lock`,
      cookie: world.users.colleague.cookie,
    })
    expect(relock.json()).toMatchObject({ locked: true, version: 3 })
    const byAdmin = await t.request({
      method: 'POST',
      url: `/api/case-notes/${note.id}/unlock`,
      cookie: world.users.agencyAdmin.cookie,
    })
    expect(byAdmin.json()).toMatchObject({ locked: false, version: 4 })
    const history = await get(world.users.author.cookie, `/api/case-notes/${note.id}/history`)
    expect(history.json().versions.map((v: { action: string }) => v.action)).toEqual([
      'unlocked',
      'locked',
      'unlocked',
      'created',
    ])
  })

  it('deletes with a reason: gone from every view, the row and the audit stay', async () => {
    const note = await newNote({ regarding: 'Entered on the wrong client' })
    const noReason = await t.request({
      method: 'DELETE',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.author.cookie,
      payload: {},
    })
    expect(noReason.statusCode).toBe(400)
    const deleted = await t.request({
      method: 'DELETE',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.author.cookie,
      payload: { reason: 'Wrong client' },
    })
    expect(deleted.statusCode).toBe(204)
    expect((await get(world.users.author.cookie, `/api/case-notes/${note.id}`)).statusCode).toBe(404)
    const list = await listNotes(world.users.author.cookie)
    expect(list.json().map((n: { id: string }) => n.id)).not.toContain(note.id)
    const row = await t.db
      .selectFrom('case_note')
      .select(['deleted_reason', 'deleted_by'])
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ deleted_reason: 'Wrong client', deleted_by: world.users.author.id })
    expect(await auditRows(t, 'case_note.delete', note.id)).toHaveLength(1)
  })

  it('only the author changes whether a note is shared', async () => {
    await world.setNoteSharing(true)
    const note = await newNote()
    const byColleague = await t.request({
      method: 'PATCH',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.colleague.cookie,
      payload: { version: 1, shareable: true },
    })
    expect(byColleague.statusCode).toBe(403)
    const byAuthor = await t.request({
      method: 'PATCH',
      url: `/api/case-notes/${note.id}`,
      cookie: world.users.author.cookie,
      payload: { version: 1, shareable: true },
    })
    expect(byAuthor.json()).toMatchObject({ shareable: true, version: 2 })
    await world.setNoteSharing(false)
  })
})

describe('who reads a note', () => {
  it('another agency never sees a non-shared note; a shared one only with the setting and a release', async () => {
    const { neighbour, author } = world.users
    // A client of their own, so notes of the other tests stay out of these lists.
    const client = await insertTestClient(t.db, {
      cocId: world.coc.id,
      ownerOrganizationId: world.northside.id,
      firstName: 'Ximena',
    })
    const clientNotes = (cookie: string, q?: string) => listNotes(cookie, q, client)
    const privateNote = await newNote(
      { regarding: 'Private eviction worries', text: '<p>Private eviction</p>' },
      client,
    )
    await world.setNoteSharing(true)
    const sharedNote = await newNote(
      { regarding: 'Shared eviction plan', text: '<p>Shared eviction plan</p>', shareable: true },
      client,
    )

    // No release: the client's notes are out of reach, by id and by list.
    const before = await deniedCount(privateNote.id, neighbour.id)
    const byId = await get(neighbour.cookie, `/api/case-notes/${privateNote.id}`)
    expect(byId.statusCode).toBe(404)
    expect(byId.json().error.message).toBe('No such case note')
    expect(await deniedCount(privateNote.id, neighbour.id)).toBe(before + 1)
    expect((await get(neighbour.cookie, `/api/case-notes/${sharedNote.id}`)).statusCode).toBe(404)
    expect((await clientNotes(neighbour.cookie)).statusCode).toBe(404)

    // With a project-data release: the shared note only, in the list, in search and by id.
    const releaseId = await world.releaseToSouthside(client)
    const list = await clientNotes(neighbour.cookie)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().map((n: { id: string }) => n.id)).toEqual([sharedNote.id])
    expect(list.json()[0]).toMatchObject({ canEdit: false, canUnlock: false })
    const search = await clientNotes(neighbour.cookie, 'eviction')
    expect(search.json().map((n: { id: string }) => n.id)).toEqual([sharedNote.id])
    expect(search.body).not.toContain('Private eviction')
    expect((await get(neighbour.cookie, `/api/case-notes/${sharedNote.id}`)).statusCode).toBe(200)
    expect((await get(neighbour.cookie, `/api/case-notes/${sharedNote.id}/history`)).statusCode).toBe(200)
    expect((await get(neighbour.cookie, `/api/case-notes/${privateNote.id}`)).statusCode).toBe(404)
    expect((await get(neighbour.cookie, `/api/case-notes/${privateNote.id}/history`)).statusCode).toBe(404)
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/case-notes/${sharedNote.id}`,
      cookie: neighbour.cookie,
      payload: { version: 1, regarding: 'Hijacked' },
    })
    expect(edit.statusCode).toBe(403)

    // The client history (record changes) never carries note text.
    const clientHistory = await get(neighbour.cookie, `/api/clients/${client}/history`)
    expect(clientHistory.body).not.toContain('Private eviction')

    // The CoC turns sharing off: the shared note disappears too.
    await world.setNoteSharing(false)
    expect((await clientNotes(neighbour.cookie)).json()).toEqual([])
    expect((await get(neighbour.cookie, `/api/case-notes/${sharedNote.id}`)).statusCode).toBe(404)
    await world.setNoteSharing(true)
    expect((await clientNotes(neighbour.cookie)).json()).toHaveLength(1)

    // The release is revoked today: gone on the very next request.
    const revoke = await t.request({
      method: 'POST',
      url: `/api/releases/${releaseId}/revoke`,
      cookie: author.cookie,
      payload: { revokedOn: today(), reason: 'Client withdrew consent' },
    })
    expect(revoke.statusCode, revoke.body).toBe(200)
    expect((await get(neighbour.cookie, `/api/case-notes/${sharedNote.id}`)).statusCode).toBe(404)
    expect((await clientNotes(neighbour.cookie)).statusCode).toBe(404)
    expect((await clientNotes(neighbour.cookie, 'eviction')).statusCode).toBe(404)
    await world.setNoteSharing(false)
  })

  it('another agency finds the client and reads its history, never a non-shared note’s words', async () => {
    const { neighbour } = world.users
    const lead = await createOrganization(t.db, world.coc.id, 'Fulton HMIS Lead')
    const cocAdmin = await createUser(t.db, 'lead.cocadmin', [{ organizationId: lead.id, role: 'coc_admin' }])
    const cocAdminCookie = await sessionFor(t, cocAdmin.id, lead.id)
    const client = await insertTestClient(t.db, {
      cocId: world.coc.id,
      ownerOrganizationId: world.northside.id,
      firstName: 'Philippa',
      lastName: 'Quennell',
    })
    const note = await newNote(
      { regarding: 'Zanzibar arrears', text: '<p>Owes Zanzibar Properties two months</p>' },
      client,
    )
    await world.setNoteSharing(true)
    await world.releaseToSouthside(client)

    // Both reach the record: the CoC admin CoC-wide (identity, no project data), Southside by its release.
    for (const cookie of [cocAdminCookie, neighbour.cookie]) {
      const byName = await get(cookie, '/api/clients/search?firstName=Philippa&lastName=Quennell')
      expect(byName.statusCode, byName.body).toBe(200)
      expect(byName.json().results.map((result: { id: string }) => result.id)).toContain(client)
      expect(byName.body).not.toMatch(/Zanzibar|arrears|Owes/)
      // A note's words are not a way to find its client.
      const byNoteWords = await get(cookie, '/api/clients/search?q=Zanzibar%20arrears')
      expect(byNoteWords.statusCode, byNoteWords.body).toBe(200)
      expect(byNoteWords.json().results.map((result: { id: string }) => result.id)).not.toContain(client)
      const history = await get(cookie, `/api/clients/${client}/history`)
      expect(history.statusCode, history.body).toBe(200)
      expect(history.body).not.toMatch(/Zanzibar|arrears|Owes/)
      const record = await get(cookie, `/api/clients/${client}`)
      expect(record.statusCode, record.body).toBe(200)
      expect(record.body).not.toMatch(/Zanzibar|arrears|Owes/)
    }

    // The case-note search: nothing for Southside (the note is not shared), 404 for the CoC admin (no release).
    const southSearch = await listNotes(neighbour.cookie, 'Zanzibar', client)
    expect(southSearch.statusCode, southSearch.body).toBe(200)
    expect(southSearch.json()).toEqual([])
    expect((await listNotes(neighbour.cookie, undefined, client)).json()).toEqual([])
    const adminSearch = await listNotes(cocAdminCookie, 'Zanzibar', client)
    expect(adminSearch.statusCode).toBe(404)
    expect(adminSearch.body).not.toMatch(/Zanzibar|arrears|Owes/)
    expect((await get(cocAdminCookie, `/api/case-notes/${note.id}`)).statusCode).toBe(404)

    // The writing agency still finds it by its words.
    const own = await listNotes(world.users.author.cookie, 'Zanzibar', client)
    expect(own.json().map((found: { id: string }) => found.id)).toEqual([note.id])
    await world.setNoteSharing(false)
  })

  it('searches the words of the notes the actor may read (English stemming)', async () => {
    const note = await newNote({
      regarding: 'Utilities',
      text: '<p>Helped with the <b>electricity</b> shutoffs</p>',
    })
    const found = await listNotes(world.users.author.cookie, 'shutoff electricity')
    expect(found.statusCode).toBe(200)
    expect(found.json().map((n: { id: string }) => n.id)).toEqual([note.id])
    expect((await listNotes(world.users.author.cookie, 'zebra')).json()).toEqual([])
    const all = await listNotes(world.users.author.cookie)
    expect(all.json().length).toBeGreaterThan(1)
  })

  it('analysts do not read case notes', async () => {
    const response = await listNotes(world.users.analyst.cookie)
    expect(response.statusCode).toBe(403)
    expect(response.json().error.message).toBe('Your role does not read case notes')
  })
})
