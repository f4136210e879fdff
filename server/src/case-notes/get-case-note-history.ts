import type { CaseNoteHistory } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import type { CaseManagementContext } from '../services/service-access'
import { loadVisibleCaseNote } from './case-note-access'

const ACTION = 'case_note.history.read'

/** Every saved state of a note, newest first, with who saved it. */
export async function getCaseNoteHistory(
  context: CaseManagementContext,
  id: string,
): Promise<CaseNoteHistory> {
  const { db, actor } = context
  await loadVisibleCaseNote(context, id, ACTION)
  const rows = await db
    .selectFrom('case_note_version')
    .leftJoin('app_user', 'app_user.id', 'case_note_version.changed_by')
    .select([
      'case_note_version.version',
      'case_note_version.action',
      'case_note_version.changed_at as changedAt',
      'case_note_version.changed_fields as changedFields',
      'case_note_version.entry_date as entryDate',
      'case_note_version.regarding',
      'case_note_version.body_html as text',
      'case_note_version.shareable',
      'case_note_version.locked',
      'app_user.id as userId',
      'app_user.display_name as userName',
    ])
    .where('case_note_version.case_note_id', '=', id)
    .orderBy('case_note_version.version', 'desc')
    .execute()
  await recordAudit(db, actor, { action: ACTION, entityType: 'case_note', entityId: id })
  return {
    versions: rows.map(({ userId, userName, changedAt, ...version }) => ({
      ...version,
      changedAt: changedAt.toISOString(),
      changedBy: userId ? { id: userId, name: userName ?? '' } : null,
    })),
  }
}
