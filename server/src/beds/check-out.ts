import type { Stay } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { announceBedChange, endStay, findStays, lockFacilities } from './beds.repository'
import { loadOpenStay } from './stay-access'

const ACTION = 'stay.check_out'

/** Ends a stay now; the bed becomes available and its expected vacancy date is cleared. */
export async function checkOut({
  db,
  actor,
  clock,
  stayId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  stayId: string
}): Promise<Stay> {
  const stay = await loadOpenStay(db, actor, stayId, ACTION)
  await db.transaction().execute(async (trx) => {
    await lockFacilities(trx, [stay.bed.facilityId])
    await endStay(trx, stay.id, clock.now(), 'check_out', actor.kind === 'user' ? actor.userId : null)
    await trx.updateTable('bed').set({ expected_vacancy_date: null }).where('id', '=', stay.bed.id).execute()
    await recordAudit(trx, actor, { action: ACTION, entityType: 'bed_stay', entityId: stay.id })
    await announceBedChange(trx, stay.bed)
  })
  const [ended] = await findStays(db, [stay.id])
  return ended as Stay
}
