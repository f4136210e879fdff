import type { Role } from '@threshold/core'
import type { Actor, UserActor } from './actor'
import { type ClientAccessFacts, canSeeClientProjectData } from './client-policy'

// Case notes are a client's project data: nobody reaches them without
// `canSeeClientProjectData` (the client's owning agency, or an agency an active project-data release
// reaches), the agency that wrote them included. On top of that, a case note stays with the agency that
// wrote it, unless its author marked it shareable AND the CoC turned `shareableCaseNotes` on: then every
// agency that sees the client's project data reads it too. Analysts never read case-note narrative.
//
// | who                                              | read note | edit / lock | unlock | share flag |
// |--------------------------------------------------|-----------|-------------|--------|------------|
// | writing agency's staff (not analysts)            | yes       | yes         | author or agency admin | author |
// | other agency with project data, shared note on   | yes       | no          | no     | no         |
// | anyone else                                      | no (404)  | no          | no     | no         |
//
// Lists filter with `caseNoteReach`, which the predicates below are built on, so both agree by construction.

/** What the rules need to know about one note, as seen by one actor on one day. */
export interface CaseNoteAccessFacts {
  client: ClientAccessFacts
  ownerOrganizationId: string
  authorUserId: string
  shareable: boolean
  /** The CoC's `shareableCaseNotes` setting. */
  sharingEnabled: boolean
}

/** Which of a client's notes an actor may read: their agency's, plus the shared ones when `shared`. */
export interface CaseNoteReach {
  organizationId: string
  shared: boolean
}

const SERVICE_TYPE_MANAGERS_COC_WIDE: readonly Role[] = ['system_admin', 'coc_admin']

const staffWithProjectData = (actor: Actor, client: ClientAccessFacts): actor is UserActor =>
  actor.kind === 'user' && actor.role !== 'analyst' && canSeeClientProjectData(actor, client)

export function caseNoteReach(
  actor: Actor,
  client: ClientAccessFacts,
  sharingEnabled: boolean,
): CaseNoteReach | null {
  if (!staffWithProjectData(actor, client)) return null
  return { organizationId: actor.organizationId, shared: sharingEnabled }
}

export function canSeeCaseNote(actor: Actor, note: CaseNoteAccessFacts): boolean {
  const reach = caseNoteReach(actor, note.client, note.sharingEnabled)
  return (
    reach !== null && (note.ownerOrganizationId === reach.organizationId || (reach.shared && note.shareable))
  )
}

/** Writing a note about a client: staff who see the client's project data; the note is their agency's. */
export function canWriteCaseNote(actor: Actor, client: ClientAccessFacts): boolean {
  return staffWithProjectData(actor, client)
}

/** Edit, lock or delete (when unlocked): staff of the agency that wrote it. */
export function canEditCaseNote(actor: Actor, note: CaseNoteAccessFacts): boolean {
  return (
    canSeeCaseNote(actor, note) && actor.kind === 'user' && actor.organizationId === note.ownerOrganizationId
  )
}

/** Lifting the read-only lock: the author, or an agency admin of the agency that wrote it. */
export function canUnlockCaseNote(actor: Actor, note: CaseNoteAccessFacts): boolean {
  return (
    canEditCaseNote(actor, note) &&
    actor.kind === 'user' &&
    (actor.userId === note.authorUserId || actor.role === 'agency_admin')
  )
}

/** Only the author decides whether their note is shared. */
export function canChangeCaseNoteSharing(actor: Actor, note: CaseNoteAccessFacts): boolean {
  return canEditCaseNote(actor, note) && actor.kind === 'user' && actor.userId === note.authorUserId
}

// Service records follow their enrollment (enrollment-policy.ts); the catalogue rules are here.

/** An organization's service catalogue: its own staff read it; CoC administrators read any in their CoC. */
export function canSeeServiceCatalogue(actor: Actor, organization: { id: string; cocId: string }): boolean {
  return (
    actor.kind === 'user' &&
    actor.cocId === organization.cocId &&
    (actor.organizationId === organization.id || SERVICE_TYPE_MANAGERS_COC_WIDE.includes(actor.role))
  )
}

/** Adding or changing catalogue entries: the organization's agency admins, or the CoC's administrators. */
export function canManageServiceCatalogue(
  actor: Actor,
  organization: { id: string; cocId: string },
): boolean {
  return (
    canSeeServiceCatalogue(actor, organization) &&
    actor.kind === 'user' &&
    (SERVICE_TYPE_MANAGERS_COC_WIDE.includes(actor.role) ||
      (actor.role === 'agency_admin' && actor.organizationId === organization.id))
  )
}
