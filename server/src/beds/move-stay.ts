import type { Stay } from '@threshold/core'
import type { Kysely } from 'kysely'
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
  endStay,
  findStays,
  lockFacilities,
  openRangeFrom,
  refusingOverlaps,
} from './beds.repository'
import { loadOpenStay, loadOperableBed } from './stay-access'

const ACTION = 'stay.move'

/**
 * Moves a resident to another bed of the same project: the current stay ends now (ended by 'move') and a
 * new one begins in the other bed, linked to it, so the stay history shows both.
 */
export async function moveStay({
  db,
  actor,
  clock,
  stayId,
  toBedId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  stayId: string
  toBedId: string
}): Promise<Stay> {
  const now = clock.now()
  const today = todayFrom(clock)
  const stay = await loadOpenStay(db, actor, stayId, ACTION)
  const target = await loadOperableBed(db, actor, toBedId, ACTION)
  if (target.id === stay.bed.id) throw new AppError('invalid_input', 'The resident is already in this bed')
  if (target.projectId !== stay.bed.projectId) {
    throw new AppError(
      'unprocessable',
      `Bed ${target.name} belongs to ${target.projectName}, but this stay's enrollment is in ` +
        `${stay.bed.projectName}: check out and enroll the client in that project instead`,
    )
  }
  assertBedActive(target, today)
  await assertNotBarred(db, {
    clientId: stay.clientId,
    projectId: target.projectId,
    facilityId: target.facilityId,
    placeName: target.facilityName,
    today,
  })
  const movedId = await refusingOverlaps(`Bed ${target.name} is already occupied`, () =>
    db.transaction().execute(async (trx) => {
      await lockFacilities(trx, [stay.bed.facilityId, target.facilityId])
      await assertBedFreeNow(trx, target, now, today, stay.clientId)
      const endedAt = await endStay(trx, stay.id, now, 'move', actor.kind === 'user' ? actor.userId : null)
      const moved = await trx
        .insertInto('bed_stay')
        .values({
          bed_id: target.id,
          client_id: stay.clientId,
          enrollment_id: stay.enrollmentId,
          during: openRangeFrom(endedAt),
          moved_from_stay_id: stay.id,
          created_by: actor.kind === 'user' ? actor.userId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .updateTable('bed')
        .set({ expected_vacancy_date: null })
        .where('id', '=', stay.bed.id)
        .execute()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'bed_stay',
        entityId: moved.id,
        details: { fromStayId: stay.id, fromBedId: stay.bed.id, toBedId: target.id },
      })
      await announceBedChange(trx, stay.bed)
      await announceBedChange(trx, target)
      return moved.id
    }),
  )
  const [moved] = await findStays(db, [movedId])
  return moved as Stay
}
