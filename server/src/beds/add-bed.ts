import type { Bed, NewBed } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageFacility, canSeeFacilityBoard } from '../access/bed-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { announceBedChange, findFacility, lockFacilities } from './beds.repository'

const ACTION = 'bed.create'

/**
 * Adds a bed to a facility, in its room or unit (created on first use), serving one of the running agency's
 * projects. The HUD Inventory rows of that project follow from it.
 */
export async function addBed({
  db,
  actor,
  facilityId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  facilityId: string
  input: NewBed
}): Promise<Bed> {
  const facility = await loadVisible({
    db,
    actor,
    entityType: 'facility',
    id: facilityId,
    action: ACTION,
    load: findFacility,
    canSee: canSeeFacilityBoard,
  })
  await assertPermitted(db, actor, canManageFacility(actor, facility), {
    action: ACTION,
    entityType: 'facility',
    entityId: facility.id,
    message: "Only the CoC's administrators and the agency's administrators can add beds to its facilities",
  })
  const project = await db
    .selectFrom('project')
    .select('id')
    .where('id', '=', input.projectId)
    .where('organization_id', '=', facility.organizationId)
    .executeTakeFirst()
  if (!project) {
    const message = `must be a project of ${facility.organizationName}`
    throw new AppError('invalid_input', `projectId ${message}`, [{ path: 'body.projectId', message }])
  }

  const id = await db.transaction().execute(async (trx) => {
    await lockFacilities(trx, [facility.id])
    const unit =
      (await trx
        .selectFrom('bed_unit')
        .select('id')
        .where('facility_id', '=', facility.id)
        .where('name', '=', input.unit)
        .where((eb) =>
          input.building === null ? eb('building', 'is', null) : eb('building', '=', input.building),
        )
        .executeTakeFirst()) ??
      (await trx
        .insertInto('bed_unit')
        .values({ facility_id: facility.id, building: input.building, name: input.unit })
        .returning('id')
        .executeTakeFirstOrThrow())
    const taken = await trx
      .selectFrom('bed')
      .select('id')
      .where('unit_id', '=', unit.id)
      .where('name', '=', input.name)
      .executeTakeFirst()
    if (taken) throw new AppError('conflict', `${input.unit} already has a bed named "${input.name}"`)
    const bed = await trx
      .insertInto('bed')
      .values({
        facility_id: facility.id,
        unit_id: unit.id,
        project_id: input.projectId,
        name: input.name,
        household_type: input.householdType,
        bed_type: input.bedType,
        availability: input.availability,
        dedicated_population: input.dedicatedPopulation,
        active_from: input.activeFrom,
        active_to: input.activeTo,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'bed',
      entityId: bed.id,
      details: { facilityId: facility.id, fields: Object.keys(input) },
    })
    await announceBedChange(trx, { id: bed.id, facilityId: facility.id })
    return bed.id
  })
  return db
    .selectFrom('bed')
    .select([
      'id',
      'facility_id as facilityId',
      'unit_id as unitId',
      'project_id as projectId',
      'name',
      'household_type as householdType',
      'bed_type as bedType',
      'availability',
      'dedicated_population as dedicatedPopulation',
      'active_from as activeFrom',
      'active_to as activeTo',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
