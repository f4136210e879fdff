import type { CaseNote } from '@threshold/core'
import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely'
import type { Actor, UserActor } from '../access/actor'
import {
  type CaseNoteAccessFacts,
  type CaseNoteReach,
  canEditCaseNote,
  canUnlockCaseNote,
} from '../access/case-note-policy'
import type { ClientAccessFacts } from '../access/client-policy'
import { type LoadedClientAccessFacts, loadClientAccessFacts } from '../access/client-visibility'
import type { DB } from '../db/schema'
import type { CaseNoteVersionAction } from './case-note.tables'

function noteQuery(db: Kysely<DB>) {
  return db
    .selectFrom('case_note')
    .innerJoin('app_user', 'app_user.id', 'case_note.author_user_id')
    .innerJoin('organization', 'organization.id', 'case_note.owner_organization_id')
    .select([
      'case_note.id',
      'case_note.client_id as clientId',
      'case_note.owner_organization_id as ownerOrganizationId',
      'case_note.author_user_id as authorUserId',
      'case_note.enrollment_id as enrollmentId',
      'case_note.entry_date as entryDate',
      'case_note.regarding',
      'case_note.body_html as bodyHtml',
      'case_note.shareable',
      'case_note.locked',
      'case_note.version',
      'case_note.created_at as createdAt',
      'case_note.updated_at as updatedAt',
      'app_user.display_name as authorName',
      'organization.name as organizationName',
    ])
    .where('case_note.deleted_at', 'is', null)
}

export type CaseNoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>

/** A live note with everything the rules and the answer need. */
export interface CaseNoteState extends CaseNoteAccessFacts {
  row: CaseNoteRow
  serviceRecordIds: string[]
}

/** The CoC's `shareableCaseNotes` switch (off unless turned on). */
export async function caseNoteSharingEnabled(db: Kysely<DB>, cocId: string): Promise<boolean> {
  const coc = await db.selectFrom('coc').select('settings').where('id', '=', cocId).executeTakeFirst()
  return coc?.settings.shareableCaseNotes === true
}

/** The live services each note links to (a deleted service drops out of its notes). */
async function linkedServices(db: Kysely<DB>, noteIds: readonly string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>(noteIds.map((id) => [id, []]))
  if (noteIds.length === 0) return links
  const rows = await db
    .selectFrom('case_note_service')
    .innerJoin('service_record', 'service_record.id', 'case_note_service.service_record_id')
    .select(['case_note_service.case_note_id as noteId', 'service_record.id as serviceRecordId'])
    .where('case_note_service.case_note_id', 'in', noteIds)
    .where('service_record.deleted_at', 'is', null)
    .orderBy('service_record.id')
    .execute()
  for (const row of rows) links.get(row.noteId)?.push(row.serviceRecordId)
  return links
}

/** A live (not deleted) note of a live client, or undefined. */
export async function loadCaseNote(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  today: string,
): Promise<CaseNoteState | undefined> {
  const row = await noteQuery(db).where('case_note.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const client = await loadClientAccessFacts(db, actor, row.clientId, today)
  if (!client) return undefined
  const serviceRecordIds = (await linkedServices(db, [id])).get(id) ?? []
  return caseNoteState(row, serviceRecordIds, client, await caseNoteSharingEnabled(db, client.cocId))
}

function caseNoteState(
  row: CaseNoteRow,
  serviceRecordIds: string[],
  client: ClientAccessFacts,
  sharingEnabled: boolean,
): CaseNoteState {
  return {
    row,
    serviceRecordIds,
    client,
    ownerOrganizationId: row.ownerOrganizationId,
    authorUserId: row.authorUserId,
    shareable: row.shareable,
    sharingEnabled,
  }
}

/** A client's live notes within the actor's reach, newest entry first; `search` is full-text. */
export async function listReachableNotes(
  db: Kysely<DB>,
  client: LoadedClientAccessFacts,
  reach: CaseNoteReach,
  search: string | undefined,
): Promise<CaseNoteState[]> {
  const rows = await noteQuery(db)
    .where('case_note.client_id', '=', client.id)
    .where((eb) =>
      reach.shared
        ? eb.or([
            eb('case_note.owner_organization_id', '=', reach.organizationId),
            eb('case_note.shareable', '=', true),
          ])
        : eb('case_note.owner_organization_id', '=', reach.organizationId),
    )
    .$if(search !== undefined, (query) =>
      query.where(sql<SqlBool>`case_note.search_vector @@ websearch_to_tsquery('english', ${search})`),
    )
    .orderBy('case_note.entry_date', 'desc')
    .orderBy('case_note.created_at', 'desc')
    .execute()
  const links = await linkedServices(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => caseNoteState(row, links.get(row.id) ?? [], client, reach.shared))
}

export function toCaseNote(actor: Actor, state: CaseNoteState): CaseNote {
  const { row } = state
  return {
    id: row.id,
    clientId: row.clientId,
    entryDate: row.entryDate,
    regarding: row.regarding,
    text: row.bodyHtml,
    author: { id: row.authorUserId, name: row.authorName },
    organization: { id: row.ownerOrganizationId, name: row.organizationName },
    enrollmentId: row.enrollmentId,
    serviceRecordIds: state.serviceRecordIds,
    shareable: row.shareable,
    locked: row.locked,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEditCaseNote(actor, state) && !row.locked,
    canUnlock: row.locked && canUnlockCaseNote(actor, state),
  }
}

/** The columns a version row copies from the note (what UPDATE … RETURNING gives back). */
export const VERSIONED_COLUMNS = [
  'id',
  'version',
  'entry_date',
  'regarding',
  'body_html',
  'shareable',
  'locked',
] as const

export interface VersionedNote {
  id: string
  version: number
  entry_date: string
  regarding: string
  body_html: string
  shareable: boolean
  locked: boolean
}

/** Writes the note's new state as a version row, in the transaction that changed it. */
export async function insertCaseNoteVersion(
  trx: Transaction<DB>,
  actor: UserActor,
  note: VersionedNote,
  action: CaseNoteVersionAction,
  changedFields: string[],
): Promise<void> {
  await trx
    .insertInto('case_note_version')
    .values({
      case_note_id: note.id,
      version: note.version,
      action,
      entry_date: note.entry_date,
      regarding: note.regarding,
      body_html: note.body_html,
      shareable: note.shareable,
      locked: note.locked,
      changed_fields: changedFields,
      changed_by: actor.userId,
      organization_id: actor.organizationId,
    })
    .execute()
}
