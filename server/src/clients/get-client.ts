import type { Client } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { clientView } from './client.repository'
import { loadVisibleClient } from './load-visible-client'

/** One client's record as the actor may see it; every read is audited. */
export async function getClient({
  db,
  actor,
  clock,
  clientId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientId: string
}): Promise<Client> {
  const today = todayFrom(clock)
  const facts = await loadVisibleClient({ db, actor, clientId, today, action: 'client.read' })
  const client = await clientView(db, actor, facts, clientId, today)
  await recordAudit(db, actor, { action: 'client.read', entityType: 'client', entityId: clientId })
  return client
}
