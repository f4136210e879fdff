import type { BedOffline, NewBedOffline } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { announceBedChange, lockFacilities, refusingOverlaps } from './beds.repository'
import { loadOperableBed } from './stay-access'

const ACTION = 'bed.offline'

/** Takes an empty bed out of service from now until a time (or until further notice), with a reason. */
export async function takeBedOffline({
  db,
  actor,
  clock,
  bedId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  bedId: string
  input: NewBedOffline
}): Promise<BedOffline> {
  const now = clock.now()
  const bed = await loadOperableBed(db, actor, bedId, ACTION)
  const until = input.until === null ? null : new Date(input.until)
  if (until !== null && until <= now) {
    throw new AppError('invalid_input', 'until must be in the future', [
      { path: 'body.until', message: 'must be in the future' },
    ])
  }
  const id = await refusingOverlaps(`Bed ${bed.name} is already offline for part of that time`, () =>
    db.transaction().execute(async (trx) => {
      await lockFacilities(trx, [bed.facilityId])
      const occupied = await trx
        .selectFrom('bed_stay')
        .select('id')
        .where('bed_id', '=', bed.id)
        .where(sql<boolean>`upper(during) IS NULL`)
        .executeTakeFirst()
      if (occupied) {
        throw new AppError(
          'conflict',
          `Bed ${bed.name} is occupied: check the resident out or move them first`,
        )
      }
      const period = await trx
        .insertInto('bed_offline')
        .values({
          bed_id: bed.id,
          during: sql`tstzrange(${now}::timestamptz, ${until}::timestamptz)`,
          reason: input.reason,
          created_by: actor.kind === 'user' ? actor.userId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'bed',
        entityId: bed.id,
        details: { offlineId: period.id, fields: Object.keys(input) },
      })
      await announceBedChange(trx, bed)
      return period.id
    }),
  )
  return {
    id,
    bedId: bed.id,
    reason: input.reason,
    from: now.toISOString(),
    until: until?.toISOString() ?? null,
  }
}
