import type { Actor, UserActor } from './actor'
import { canSeeEnrollment, type EnrollmentAccessFacts } from './enrollment-policy'

// Coordinated Entry work is shared across the CoC: a household's CE workflow may be paused by one CE user
// and resumed by any other. "CE users" of a CoC are its CE managers and the case managers of agencies that
// operate a Coordinated Entry project (HUD type 14) there. They still work only on households whose
// project data they may see (the enrolling agency, or a project-data release reaching theirs).

export interface CeCocFacts {
  cocId: string
  /** Agencies operating a type-14 project in the CoC. */
  ceOperatingOrganizationIds: readonly string[]
}

export function isCeUserOfCoc(actor: Actor, coc: CeCocFacts): actor is UserActor {
  if (actor.kind !== 'user' || actor.cocId !== coc.cocId) return false
  if (actor.role === 'ce_manager') return true
  return actor.role === 'case_manager' && coc.ceOperatingOrganizationIds.includes(actor.organizationId)
}

export interface CeWorkflowAccessFacts extends CeCocFacts {
  /** The head of household's CE enrollment. */
  headEnrollment: EnrollmentAccessFacts
}

/** Reading a CE workflow or assessment is reading the head of household's enrollment. */
export function canSeeCeWorkflow(actor: Actor, workflow: CeWorkflowAccessFacts): boolean {
  return canSeeEnrollment(actor, workflow.headEnrollment)
}

/** Saving drafts, completing steps, pausing, resuming, uploading: any CE user who may see it. */
export function canWorkOnCeWorkflow(actor: Actor, workflow: CeWorkflowAccessFacts): boolean {
  return canSeeCeWorkflow(actor, workflow) && isCeUserOfCoc(actor, workflow)
}
