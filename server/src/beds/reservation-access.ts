import type { Facility, Reservation } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canReserveBeds, canSeeFacilityBoard } from '../access/bed-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { findFacility } from './beds.repository'

/** A facility the actor may book: 404 when its board is hidden from them, 403 when they only see it. */
export async function loadReservableFacility(
  db: Kysely<DB>,
  actor: Actor,
  facilityId: string,
  action: string,
): Promise<Facility> {
  const facility = await loadVisible({
    db,
    actor,
    entityType: 'facility',
    id: facilityId,
    action,
    load: findFacility,
    canSee: canSeeFacilityBoard,
  })
  await assertPermitted(db, actor, canReserveBeds(actor, facility), {
    action,
    entityType: 'facility',
    entityId: facility.id,
    message: `Only ${facility.organizationName} staff and Coordinated Entry can book beds at ${facility.name}`,
  })
  return facility
}

export async function findReservation(db: Kysely<DB>, id: string): Promise<Reservation | undefined> {
  const row = await db
    .selectFrom('reservation')
    .select((eb) => [
      'id',
      'facility_id as facilityId',
      'unit_id as unitId',
      'bed_id as bedId',
      'start_date as startDate',
      'end_date as endDate',
      'status',
      eb
        .selectFrom('reservation_member')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['client_id']).as('ids'))
        .whereRef('reservation_member.reservation_id', '=', 'reservation.id')
        .as('clientIds'),
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  return row && { ...row, clientIds: row.clientIds ?? [] }
}
