import type { Client } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { notFound } from '../http/errors'
import { bumpClientVersion, clientView, insertClientVersion } from './client.repository'
import { loadEditableClient } from './load-visible-client'

const ACTION = 'client.alias.remove'

/** Removes an alias or former name; the history keeps what it was. */
export async function removeClientAlias({
  db,
  actor,
  clock,
  clientId,
  aliasId,
}: {
  db: Kysely<DB>
  actor: UserActor
  clock: Clock
  clientId: string
  aliasId: string
}): Promise<Client> {
  const today = todayFrom(clock)
  const facts = await loadEditableClient({ db, actor, clientId, today, action: ACTION })
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('client_alias')
      .where('id', '=', aliasId)
      .where('client_id', '=', clientId)
      .returning(['id', 'kind', 'first_name as firstName', 'last_name as lastName'])
      .executeTakeFirst()
    if (!removed) throw notFound('alias')
    const version = await bumpClientVersion(trx, actor, clientId)
    await insertClientVersion(trx, actor, {
      clientId,
      version,
      action: 'alias_removed',
      changes: { aliases: { from: removed, to: null } },
    })
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'client',
      entityId: clientId,
      details: { aliasId, kind: removed.kind, version },
    })
  })
  return clientView(db, actor, facts, clientId, today)
}
