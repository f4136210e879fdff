import type { NewReservation, Reservation } from '@threshold/core'
import { type Kysely, sql, type Transaction } from 'kysely'
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
    db.transaction().execute((trx) =>
      insertReservation(trx, actor, {
        facilityId: facility.id,
        unitId,
        bed,
        startDate: input.startDate,
        endDate: input.endDate,
        clientIds,
      }),
    ),
  )
  return (await findReservation(db, id)) as Reservation
}

export interface NewHold {
  facilityId: string
  unitId: string | null
  bed?: { id: string; name: string; facilityId: string }
  startDate: string
  endDate: string
  clientIds: readonly string[]
  /** The accepted referral the hold is for (released or used with it). */
  referralId?: string
}

/**
 * Writes a hold inside the caller's transaction (the caller has checked access, dates and bars): locks the
 * facility, refuses a bed occupied on the start date unless its resident is expected to leave by then.
 * Two holds of one bed on overlapping days fail with the database's exclusion error (`refusingOverlaps`).
 */
export async function insertReservation(trx: Transaction<DB>, actor: Actor, hold: NewHold): Promise<string> {
  const { bed } = hold
  await lockFacilities(trx, [hold.facilityId])
  if (bed) {
    const occupied = await trx
      .selectFrom('bed_stay')
      .innerJoin('bed', 'bed.id', 'bed_stay.bed_id')
      .select('bed.expected_vacancy_date as expectedVacancyDate')
      .where('bed_stay.bed_id', '=', bed.id)
      .where(sqlOpen)
      .executeTakeFirst()
    if (occupied && (occupied.expectedVacancyDate ?? '9999-12-31') > hold.startDate) {
      throw new AppError('conflict', `Bed ${bed.name} is occupied on ${hold.startDate}`)
    }
  }
  const reservation = await trx
    .insertInto('reservation')
    .values({
      facility_id: hold.facilityId,
      unit_id: hold.unitId,
      bed_id: bed?.id ?? null,
      start_date: hold.startDate,
      end_date: hold.endDate,
      referral_id: hold.referralId ?? null,
      created_by: actor.kind === 'user' ? actor.userId : null,
      created_by_organization_id: actor.kind === 'user' ? actor.organizationId : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('reservation_member')
    .values(hold.clientIds.map((clientId) => ({ reservation_id: reservation.id, client_id: clientId })))
    .execute()
  await recordAudit(trx, actor, {
    action: ACTION,
    entityType: 'reservation',
    entityId: reservation.id,
    details: {
      facilityId: hold.facilityId,
      bedId: bed?.id ?? null,
      clientIds: hold.clientIds,
      ...(hold.referralId && { referralId: hold.referralId }),
    },
  })
  if (bed) await announceBedChange(trx, bed)
  else await announceFacilityChange(trx, hold.facilityId)
  return reservation.id
}

const sqlOpen = sql<boolean>`upper(bed_stay.during) IS NULL`

function invalid(path: string, message: string): AppError {
  return new AppError('invalid_input', `${path.replace('body.', '')} ${message}`, [{ path, message }])
}
