import type { NewStay, Stay } from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { assertNotBarred } from './bars'
import {
  announceBedChange,
  assertBedActive,
  assertBedFreeNow,
  assertClientNotStaying,
  type BedFacts,
  findStays,
  lockFacilities,
  openRangeFrom,
  recordBedNights,
  refusingOverlaps,
} from './beds.repository'
import { assertOpenEnrollment, loadOperableBed } from './stay-access'

const ACTION = 'stay.create'

/**
 * Checks one client, or a whole household at once, into beds: all of them or none. Each needs an open
 * enrollment in the bed's project, no active bar there, and a bed that is in service, empty, online and
 * not held for another household; nobody may already be in a bed.
 */
export async function checkIn({
  db,
  actor,
  clock,
  members,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  members: readonly NewStay[]
}): Promise<Stay[]> {
  assertDistinct(members)
  const now = clock.now()
  const today = todayFrom(clock)
  const placed: { member: NewStay; bed: BedFacts }[] = []
  for (const member of members) {
    const bed = await loadOperableBed(db, actor, member.bedId, ACTION)
    assertBedActive(bed, today)
    await assertOpenEnrollment(db, actor, member, bed, today, ACTION)
    await assertNotBarred(db, {
      clientId: member.clientId,
      projectId: bed.projectId,
      facilityId: bed.facilityId,
      placeName: bed.facilityName,
      today,
    })
    placed.push({ member, bed })
  }

  const ids = await refusingOverlaps('The bed is already occupied, or the client is already in a bed', () =>
    db.transaction().execute((trx) => insertStays(trx, { actor, now, today, placed })),
  )
  return findStays(db, ids)
}

/**
 * Writes the stays inside the caller's transaction (the caller has checked access, enrollments and bars):
 * locks the facilities, then each bed must be free now and each client in no other bed. A stay racing
 * another fails with the database's exclusion error (`refusingOverlaps`). Returns the stays' ids.
 */
export async function insertStays(
  trx: Transaction<DB>,
  {
    actor,
    now,
    today,
    placed,
  }: { actor: Actor; now: Date; today: string; placed: readonly { member: NewStay; bed: BedFacts }[] },
): Promise<string[]> {
  await lockFacilities(
    trx,
    placed.map(({ bed }) => bed.facilityId),
  )
  const stayIds: string[] = []
  for (const { member, bed } of placed) {
    await assertBedFreeNow(trx, bed, now, today, member.clientId)
    await assertClientNotStaying(trx, member.clientId, now)
    if (member.reservationId) await useReservation(trx, member, bed, now, today)
    const stay = await trx
      .insertInto('bed_stay')
      .values({
        bed_id: bed.id,
        client_id: member.clientId,
        enrollment_id: member.enrollmentId,
        during: openRangeFrom(now),
        reservation_id: member.reservationId ?? null,
        created_by: actor.kind === 'user' ? actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordBedNights(trx, stay.id)
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'bed_stay',
      entityId: stay.id,
      details: { bedId: bed.id, clientId: member.clientId, enrollmentId: member.enrollmentId },
    })
    await announceBedChange(trx, bed)
    stayIds.push(stay.id)
  }
  return stayIds
}

function assertDistinct(members: readonly NewStay[]): void {
  const beds = new Set(members.map((member) => member.bedId))
  const clients = new Set(members.map((member) => member.clientId))
  if (beds.size !== members.length)
    throw new AppError('invalid_input', 'Each member needs a bed of their own')
  if (clients.size !== members.length) throw new AppError('invalid_input', 'A client is listed twice')
}

/** Checking in from a reservation turns it into a stay: it must hold this facility (and bed) for the client. */
async function useReservation(
  trx: Transaction<DB>,
  member: NewStay,
  bed: BedFacts,
  now: Date,
  today: string,
) {
  const reservation = await trx
    .selectFrom('reservation')
    .innerJoin('reservation_member', 'reservation_member.reservation_id', 'reservation.id')
    .select(['reservation.id', 'reservation.bed_id as bedId', 'reservation.start_date as startDate'])
    .where('reservation.id', '=', member.reservationId ?? '')
    .where('reservation.facility_id', '=', bed.facilityId)
    .where('reservation.status', 'in', ['active', 'checked_in'])
    .where('reservation_member.client_id', '=', member.clientId)
    .executeTakeFirst()
  if (!reservation || (reservation.bedId !== null && reservation.bedId !== bed.id)) {
    throw new AppError(
      'unprocessable',
      'The reservation given is not an active reservation of this client for this bed or facility',
    )
  }
  if (reservation.startDate > today) {
    throw new AppError('unprocessable', `The reservation starts on ${reservation.startDate}`)
  }
  await trx
    .updateTable('reservation')
    .set({ status: 'checked_in', closed_at: now })
    .where('id', '=', reservation.id)
    .execute()
}
