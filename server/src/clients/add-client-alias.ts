import type { Client, NewClientAlias } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { bumpClientVersion, clientView, insertClientVersion } from './client.repository'
import { loadEditableClient } from './load-visible-client'

const ACTION = 'client.alias.add'

/** Records another name the client is known by (alias) or was known by (former name). */
export async function addClientAlias({
  db,
  actor,
  clock,
  clientId,
  alias,
}: {
  db: Kysely<DB>
  actor: UserActor
  clock: Clock
  clientId: string
  alias: NewClientAlias
}): Promise<Client> {
  const today = todayFrom(clock)
  const facts = await loadEditableClient({ db, actor, clientId, today, action: ACTION })
  const added = { kind: alias.kind, firstName: alias.firstName ?? null, lastName: alias.lastName ?? null }
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('client_alias')
      .values({
        client_id: clientId,
        kind: added.kind,
        first_name: added.firstName,
        last_name: added.lastName,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const version = await bumpClientVersion(trx, actor, clientId)
    await insertClientVersion(trx, actor, {
      clientId,
      version,
      action: 'alias_added',
      changes: { aliases: { from: null, to: { id, ...added } } },
    })
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'client',
      entityId: clientId,
      details: { aliasId: id, kind: added.kind, version },
    })
  })
  return clientView(db, actor, facts, clientId, today)
}
