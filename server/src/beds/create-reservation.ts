import type { NewReservation, Reservation } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeClientIdentity } from '../access/client-policy'
import { loadClientAccessFactsMany, todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError, notFound } from '../http/errors'
import { assertNotBarred } from './bars'
import {
  announceBedChange,
  announceFacilityChange,
  assertBedActive,
  findBed,
  lockFacilities,
  refusingOverlaps,
} from './beds.repository'
import { findReservation, loadReservableFacility } from './reservation-access'

const ACTION = 'reservation.create'

/**
 * Holds a facility (optionally one unit or bed) for a household over a range of days. A bed is never held
 * twice for overlapping days (the database refuses it too); an unused hold expires (`expireReservations`).
 */
export async function createReservation({
  db,
  actor,
  clock,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  input: NewReservation
}): Promise<Reservation> {
  const today = todayFrom(clock)
  const facility = await loadReservableFacility(db, actor, input.facilityId, ACTION)
  if (input.endDate < input.startDate) {
    throw invalid('body.endDate', 'must be on or after the start date')
  }
  if (input.startDate < today) throw invalid('body.startDate', `must be today (${today}) or later`)
  const clientIds = [...new Set(input.clientIds)]

  const bed = input.bedId ? await findBed(db, input.bedId) : undefined
  if (input.bedId && (!bed || bed.facilityId !== facility.id)) {
    throw invalid('body.bedId', `must be a bed of ${facility.name}`)
  }
  if (bed) assertBedActive(bed, input.startDate)
  const unitId = input.unitId ?? bed?.unitId ?? null
  if (unitId !== null) {
    const unit = await db
      .selectFrom('bed_unit')
      .select('id')
      .where('id', '=', unitId)
      .where('facility_id', '=', facility.id)
      .executeTakeFirst()
    if (!unit || (bed && bed.unitId !== unitId))
      throw invalid('body.unitId', 'must be the unit of the bed given')
  }

  const facts = await loadClientAccessFactsMany(db, actor, clientIds, today)
  for (const clientId of clientIds) {
    const client = facts.get(clientId)
    if (!client || !canSeeClientIdentity(actor, client)) {
      if (client)
        await recordAudit(db, actor, {
          action: ACTION,
          entityType: 'client',
          entityId: clientId,
          outcome: 'denied',
        })
      throw notFound('client')
    }
    await assertNotBarred(db, {
      clientId,
      facilityId: facility.id,
      ...(bed && { projectId: bed.projectId }),
      placeName: facility.name,
      today,
    })
  }

  const heldMessage = `Bed ${bed?.name ?? ''} is already held for another household on some of those days`
  const id = await refusingOverlaps(heldMessage, () =>
    db.transaction().execute(async (trx) => {
      await lockFacilities(trx, [facility.id])
      if (bed) {
        const occupied = await trx
          .selectFrom('bed_stay')
          .innerJoin('bed', 'bed.id', 'bed_stay.bed_id')
          .select('bed.expected_vacancy_date as expectedVacancyDate')
          .where('bed_stay.bed_id', '=', bed.id)
          .where(sqlOpen)
          .executeTakeFirst()
        if (occupied && (occupied.expectedVacancyDate ?? '9999-12-31') > input.startDate) {
          throw new AppError('conflict', `Bed ${bed.name} is occupied on ${input.startDate}`)
        }
      }
      const reservation = await trx
        .insertInto('reservation')
        .values({
          facility_id: facility.id,
          unit_id: unitId,
          bed_id: bed?.id ?? null,
          start_date: input.startDate,
          end_date: input.endDate,
          created_by: actor.kind === 'user' ? actor.userId : null,
          created_by_organization_id: actor.kind === 'user' ? actor.organizationId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('reservation_member')
        .values(clientIds.map((clientId) => ({ reservation_id: reservation.id, client_id: clientId })))
        .execute()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'reservation',
        entityId: reservation.id,
        details: { facilityId: facility.id, bedId: bed?.id ?? null, clientIds },
      })
      if (bed) await announceBedChange(trx, bed)
      else await announceFacilityChange(trx, facility.id)
      return reservation.id
    }),
  )
  return (await findReservation(db, id)) as Reservation
}

const sqlOpen = sql<boolean>`upper(bed_stay.during) IS NULL`

function invalid(path: string, message: string): AppError {
  return new AppError('invalid_input', `${path.replace('body.', '')} ${message}`, [{ path, message }])
}
