import type { Facility, NewFacility } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageFacility } from '../access/bed-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canSeeOrganization } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { findOrganization } from '../organizations/organizations.repository'
import { findFacility } from './beds.repository'

const ACTION = 'facility.create'

/** Adds a site run by an agency; its CoC is always the agency's. */
export async function createFacility({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  input: NewFacility
}): Promise<Facility> {
  const organization = await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id: input.organizationId,
    action: ACTION,
    load: findOrganization,
    canSee: canSeeOrganization,
  })
  const scope = { organizationId: organization.id, cocId: organization.cocId }
  await assertPermitted(db, actor, canManageFacility(actor, scope), {
    action: ACTION,
    entityType: 'organization',
    entityId: organization.id,
    message: "Only the CoC's administrators and the agency's administrators can add its facilities",
  })
  const taken = await db
    .selectFrom('facility')
    .select('id')
    .where('organization_id', '=', organization.id)
    .where('name', '=', input.name)
    .executeTakeFirst()
  if (taken)
    throw new AppError('conflict', `${organization.name} already has a facility named "${input.name}"`)
  const id = await db.transaction().execute(async (trx) => {
    const facility = await trx
      .insertInto('facility')
      .values({
        coc_id: organization.cocId,
        organization_id: organization.id,
        name: input.name,
        address: input.address,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'facility',
      entityId: facility.id,
      details: { fields: Object.keys(input) },
    })
    return facility.id
  })
  return (await findFacility(db, id)) as Facility
}
