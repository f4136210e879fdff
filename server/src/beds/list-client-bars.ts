import type { ClientBarList } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeClientIdentity, canSeeClientProjectData } from '../access/client-policy'
import { loadClientAccessFacts, todayFrom } from '../access/client-visibility'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { presentBar, selectBars } from './bar.repository'

/** A client's bars, past and present, for whoever may see the client's identity or project data. */
export async function listClientBars({
  db,
  actor,
  clock,
  clientId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientId: string
}): Promise<ClientBarList> {
  const today = todayFrom(clock)
  const client = await loadVisible({
    db,
    actor,
    entityType: 'client',
    id: clientId,
    action: 'client_bar.list',
    load: (database, id) => loadClientAccessFacts(database, actor, id, today),
    canSee: (viewer, facts) => canSeeClientIdentity(viewer, facts) || canSeeClientProjectData(viewer, facts),
  })
  const rows = await selectBars(db, today)
    .where('client_id', '=', client.id)
    .orderBy('begin_date', 'desc')
    .orderBy('id')
    .execute()
  await recordAudit(db, actor, { action: 'client_bar.list', entityType: 'client', entityId: client.id })
  return { items: rows.map(presentBar) }
}
