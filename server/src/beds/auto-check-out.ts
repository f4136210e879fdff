import { type Kysely, sql } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { announceBedChange, endStay, lockFacilities, NIGHT_BY_NIGHT } from './beds.repository'

/** The hour (UTC, 0–23) of the morning after check-in when night-by-night stays end by default. */
export const DEFAULT_CHECKOUT_HOUR = 10

/**
 * Night-by-night shelters (project type 1) check everyone out the morning after they checked in, at
 * `checkoutHour` UTC; the stay ends at that time even when this runs later, and its bed nights are recorded.
 * Returns the ids of the stays it ended. Safe to run as often as wanted.
 */
export async function autoCheckOut({
  db,
  clock,
  checkoutHour = DEFAULT_CHECKOUT_HOUR,
}: {
  db: Kysely<DB>
  clock: Clock
  checkoutHour?: number
}): Promise<string[]> {
  if (!Number.isInteger(checkoutHour) || checkoutHour < 0 || checkoutHour > 23) {
    throw new Error(`checkoutHour must be a whole hour from 0 to 23, got ${checkoutHour}`)
  }
  const morningAfter = sql<Date>`(((lower(bed_stay.during) AT TIME ZONE 'UTC')::date + 1)
    + make_interval(hours => ${checkoutHour}::int)) AT TIME ZONE 'UTC'`
  const due = await db
    .selectFrom('bed_stay')
    .innerJoin('bed', 'bed.id', 'bed_stay.bed_id')
    .innerJoin('project', 'project.id', 'bed.project_id')
    .select([
      'bed_stay.id',
      'bed.id as bedId',
      'bed.facility_id as facilityId',
      morningAfter.as('checkoutAt'),
    ])
    .where(sql<boolean>`upper(bed_stay.during) IS NULL`)
    .where('project.project_type', '=', NIGHT_BY_NIGHT)
    .where(sql<boolean>`${morningAfter} <= ${clock.now()}::timestamptz`)
    .execute()
  const ended: string[] = []
  for (const stay of due) {
    await db.transaction().execute(async (trx) => {
      await lockFacilities(trx, [stay.facilityId])
      // Someone may have checked them out meanwhile.
      const stillOpen = await trx
        .selectFrom('bed_stay')
        .select('id')
        .where('id', '=', stay.id)
        .where(sql<boolean>`upper(during) IS NULL`)
        .executeTakeFirst()
      if (!stillOpen) return
      await endStay(trx, stay.id, stay.checkoutAt, 'auto_check_out', null)
      await recordAudit(trx, systemActor, {
        action: 'stay.auto_check_out',
        entityType: 'bed_stay',
        entityId: stay.id,
      })
      await announceBedChange(trx, { id: stay.bedId, facilityId: stay.facilityId })
      ended.push(stay.id)
    })
  }
  return ended
}
