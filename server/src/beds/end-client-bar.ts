import type { ClientBar } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageBar } from '../access/bed-policy'
import { todayFrom } from '../access/client-visibility'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { presentBar, selectBars } from './bar.repository'

const ACTION = 'client_bar.end'

/** Lifts a bar now (the record stays, with when it was ended). */
export async function endClientBar({
  db,
  actor,
  clock,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  id: string
}): Promise<ClientBar> {
  const today = todayFrom(clock)
  const bar = await loadVisible({
    db,
    actor,
    entityType: 'client_bar',
    id,
    action: ACTION,
    label: 'bar',
    load: (database, barId) => selectBars(database, today).where('id', '=', barId).executeTakeFirst(),
    canSee: canManageBar,
  })
  if (bar.endedAt !== null) throw new AppError('conflict', 'This bar has already been ended')
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('client_bar')
      .set({ ended_at: clock.now(), ended_by: actor.kind === 'user' ? actor.userId : null })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, { action: ACTION, entityType: 'client_bar', entityId: id })
  })
  return presentBar(await selectBars(db, today).where('id', '=', id).executeTakeFirstOrThrow())
}
