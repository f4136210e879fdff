import type { Role } from '@threshold/core'
import type { Actor, UserActor } from './actor'
import { type ClientAccessFacts, canSeeClientProjectData } from './client-policy'

// An enrollment is project data about its client (client-policy.ts): the enrolling agency always sees
// it; any other agency needs to see the client's project data (an active project-data release reaching
// it). Only the enrolling agency changes it, and analysts never do.

export interface EnrollmentAccessFacts {
  /** The agency that enrolled the client. */
  ownerOrganizationId: string
  /** The client's facts for this actor today; undefined when the client was merged away. */
  client: ClientAccessFacts | undefined
}

export interface ProjectAccessFacts {
  organizationId: string
  cocId: string
}

/** Roles that enroll households in any project of their CoC (CE places people in other agencies' beds). */
export const ENROLLING_ANY_PROJECT_ROLES: readonly Role[] = ['ce_manager', 'coc_admin']

const userInCoc = (actor: Actor, cocId: string): actor is UserActor =>
  actor.kind === 'user' && actor.cocId === cocId

export function canSeeEnrollment(actor: Actor, enrollment: EnrollmentAccessFacts): boolean {
  const { client } = enrollment
  if (client === undefined || !userInCoc(actor, client.cocId)) return false
  return actor.organizationId === enrollment.ownerOrganizationId || canSeeClientProjectData(actor, client)
}

export function canEditEnrollment(actor: Actor, enrollment: EnrollmentAccessFacts): boolean {
  return (
    canSeeEnrollment(actor, enrollment) &&
    actor.kind === 'user' &&
    actor.role !== 'analyst' &&
    actor.organizationId === enrollment.ownerOrganizationId
  )
}

/** The agency operating the project enrolls in it; CE managers and CoC admins enroll in any of their CoC. */
export function canEnrollInProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (!userInCoc(actor, project.cocId) || actor.role === 'analyst') return false
  return actor.organizationId === project.organizationId || ENROLLING_ANY_PROJECT_ROLES.includes(actor.role)
}

/** The per-project data-quality report: the operating agency's admins and the CoC's admins. */
export function canSeeProjectDataQuality(actor: Actor, project: ProjectAccessFacts): boolean {
  if (!userInCoc(actor, project.cocId)) return false
  return (
    actor.role === 'coc_admin' ||
    (actor.role === 'agency_admin' && actor.organizationId === project.organizationId)
  )
}
