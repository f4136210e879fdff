import type { FacilityList } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { facilityBoardVisibleTo } from '../access/bed-policy'
import type { DB } from '../db/schema'
import { selectFacilities } from './beds.repository'

/** The facilities whose board the actor may open (their own agency's; every one for CE and CoC admins). */
export async function listFacilities({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<FacilityList> {
  const rows = await selectFacilities(db)
    .where(facilityBoardVisibleTo(actor))
    .orderBy('facility.name')
    .orderBy('facility.id')
    .execute()
  return { items: rows.map((row) => ({ ...row, bedCount: row.bedCount ?? 0 })) }
}
