import { ROLE_LABELS, type Role } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canAssignRole, canSeeOrganization, isUser } from '../access/policy'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { findOrganization } from '../organizations/organizations.repository'
import { loadManagedUser } from './load-managed-user'

/**
 * The user, organization and current membership a membership change targets, after the checks every such
 * change needs: the actor administers the account, sees the organization, and may give both the current
 * role and `newRole` there (nobody changes a role they could not have given). Nobody edits their own
 * memberships: that would be a way to raise or lose one's own rights.
 */
export async function loadMembershipTarget({
  db,
  actor,
  userId,
  organizationId,
  action,
  newRole,
}: {
  db: Kysely<DB>
  actor: Actor
  userId: string
  organizationId: string
  action: string
  newRole?: Role
}) {
  const user = await loadManagedUser({ db, actor, id: userId, action })
  if (isUser(actor) && actor.userId === userId) {
    throw new AppError('forbidden', 'You cannot change your own memberships; ask another administrator')
  }
  const organization = await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id: organizationId,
    action,
    load: findOrganization,
    canSee: canSeeOrganization,
  })
  const current = user.memberships.find((membership) => membership.organizationId === organizationId)
  for (const role of new Set([current?.role, newRole])) {
    if (role === undefined) continue
    await assertPermitted(db, actor, canAssignRole(actor, role, organization), {
      action,
      entityType: 'user',
      entityId: userId,
      details: { organizationId, role },
      message: `You cannot give or change the role "${ROLE_LABELS[role]}" in ${organization.name}`,
    })
  }
  return { user, organization, current }
}
