import type { BedOffline } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { announceBedChange, lockFacilities } from './beds.repository'
import { loadOperableBed } from './stay-access'

const ACTION = 'bed.online'

/** Ends the bed's current offline period now (the period stays in the history); 409 when it is online. */
export async function bringBedOnline({
  db,
  actor,
  clock,
  bedId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  bedId: string
}): Promise<BedOffline> {
  const now = clock.now()
  const bed = await loadOperableBed(db, actor, bedId, ACTION)
  return db.transaction().execute(async (trx) => {
    await lockFacilities(trx, [bed.facilityId])
    const ended = await trx
      .selectFrom('bed_offline')
      .select(['id', 'reason', sql<Date>`lower(during)`.as('from')])
      .where('bed_id', '=', bed.id)
      .where(sql<boolean>`during @> ${now}::timestamptz`)
      .executeTakeFirst()
    if (!ended) throw new AppError('conflict', `Bed ${bed.name} is not offline`)
    if (new Date(ended.from) < now) {
      await trx
        .updateTable('bed_offline')
        .set({ during: sql`tstzrange(lower(during), ${now}::timestamptz)` })
        .where('id', '=', ended.id)
        .execute()
    } else {
      // Ended the instant it began: it never took effect.
      await trx.deleteFrom('bed_offline').where('id', '=', ended.id).execute()
    }
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'bed',
      entityId: bed.id,
      details: { offlineId: ended.id },
    })
    await announceBedChange(trx, bed)
    return {
      id: ended.id,
      bedId: bed.id,
      reason: ended.reason,
      from: new Date(ended.from).toISOString(),
      until: now.toISOString(),
    }
  })
}
