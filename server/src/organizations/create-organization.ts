import type { NewOrganization, Organization } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canAdministerCoc, canSeeCoc, isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import { findCoc } from '../cocs/cocs.repository'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { assertOrganizationNameFree, selectOrganizations } from './organizations.repository'

/** Adds an agency (HUD 2.01) to a CoC: the actor's own CoC unless a system administrator names another. */
export async function createOrganization({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  input: NewOrganization
}): Promise<Organization> {
  const action = 'organization.create'
  const cocId = input.cocId ?? (isUser(actor) ? actor.cocId : undefined)
  if (!cocId) throw new AppError('invalid_input', 'Say which CoC the organization belongs to (cocId)')
  const coc = await loadVisible({
    db,
    actor,
    entityType: 'coc',
    label: 'CoC',
    id: cocId,
    action,
    load: findCoc,
    canSee: canSeeCoc,
  })
  await assertPermitted(db, actor, canAdministerCoc(actor, coc), {
    action,
    entityType: 'organization',
    details: { cocId },
    message: "Only the CoC's administrators can add organizations",
  })
  await assertOrganizationNameFree(db, cocId, input.name)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('organization')
      .values({ coc_id: cocId, name: input.name, victim_service_provider: input.victimServiceProvider })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'organization',
      entityId: id,
      details: { fields: Object.keys({ ...input, cocId }) },
    })
    return selectOrganizations(trx).where('organization.id', '=', id).executeTakeFirstOrThrow()
  })
}
