import type { CaseNote } from '@threshold/core'
import { sql } from 'kysely'
import { canEditCaseNote, canUnlockCaseNote } from '../access/case-note-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from '../services/service-access'
import { loadVisibleCaseNote } from './case-note-access'
import { insertCaseNoteVersion, loadCaseNote, toCaseNote, VERSIONED_COLUMNS } from './case-notes.repository'

/** Makes the note read-only: any staff member of the agency that wrote it may. */
export function lockCaseNote(context: CaseManagementContext, id: string): Promise<CaseNote> {
  return setCaseNoteLock(context, id, true)
}

/** Lifts the read-only lock (audited): the author, or an agency admin of the agency that wrote it. */
export function unlockCaseNote(context: CaseManagementContext, id: string): Promise<CaseNote> {
  return setCaseNoteLock(context, id, false)
}

async function setCaseNoteLock(
  context: CaseManagementContext,
  id: string,
  locked: boolean,
): Promise<CaseNote> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = locked ? 'case_note.lock' : 'case_note.unlock'
  const note = await loadVisibleCaseNote(context, id, action)
  await assertPermitted(db, actor, (locked ? canEditCaseNote : canUnlockCaseNote)(actor, note), {
    action,
    entityType: 'case_note',
    entityId: id,
    message: locked
      ? 'Only the agency that wrote this case note can lock it'
      : 'Only the author or an agency administrator of the agency that wrote this case note can unlock it',
  })
  if (note.row.locked !== locked) {
    await db.transaction().execute(async (trx) => {
      // Conditional on the state we read: of two concurrent lock or unlock requests, one does the work.
      const updated = await trx
        .updateTable('case_note')
        .set((eb) => ({
          locked,
          version: eb('version', '+', 1),
          updated_at: sql`now()`,
          updated_by: actor.userId,
        }))
        .where('id', '=', id)
        .where('locked', '=', !locked)
        .where('deleted_at', 'is', null)
        .returning(VERSIONED_COLUMNS)
        .executeTakeFirst()
      if (!updated) return
      await insertCaseNoteVersion(trx, actor, updated, locked ? 'locked' : 'unlocked', ['locked'])
      await recordAudit(trx, actor, {
        action,
        entityType: 'case_note',
        entityId: id,
        details: { version: updated.version },
      })
    })
  }
  return toCaseNote(actor, (await loadCaseNote(db, actor, id, today))!)
}
