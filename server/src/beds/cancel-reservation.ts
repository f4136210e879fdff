import type { Reservation } from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeFacilityBoard } from '../access/bed-policy'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { announceBedChange, announceFacilityChange, findFacility, lockFacilities } from './beds.repository'
import { findReservation, loadReservableFacility } from './reservation-access'

const ACTION = 'reservation.cancel'

/** Releases an active hold: whoever may book the facility may cancel its reservations. */
export async function cancelReservation({
  db,
  actor,
  clock,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  id: string
}): Promise<Reservation> {
  const reservation = await loadVisible({
    db,
    actor,
    entityType: 'reservation',
    id,
    action: ACTION,
    load: async (database, reservationId) => {
      const found = await findReservation(database, reservationId)
      const facility = found && (await findFacility(database, found.facilityId))
      return found && facility && { ...found, facility }
    },
    canSee: (viewer, found) => canSeeFacilityBoard(viewer, found.facility),
  })
  await loadReservableFacility(db, actor, reservation.facilityId, ACTION)
  if (reservation.status !== 'active') {
    throw new AppError('conflict', `This reservation is ${reservation.status.replace('_', ' ')}, not active`)
  }
  await db.transaction().execute((trx) => releaseReservation(trx, actor, reservation, clock.now()))
  return (await findReservation(db, id)) as Reservation
}

/**
 * Cancels an active hold inside the caller's transaction (the caller has checked access): locks the
 * facility, so a check-in waiting on it sees the bed free once this commits.
 */
export async function releaseReservation(
  trx: Transaction<DB>,
  actor: Actor,
  reservation: { id: string; facilityId: string; bedId: string | null },
  now: Date,
  details?: Record<string, unknown>,
): Promise<void> {
  await lockFacilities(trx, [reservation.facilityId])
  await trx
    .updateTable('reservation')
    .set({ status: 'cancelled', closed_at: now })
    .where('id', '=', reservation.id)
    .where('status', '=', 'active')
    .execute()
  await recordAudit(trx, actor, {
    action: ACTION,
    entityType: 'reservation',
    entityId: reservation.id,
    ...(details && { details }),
  })
  if (reservation.bedId)
    await announceBedChange(trx, { id: reservation.bedId, facilityId: reservation.facilityId })
  else await announceFacilityChange(trx, reservation.facilityId)
}
