import type { CaseNote } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import type { CaseManagementContext } from '../services/service-access'
import { loadVisibleCaseNote } from './case-note-access'
import { toCaseNote } from './case-notes.repository'

const ACTION = 'case_note.read'

export async function getCaseNote(context: CaseManagementContext, id: string): Promise<CaseNote> {
  const note = await loadVisibleCaseNote(context, id, ACTION)
  await recordAudit(context.db, context.actor, {
    action: ACTION,
    entityType: 'case_note',
    entityId: id,
    details: { clientId: note.row.clientId },
  })
  return toCaseNote(context.actor, note)
}
