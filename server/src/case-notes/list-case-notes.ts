import type { CaseNote } from '@threshold/core'
import { caseNoteReach } from '../access/case-note-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { CaseManagementContext } from '../services/service-access'
import { loadClientForCaseNotes } from './case-note-access'
import { caseNoteSharingEnabled, listReachableNotes, toCaseNote } from './case-notes.repository'

const ACTION = 'case_note.list'

/** The client's notes the actor may read (their agency's, and shared ones where allowed), or those matching `search`. */
export async function listCaseNotes(
  context: CaseManagementContext,
  clientId: string,
  search: string | undefined,
): Promise<CaseNote[]> {
  const { db, actor } = context
  const client = await loadClientForCaseNotes(context, clientId, ACTION)
  const sharingEnabled = await caseNoteSharingEnabled(db, client.cocId)
  const reach = caseNoteReach(actor, client, sharingEnabled)
  await assertPermitted(db, actor, reach !== null, {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    message: 'Your role does not read case notes',
  })
  const query = search?.trim() ? search.trim() : undefined
  const notes = await listReachableNotes(db, client, reach!, query)
  await recordAudit(db, actor, {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    details: { count: notes.length, searched: query !== undefined },
  })
  return notes.map((note) => toCaseNote(actor, note))
}
