import { ROLE_LABELS, ROLES, type Role } from '@threshold/core'
import type { SessionInfo } from '../../api/types'
import { currentMembership } from '../auth/session'

// What the user forms offer, mirroring the server's canAssignRole so nobody is shown a choice the
// server would refuse. The server still decides every request.
const AGENCY_ASSIGNABLE_ROLES: readonly Role[] = [
  'agency_admin',
  'case_manager',
  'housing_provider',
  'analyst',
]

export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'system_admin') return ROLES
  if (actorRole === 'coc_admin') return ROLES.filter((role) => role !== 'system_admin')
  if (actorRole === 'agency_admin') return AGENCY_ASSIGNABLE_ROLES
  return []
}

export function roleOptions(actorRole: Role) {
  return assignableRoles(actorRole).map((role) => ({ value: role, label: ROLE_LABELS[role] }))
}

/** An agency administrator places users in their own agency only. */
export function ownAgencyOption(session: SessionInfo) {
  const membership = currentMembership(session)
  return membership ? [{ value: membership.organizationId, label: membership.organizationName }] : []
}
