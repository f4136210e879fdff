import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeClientIdentity } from '../access/client-policy'
import { type LoadedClientAccessFacts, loadClientAccessFactsMany } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canManageDuplicates, canMergeClients } from '../access/merge-policy'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

/** Both records of a merge (or comparison), each visible to the actor, and the actor allowed to merge. */
export async function loadMergePair(options: {
  db: Kysely<DB>
  actor: Actor
  today: string
  survivorId: string
  mergedId: string
  action: string
}): Promise<{ survivor: LoadedClientAccessFacts; merged: LoadedClientAccessFacts }> {
  const { db, actor, today, survivorId, mergedId, action } = options
  if (survivorId === mergedId) throw new AppError('invalid_input', 'Choose two different client records')
  await assertPermitted(db, actor, canManageDuplicates(actor), {
    action,
    entityType: 'client',
    message: 'Only CoC administrators merge client records',
  })
  const load = (id: string) =>
    loadVisible({
      db,
      actor,
      entityType: 'client',
      id,
      action,
      // Merged-away records are reachable here: merging one twice is a conflict, and a split needs it.
      load: async (database, clientId) =>
        (await loadClientAccessFactsMany(database, actor, [clientId], today, { includeMerged: true })).get(
          clientId,
        ),
      canSee: canSeeClientIdentity,
    })
  const survivor = await load(survivorId)
  const merged = await load(mergedId)
  await assertPermitted(db, actor, canMergeClients(actor, survivor, merged), {
    action,
    entityType: 'client',
    entityId: mergedId,
    message: 'These two records cannot be merged by you',
  })
  return { survivor, merged }
}
