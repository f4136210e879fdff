import type { Actor } from './actor'
import { type ClientAccessFacts, canSeeClientIdentity } from './client-policy'

// Merging moves one person's whole record onto another: a CoC-level data-quality job, never an agency's.
const MERGING_ROLES = ['system_admin', 'coc_admin'] as const

/** The duplicate report and merge screens. */
export function canManageDuplicates(actor: Actor): boolean {
  return actor.kind === 'user' && (MERGING_ROLES as readonly string[]).includes(actor.role)
}

/** Both records must be ones the admin may fully see (so never a confidential record of another agency). */
export function canMergeClients(
  actor: Actor,
  survivor: ClientAccessFacts,
  merged: ClientAccessFacts,
): boolean {
  return (
    canManageDuplicates(actor) &&
    survivor.cocId === merged.cocId &&
    canSeeClientIdentity(actor, survivor) &&
    canSeeClientIdentity(actor, merged)
  )
}
