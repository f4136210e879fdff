import type { Role } from '@threshold/core'
import type { Actor, UserActor } from './actor'

// The one place that says who may see and do what. Each rule is a small pure predicate; the
// data-access layer (`access/visibility.ts`) turns the list rules into SQL, and tests check both agree.

const COC_WIDE_ROLES: readonly Role[] = ['system_admin', 'coc_admin']

export const isSystem = (actor: Actor): boolean => actor.kind === 'system'
export const isUser = (actor: Actor): actor is UserActor => actor.kind === 'user'
const hasRole = (actor: Actor, ...roles: Role[]): boolean => isUser(actor) && roles.includes(actor.role)

/** System administrators see every CoC; everyone else works inside the CoC of their current organization. */
export function canSeeCoc(actor: Actor, coc: { id: string }): boolean {
  if (isSystem(actor) || hasRole(actor, 'system_admin')) return true
  return isUser(actor) && actor.cocId === coc.id
}

export function canCreateCoc(actor: Actor): boolean {
  return isSystem(actor) || hasRole(actor, 'system_admin')
}

/** CoC settings, organizations, projects and users of a CoC are managed by its CoC admins. */
export function canAdministerCoc(actor: Actor, coc: { id: string }): boolean {
  if (isSystem(actor) || hasRole(actor, 'system_admin')) return true
  return isUser(actor) && actor.role === 'coc_admin' && actor.cocId === coc.id
}

/** The agency directory is shared inside a CoC: referrals and releases name other agencies. */
export function canSeeOrganization(actor: Actor, organization: { cocId: string }): boolean {
  return canSeeCoc(actor, { id: organization.cocId })
}

/** An agency admin edits their own agency's details; activating and VSP status stay with the CoC. */
export function canEditOrganization(
  actor: Actor,
  organization: { id: string; cocId: string },
  change: { active?: unknown; victimServiceProvider?: unknown } = {},
): boolean {
  if (canAdministerCoc(actor, { id: organization.cocId })) return true
  const touchesCocFields = change.active !== undefined || change.victimServiceProvider !== undefined
  return (
    isUser(actor) &&
    actor.role === 'agency_admin' &&
    actor.organizationId === organization.id &&
    !touchesCocFields
  )
}

export function canSeeProject(actor: Actor, project: { cocId: string }): boolean {
  return canSeeCoc(actor, { id: project.cocId })
}

export function canManageProject(actor: Actor, project: { organizationId: string; cocId: string }): boolean {
  if (canAdministerCoc(actor, { id: project.cocId })) return true
  return isUser(actor) && actor.role === 'agency_admin' && actor.organizationId === project.organizationId
}

/** Someone's memberships decide who administers their account. */
export interface UserScope {
  id: string
  memberships: { organizationId: string; cocId: string; role: Role }[]
}

export function canSeeUser(actor: Actor, user: UserScope): boolean {
  if (isUser(actor) && actor.userId === user.id) return true
  return canManageUser(actor, user)
}

/**
 * A CoC admin manages the CoC's users; an agency admin manages users whose only agency is theirs and who
 * hold only roles an agency admin may give (never, say, the CoC admin who happens to work there).
 */
export function canManageUser(actor: Actor, user: UserScope): boolean {
  if (isSystem(actor) || hasRole(actor, 'system_admin')) return true
  if (!isUser(actor) || user.memberships.some((membership) => membership.role === 'system_admin'))
    return false
  if (actor.role === 'coc_admin') {
    return (
      user.memberships.length > 0 && user.memberships.every((membership) => membership.cocId === actor.cocId)
    )
  }
  if (actor.role === 'agency_admin') {
    return (
      user.memberships.length > 0 &&
      user.memberships.every(
        (membership) =>
          membership.organizationId === actor.organizationId &&
          AGENCY_ASSIGNABLE_ROLES.includes(membership.role),
      )
    )
  }
  return false
}

/** The roles an agency admin may give (and so hold sway over) in their own agency. */
export const AGENCY_ASSIGNABLE_ROLES: readonly Role[] = [
  'agency_admin',
  'case_manager',
  'housing_provider',
  'analyst',
]

/** Who may give a role in an organization: nobody hands out more power than they hold. */
export function canAssignRole(
  actor: Actor,
  role: Role,
  organization: { id: string; cocId: string },
): boolean {
  if (isSystem(actor) || hasRole(actor, 'system_admin')) return true
  if (!isUser(actor) || role === 'system_admin') return false
  if (actor.role === 'coc_admin') return actor.cocId === organization.cocId
  if (actor.role === 'agency_admin') {
    return actor.organizationId === organization.id && AGENCY_ASSIGNABLE_ROLES.includes(role)
  }
  return false
}

/** Audit rows: CoC-wide admins read their CoC's, agency admins their own agency's. */
export function canReadAudit(actor: Actor): boolean {
  return isSystem(actor) || hasRole(actor, 'system_admin', 'coc_admin', 'agency_admin')
}

export function canSeeAuditEvent(
  actor: Actor,
  event: { organizationCocId: string | null; organizationId: string | null },
) {
  if (isSystem(actor) || hasRole(actor, 'system_admin')) return true
  if (!isUser(actor)) return false
  if (actor.role === 'coc_admin') return event.organizationCocId === actor.cocId
  if (actor.role === 'agency_admin') return event.organizationId === actor.organizationId
  return false
}

export function isCocWideRole(role: Role): boolean {
  return COC_WIDE_ROLES.includes(role)
}
