import type { CaseNote, CaseNotePatch } from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import { canChangeCaseNoteSharing } from '../access/case-note-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { assertNotFuture } from '../households/household-dates'
import { userActor } from '../http/app-context'
import { AppError, notFound } from '../http/errors'
import type { CaseManagementContext } from '../services/service-access'
import {
  assertNoteLinks,
  assertSharingAllowed,
  loadEditableCaseNote,
  lockedNote,
  sanitizedNoteText,
} from './case-note-access'
import { insertCaseNoteVersion, loadCaseNote, toCaseNote, VERSIONED_COLUMNS } from './case-notes.repository'

const ACTION = 'case_note.update'

export const staleCaseNote = (currentVersion: number) =>
  new AppError(
    'conflict',
    'Someone else saved this case note after you opened it: reload it to see their change, then make yours again',
    { currentVersion },
  )

/** Someone locked, deleted or saved the note between our read and our write. */
async function whyNotUpdated(trx: Transaction<DB>, id: string): Promise<AppError> {
  const latest = await trx
    .selectFrom('case_note')
    .select(['version', 'locked', 'deleted_at as deletedAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  if (latest.deletedAt) return notFound('case note')
  return latest.locked ? lockedNote() : staleCaseNote(latest.version)
}

/**
 * Changes a note against the version the editor started from (409 when someone saved in between); the
 * previous text stays in the note's history.
 */
export async function updateCaseNote(
  context: CaseManagementContext,
  id: string,
  patch: CaseNotePatch,
): Promise<CaseNote> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const note = await loadEditableCaseNote(context, id, ACTION)
  const { version, serviceRecordIds, ...fields } = patch
  if (fields.shareable !== undefined && fields.shareable !== note.row.shareable) {
    await assertPermitted(db, actor, canChangeCaseNoteSharing(actor, note), {
      action: ACTION,
      entityType: 'case_note',
      entityId: id,
      details: { fields: ['shareable'] },
      message: 'Only the author decides whether a case note is shared',
    })
    assertSharingAllowed(fields.shareable, note.sharingEnabled)
  }
  if (note.row.version !== version) throw staleCaseNote(note.row.version)
  if (fields.entryDate !== undefined) assertNotFuture(fields.entryDate, today, 'entryDate')
  const sanitized = fields.text === undefined ? undefined : sanitizedNoteText(fields.text)
  await assertNoteLinks(context, note.row.clientId, { enrollmentId: fields.enrollmentId, serviceRecordIds })

  const current = {
    entryDate: note.row.entryDate,
    regarding: note.row.regarding,
    text: note.row.bodyHtml,
    shareable: note.row.shareable,
    enrollmentId: note.row.enrollmentId,
  }
  const next = {
    entryDate: fields.entryDate ?? current.entryDate,
    regarding: fields.regarding ?? current.regarding,
    text: sanitized?.html ?? current.text,
    shareable: fields.shareable ?? current.shareable,
    enrollmentId: fields.enrollmentId === undefined ? current.enrollmentId : fields.enrollmentId,
  }
  const changedFields: string[] = (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => next[key] !== current[key],
  )
  const nextServices = serviceRecordIds === undefined ? undefined : [...new Set(serviceRecordIds)].sort()
  if (nextServices && nextServices.join() !== note.serviceRecordIds.join())
    changedFields.push('serviceRecordIds')

  if (changedFields.length > 0) {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('case_note')
        .set((eb) => ({
          entry_date: next.entryDate,
          regarding: next.regarding,
          body_html: next.text,
          plain_text: sanitized?.text ?? sql<string>`plain_text`,
          shareable: next.shareable,
          enrollment_id: next.enrollmentId,
          version: eb('version', '+', 1),
          updated_at: sql`now()`,
          updated_by: actor.userId,
        }))
        .where('id', '=', id)
        .where('version', '=', version)
        .where('locked', '=', false)
        .where('deleted_at', 'is', null)
        .returning(VERSIONED_COLUMNS)
        .executeTakeFirst()
      if (!updated) throw await whyNotUpdated(trx, id)
      if (nextServices) {
        await trx.deleteFrom('case_note_service').where('case_note_id', '=', id).execute()
        if (nextServices.length > 0)
          await trx
            .insertInto('case_note_service')
            .values(nextServices.map((serviceId) => ({ case_note_id: id, service_record_id: serviceId })))
            .execute()
      }
      await insertCaseNoteVersion(trx, actor, updated, 'updated', changedFields)
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'case_note',
        entityId: id,
        details: { fields: changedFields, version: updated.version },
      })
    })
  }
  return toCaseNote(actor, (await loadCaseNote(db, actor, id, today))!)
}
