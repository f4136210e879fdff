import { canEditCaseNote, canSeeCaseNote } from '../access/case-note-policy'
import { canSeeClientProjectData } from '../access/client-policy'
import { type LoadedClientAccessFacts, loadClientAccessFacts } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { AppError } from '../http/errors'
import type { CaseManagementContext } from '../services/service-access'
import { type CaseNoteState, loadCaseNote } from './case-notes.repository'
import { sanitizeNoteHtml } from './sanitize-note-html'

/** The client whose notes are asked for, when the actor sees its project data; else 404 (+ denied audit). */
export function loadClientForCaseNotes(
  { db, actor, today }: CaseManagementContext,
  clientId: string,
  action: string,
): Promise<LoadedClientAccessFacts> {
  return loadVisible({
    db,
    actor,
    entityType: 'client',
    id: clientId,
    action,
    load: (database, id) => loadClientAccessFacts(database, actor, id, today),
    canSee: canSeeClientProjectData,
  })
}

/** A note the actor may read, else 404 (missing, deleted and hidden alike) with a `denied` audit row. */
export function loadVisibleCaseNote(
  { db, actor, today }: CaseManagementContext,
  id: string,
  action: string,
): Promise<CaseNoteState> {
  return loadVisible({
    db,
    actor,
    entityType: 'case_note',
    id,
    action,
    label: 'case note',
    load: (database, noteId) => loadCaseNote(database, actor, noteId, today),
    canSee: canSeeCaseNote,
  })
}

/** A visible note the actor's agency wrote and that is not locked: else 403 or 409. */
export async function loadEditableCaseNote(
  context: CaseManagementContext,
  id: string,
  action: string,
): Promise<CaseNoteState> {
  const note = await loadVisibleCaseNote(context, id, action)
  await assertPermitted(context.db, context.actor, canEditCaseNote(context.actor, note), {
    action,
    entityType: 'case_note',
    entityId: id,
    message: 'Only the agency that wrote this case note can change it',
  })
  if (note.row.locked) throw lockedNote()
  return note
}

export const lockedNote = () =>
  new AppError(
    'conflict',
    'This case note is locked (read-only): its author or an agency administrator must unlock it first',
  )

/** Sanitized note text; a note with no words left is refused. */
export function sanitizedNoteText(input: string): { html: string; text: string } {
  const sanitized = sanitizeNoteHtml(input)
  if (sanitized.text === '') {
    throw new AppError('invalid_input', 'The case note has no text', [
      { path: 'text', message: 'is required' },
    ])
  }
  return sanitized
}

/** An enrollment of this client, and services recorded for this client: what a note may link to. */
export async function assertNoteLinks(
  { db }: CaseManagementContext,
  clientId: string,
  links: { enrollmentId?: string | null; serviceRecordIds?: readonly string[] },
): Promise<void> {
  if (links.enrollmentId) {
    const enrollment = await db
      .selectFrom('enrollment')
      .select('id')
      .where('id', '=', links.enrollmentId)
      .where('client_id', '=', clientId)
      .executeTakeFirst()
    if (!enrollment) throw badLink('enrollmentId', 'is not an enrollment of this client')
  }
  const serviceRecordIds = [...new Set(links.serviceRecordIds ?? [])]
  if (serviceRecordIds.length > 0) {
    const found = await db
      .selectFrom('service_record')
      .select('id')
      .where('id', 'in', serviceRecordIds)
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute()
    if (found.length !== serviceRecordIds.length)
      throw badLink('serviceRecordIds', 'must be services recorded for this client')
  }
}

const badLink = (path: string, message: string) =>
  new AppError('unprocessable', `${path} ${message}`, [{ path, message }])

/** Shareable notes exist only where the CoC allows them. */
export function assertSharingAllowed(shareable: boolean | undefined, sharingEnabled: boolean): void {
  if (shareable && !sharingEnabled) {
    throw new AppError('unprocessable', 'Your CoC does not allow shareable case notes', [
      { path: 'shareable', message: 'is turned off for this CoC' },
    ])
  }
}
