import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted } from '../access/load-visible'
import { canManageDuplicates } from '../access/merge-policy'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { presentMerge } from './present-merge'

/** The CoC's merge history, newest first (optionally of one client, as survivor or merged record). */
export async function listMerges(options: {
  db: Kysely<DB>
  actor: Actor
  clientId?: string
  limit: number
}) {
  const { db } = options
  await assertPermitted(db, options.actor, canManageDuplicates(options.actor), {
    action: 'client.merges.read',
    entityType: 'client',
    message: 'Only CoC administrators review merges',
  })
  const actor = userActor(options.actor)
  let query = db.selectFrom('client_merge').selectAll().where('coc_id', '=', actor.cocId)
  if (options.clientId) {
    const clientId = options.clientId
    query = query.where((eb) =>
      eb.or([eb('survivor_client_id', '=', clientId), eb('merged_client_id', '=', clientId)]),
    )
  }
  const rows = await query.orderBy('merged_at', 'desc').limit(options.limit).execute()
  return rows.map((row) => presentMerge(row))
}
