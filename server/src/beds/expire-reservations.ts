import type { Kysely } from 'kysely'
import { systemActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { announceBedChange, announceFacilityChange, lockFacilities } from './beds.repository'

/** Days after a reservation's start date before an unused one counts as a no-show (MN practice: 7). */
export const DEFAULT_NO_SHOW_DAYS = 7

/**
 * Frees unused holds: a reservation nobody checked in from expires once its end date has passed, or once
 * `noShowDays` days have gone by since its start date. Returns the ids it expired.
 */
export async function expireReservations({
  db,
  clock,
  noShowDays = DEFAULT_NO_SHOW_DAYS,
}: {
  db: Kysely<DB>
  clock: Clock
  noShowDays?: number
}): Promise<string[]> {
  if (!Number.isInteger(noShowDays) || noShowDays < 0) {
    throw new Error(`noShowDays must be a whole number of days, got ${noShowDays}`)
  }
  const today = todayFrom(clock)
  const noShowStart = new Date(`${today}T00:00:00Z`)
  noShowStart.setUTCDate(noShowStart.getUTCDate() - noShowDays)
  const lastNoShowStart = noShowStart.toISOString().slice(0, 10)
  const due = await db
    .selectFrom('reservation')
    .select(['id', 'facility_id as facilityId', 'bed_id as bedId'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('end_date', '<', today), eb('start_date', '<=', lastNoShowStart)]))
    .execute()
  const expiredIds: string[] = []
  for (const reservation of due) {
    await db.transaction().execute(async (trx) => {
      await lockFacilities(trx, [reservation.facilityId])
      const expired = await trx
        .updateTable('reservation')
        .set({ status: 'expired', closed_at: clock.now() })
        .where('id', '=', reservation.id)
        .where('status', '=', 'active')
        .returning('id')
        .executeTakeFirst()
      if (!expired) return
      await recordAudit(trx, systemActor, {
        action: 'reservation.expire',
        entityType: 'reservation',
        entityId: reservation.id,
      })
      if (reservation.bedId)
        await announceBedChange(trx, { id: reservation.bedId, facilityId: reservation.facilityId })
      else await announceFacilityChange(trx, reservation.facilityId)
      expiredIds.push(reservation.id)
    })
  }
  return expiredIds
}
