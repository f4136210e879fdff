import type { CaseNoteDeletion } from '@threshold/core'
import { sql } from 'kysely'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from '../services/service-access'
import { loadEditableCaseNote, lockedNote } from './case-note-access'

const ACTION = 'case_note.delete'

/** Removes a note from every view; the row and its history stay, with who deleted it and why. */
export async function deleteCaseNote(
  context: CaseManagementContext,
  id: string,
  deletion: CaseNoteDeletion,
): Promise<void> {
  const actor = userActor(context.actor)
  await loadEditableCaseNote(context, id, ACTION)
  await context.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .updateTable('case_note')
      .set({ deleted_at: sql`now()`, deleted_by: actor.userId, deleted_reason: deletion.reason })
      .where('id', '=', id)
      .where('locked', '=', false)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    // Locked (or deleted) by someone else since we read it.
    if (!deleted) throw lockedNote()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'case_note',
      entityId: id,
      details: { fields: ['deleted_reason'] },
    })
  })
}
