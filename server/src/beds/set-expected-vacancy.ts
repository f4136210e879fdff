import type { BedExpectedVacancy, ExpectedVacancy } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { announceBedChange, lockFacilities } from './beds.repository'
import { loadOpenStay } from './stay-access'

const ACTION = 'stay.expected_vacancy'

/**
 * Sets (or clears) the day a resident is expected to leave: the bed then shows as occupied and accepting
 * referrals, an opening Coordinated Entry can refer to. Checking out or moving clears it.
 */
export async function setExpectedVacancy({
  db,
  actor,
  clock,
  stayId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  stayId: string
  input: ExpectedVacancy
}): Promise<BedExpectedVacancy> {
  const today = todayFrom(clock)
  const stay = await loadOpenStay(db, actor, stayId, ACTION)
  if (input.date !== null && input.date < today) {
    throw new AppError('invalid_input', `date must be today (${today}) or later`, [
      { path: 'body.date', message: `must be today (${today}) or later` },
    ])
  }
  await db.transaction().execute(async (trx) => {
    await lockFacilities(trx, [stay.bed.facilityId])
    await trx
      .updateTable('bed')
      .set({ expected_vacancy_date: input.date })
      .where('id', '=', stay.bed.id)
      .execute()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'bed_stay',
      entityId: stay.id,
      details: { bedId: stay.bed.id, fields: ['date'] },
    })
    await announceBedChange(trx, stay.bed)
  })
  return { bedId: stay.bed.id, date: input.date }
}
