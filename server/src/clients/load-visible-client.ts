import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canEditClient, canSeeClientIdentity } from '../access/client-policy'
import { type LoadedClientAccessFacts, loadClientAccessFacts } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'

/**
 * The access facts of a client whose identity the actor may see; otherwise 404 (missing, merged away or
 * hidden alike) with a `denied` audit row naming `action` when it exists. Call it outside a transaction.
 */
export function loadVisibleClient({
  db,
  actor,
  clientId,
  today,
  action,
}: {
  db: Kysely<DB>
  actor: Actor
  clientId: string
  today: string
  action: string
}): Promise<LoadedClientAccessFacts> {
  return loadVisible({
    db,
    actor,
    entityType: 'client',
    id: clientId,
    action,
    load: (database, id) => loadClientAccessFacts(database, actor, id, today),
    canSee: canSeeClientIdentity,
  })
}

/** Like `loadVisibleClient`, and the actor's agency keeps the record (else 403 with a `denied` audit row). */
export async function loadEditableClient(target: {
  db: Kysely<DB>
  actor: Actor
  clientId: string
  today: string
  action: string
}): Promise<LoadedClientAccessFacts> {
  const facts = await loadVisibleClient(target)
  await assertPermitted(target.db, target.actor, canEditClient(target.actor, facts), {
    action: target.action,
    entityType: 'client',
    entityId: target.clientId,
    message: 'Only the agency that keeps this record can change it',
  })
  return facts
}
