import type { Organization, OrganizationPatch } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canEditOrganization, canSeeOrganization, isUser } from '../access/policy'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { assertOrganizationNameFree, findOrganization } from './organizations.repository'

/**
 * Renames an organization, sets its victim service provider flag, or (de)activates it. Deactivating ends
 * every session acting in it at once; its users' other memberships are untouched.
 */
export async function updateOrganization({
  db,
  clock,
  actor,
  id,
  patch,
}: {
  db: Kysely<DB>
  clock: Clock
  actor: Actor
  id: string
  patch: OrganizationPatch
}): Promise<Organization> {
  const action = 'organization.update'
  const organization = await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id,
    action,
    load: findOrganization,
    canSee: canSeeOrganization,
  })
  const changes = onlyChanges(organization, patch)
  await assertPermitted(db, actor, canEditOrganization(actor, organization, changes), {
    action,
    entityType: 'organization',
    entityId: id,
    details: { fields: Object.keys(changes) },
    message:
      changes.active !== undefined || changes.victimServiceProvider !== undefined
        ? 'Only CoC administrators can activate or deactivate an organization or change its victim service provider status'
        : "Only the CoC's administrators and this organization's agency administrators can change it",
  })
  const fields = Object.keys(changes)
  if (fields.length === 0) return organization
  if (changes.active === false && isUser(actor) && actor.organizationId === id) {
    throw new AppError(
      'forbidden',
      'You cannot deactivate the organization you are acting in; switch to another first',
    )
  }
  if (changes.name !== undefined) await assertOrganizationNameFree(db, organization.cocId, changes.name, id)

  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organization')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.victimServiceProvider !== undefined && {
          victim_service_provider: patch.victimServiceProvider,
        }),
        ...(patch.active !== undefined && { active: patch.active }),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
    if (changes.active === false) {
      await trx
        .updateTable('session')
        .set({ revoked_at: clock.now() })
        .where('organization_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute()
    }
    await recordAudit(trx, actor, { action, entityType: 'organization', entityId: id, details: { fields } })
    return { ...organization, ...changes }
  })
}
