import type { CaseNote, NewCaseNote } from '@threshold/core'
import { canWriteCaseNote } from '../access/case-note-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { assertNotFuture } from '../households/household-dates'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from '../services/service-access'
import {
  assertNoteLinks,
  assertSharingAllowed,
  loadClientForCaseNotes,
  sanitizedNoteText,
} from './case-note-access'
import {
  caseNoteSharingEnabled,
  insertCaseNoteVersion,
  loadCaseNote,
  toCaseNote,
  VERSIONED_COLUMNS,
} from './case-notes.repository'

const ACTION = 'case_note.create'

/** A note about a client, written by the actor for their agency; back-dating is allowed, the future is not. */
export async function createCaseNote(
  context: CaseManagementContext,
  clientId: string,
  input: NewCaseNote,
): Promise<CaseNote> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const client = await loadClientForCaseNotes(context, clientId, ACTION)
  await assertPermitted(db, actor, canWriteCaseNote(actor, client), {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    message: 'Your role cannot write case notes',
  })
  assertNotFuture(input.entryDate, today, 'entryDate')
  assertSharingAllowed(input.shareable, await caseNoteSharingEnabled(db, client.cocId))
  const sanitized = sanitizedNoteText(input.text)
  await assertNoteLinks(context, clientId, input)

  const noteId = await db.transaction().execute(async (trx) => {
    const note = await trx
      .insertInto('case_note')
      .values({
        client_id: clientId,
        coc_id: client.cocId,
        owner_organization_id: actor.organizationId,
        author_user_id: actor.userId,
        enrollment_id: input.enrollmentId ?? null,
        entry_date: input.entryDate,
        regarding: input.regarding,
        body_html: sanitized.html,
        plain_text: sanitized.text,
        shareable: input.shareable ?? false,
        locked: input.locked ?? false,
        updated_by: actor.userId,
      })
      .returning(VERSIONED_COLUMNS)
      .executeTakeFirstOrThrow()
    const serviceRecordIds = [...new Set(input.serviceRecordIds ?? [])]
    if (serviceRecordIds.length > 0) {
      await trx
        .insertInto('case_note_service')
        .values(serviceRecordIds.map((id) => ({ case_note_id: note.id, service_record_id: id })))
        .execute()
    }
    await insertCaseNoteVersion(trx, actor, note, 'created', [])
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'case_note',
      entityId: note.id,
      details: { clientId, shareable: note.shareable, locked: note.locked, serviceRecordIds },
    })
    return note.id
  })
  return toCaseNote(actor, (await loadCaseNote(db, actor, noteId, today))!)
}
