import type { Kysely } from 'kysely'
import { loadVisible } from '../access/load-visible'
import { canSeeQueueEntry, type QueueEntryScope } from '../access/queue-policy'
import type { DB } from '../db/schema'
import type { QueueContext } from './list-queue'

export interface LoadedQueueEntry extends QueueEntryScope {
  id: string
  status: string
  version: number
}

async function loadQueueEntry(db: Kysely<DB>, id: string): Promise<LoadedQueueEntry | undefined> {
  return db
    .selectFrom('queue_entry')
    .select(['id', 'coc_id as cocId', 'owner_organization_id as ownerOrganizationId', 'status', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** A queue entry the actor may see, or 404 (audited when it exists). */
export function loadVisibleQueueEntry(context: QueueContext, id: string, action: string) {
  return loadVisible({
    db: context.db,
    actor: context.actor,
    entityType: 'queue_entry',
    id,
    load: loadQueueEntry,
    canSee: canSeeQueueEntry,
    action,
    label: 'queue entry',
  })
}
