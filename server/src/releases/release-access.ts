import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canRecordRelease, canSeeClientIdentity } from '../access/client-policy'
import type { LoadedClientAccessFacts } from '../access/client-visibility'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { loadReleaseWithClient, type ReleaseRow } from './releases.repository'

/** What every release use case receives. */
export interface ReleaseContext {
  db: Kysely<DB>
  actor: Actor
  /** YYYY-MM-DD from the injectable clock: the day releases are judged on. */
  today: string
  now: Date
}

/**
 * A release by id, as visible as its client's identity: 404 (with a `denied` audit row) otherwise. Writes
 * (`purpose: 'change'`) also need `canRecordRelease`. Call it outside a transaction.
 */
export function loadVisibleRelease(
  { db, actor, today }: ReleaseContext,
  id: string,
  action: string,
  purpose: 'read' | 'change' = 'read',
): Promise<{ release: ReleaseRow; client: LoadedClientAccessFacts }> {
  const canSee = purpose === 'read' ? canSeeClientIdentity : canRecordRelease
  return loadVisible({
    db,
    actor,
    entityType: 'release',
    id,
    action,
    load: (database, releaseId) => loadReleaseWithClient(database, actor, releaseId, today),
    canSee: (who, loaded) => canSee(who, loaded.client),
  })
}
