import type { SessionInfo } from '@threshold/core'
import type { UserActor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../http/errors'
import { resolveUserActor } from './resolve-actor'
import { activeMemberships, loadSessionInfo } from './session-info'
import type { AuthDeps } from './sign-in-steps'

/**
 * Moves the session to another organization the user is an active member of; the role (and so every
 * permission) follows that membership from the next request on. Anything else is "no such organization".
 */
export async function switchOrganization(
  { db }: Pick<AuthDeps, 'db'>,
  actor: UserActor,
  organizationId: string,
): Promise<SessionInfo> {
  const sessionId = actor.sessionId
  if (!sessionId) {
    throw new AppError('forbidden', 'An API token acts only in the organization it was issued for')
  }
  await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id: organizationId,
    action: 'auth.organization_switch',
    load: async (executor, id) => {
      const organization = await executor
        .selectFrom('organization')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!organization) return undefined
      const memberships = await activeMemberships(executor, actor.userId)
      return { isActiveMember: memberships.some((membership) => membership.organizationId === id) }
    },
    canSee: (_actor, organization) => organization.isActiveMember,
  })
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('session')
      .set({ organization_id: organizationId })
      .where('id', '=', sessionId)
      .execute()
    await recordAudit(trx, actor, {
      action: 'auth.organization_switch',
      entityType: 'organization',
      entityId: organizationId,
      organizationId,
      details: { fromOrganizationId: actor.organizationId },
    })
  })
  const resolved = await resolveUserActor(db, { ...actor, organizationId }, actor)
  if (!resolved) throw new AppError('not_found', 'No such organization')
  return loadSessionInfo(db, resolved.actor)
}
