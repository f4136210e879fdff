import type { AreaMedianIncome, CocAreaMedianIncome } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { canSeeAreaMedianIncome, canSetAreaMedianIncome } from '../access/eligibility-policy'
import { assertPermitted } from '../access/load-visible'
import { isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { notFound } from '../http/errors'
import { refreshQueueEligibility } from '../queue/queue-eligibility'

// The CoC's area median income by household size (income rules compare against it). One row per CoC; the
// audit trail keeps who changed it and when.

const ENTITY = 'coc'

function actorCoc(actor: Actor): string {
  if (!isUser(actor) || !canSeeAreaMedianIncome(actor, { id: actor.cocId })) throw notFound('CoC')
  return actor.cocId
}

/** The AMI figures of the actor's CoC (null until an administrator sets them). */
export async function getAreaMedianIncome({
  db,
  actor,
}: {
  db: Kysely<DB>
  actor: Actor
}): Promise<CocAreaMedianIncome> {
  const cocId = actorCoc(actor)
  const row = await db
    .selectFrom('coc_area_median_income')
    .select(['year', 'amounts', 'updated_at'])
    .where('coc_id', '=', cocId)
    .executeTakeFirst()
  return {
    cocId,
    areaMedianIncome: row ? { year: row.year, amounts: row.amounts } : null,
    canEdit: canSetAreaMedianIncome(actor, { id: cocId }),
    updatedAt: row?.updated_at.toISOString() ?? null,
  }
}

/** Income rules compare against these figures, so the queue's eligible program types follow in the same transaction. */
export async function setAreaMedianIncome({
  db,
  actor,
  clock,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  input: AreaMedianIncome
}): Promise<CocAreaMedianIncome> {
  const action = 'coc.area_median_income.update'
  const cocId = actorCoc(actor)
  await assertPermitted(db, actor, canSetAreaMedianIncome(actor, { id: cocId }), {
    action,
    entityType: ENTITY,
    entityId: cocId,
    message: "Only the CoC's administrators can set its area median income",
  })
  const userId = isUser(actor) ? actor.userId : null
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('coc_area_median_income')
      .values({ coc_id: cocId, year: input.year, amounts: input.amounts, updated_by: userId })
      .onConflict((oc) =>
        oc.column('coc_id').doUpdateSet({
          year: input.year,
          amounts: input.amounts,
          updated_at: sql`now()`,
          updated_by: userId,
        }),
      )
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: ENTITY,
      entityId: cocId,
      details: { year: input.year },
    })
    await refreshQueueEligibility(trx, { cocId, entryIds: null, asOf: todayFrom(clock) })
  })
  return getAreaMedianIncome({ db, actor })
}
