import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { loadVisible } from '../access/load-visible'
import { canManageDuplicates } from '../access/merge-policy'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { restoreClientReferences } from './client-references'
import { loadMergePair } from './load-merge-pair'
import { lockClients, writableValues } from './merge-clients'
import { sameValue } from './merge-fields'
import { excludePair } from './not-duplicate'

/**
 * Undoes a merge: the related records it moved go back, the survivor's fields return to what they were
 * unless someone has changed them since (those are kept and reported), the merged record comes back, and
 * the pair is never proposed as duplicates again.
 */
export async function splitMerge(options: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  mergeId: string
  reason: string
}) {
  const { db, mergeId } = options
  const actor = userActor(options.actor)
  const merge = await loadVisible({
    db,
    actor,
    entityType: 'client_merge',
    id: mergeId,
    action: 'client.split',
    label: 'merge',
    load: (database, id) =>
      database.selectFrom('client_merge').selectAll().where('id', '=', id).executeTakeFirst(),
    canSee: (someone, row) =>
      canManageDuplicates(someone) && someone.kind === 'user' && someone.cocId === row.coc_id,
  })
  await loadMergePair({
    db,
    actor,
    today: todayFrom(options.clock),
    survivorId: merge.survivor_client_id,
    mergedId: merge.merged_client_id,
    action: 'client.split',
  })

  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('client_merge')
      .selectAll()
      .where('id', '=', mergeId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (current.split_at) throw new AppError('conflict', 'This merge has already been split')
    const locked = await lockClients(trx, [merge.survivor_client_id, merge.merged_client_id])
    const survivor = locked.get(merge.survivor_client_id)! as unknown as Record<string, unknown> & {
      version: number
    }
    const merged = locked.get(merge.merged_client_id)!

    await restoreClientReferences(trx, current.moved, merge.merged_client_id)
    if (current.added_alias_id)
      await trx.deleteFrom('client_alias').where('id', '=', current.added_alias_id).execute()

    const restored: Record<string, unknown> = {}
    const keptOnSplit: string[] = []
    for (const [column, beforeValue] of Object.entries(current.survivor_before)) {
      if (sameValue(survivor[column], current.survivor_after[column])) restored[column] = beforeValue
      else keptOnSplit.push(column)
    }
    const now = options.clock.now()
    await trx
      .updateTable('client')
      .set({
        ...writableValues(restored),
        version: survivor.version + 1,
        updated_at: now,
        updated_by: actor.userId,
      })
      .where('id', '=', merge.survivor_client_id)
      .execute()
    await trx
      .updateTable('client')
      .set({
        merged_into_client_id: null,
        version: merged.version + 1,
        updated_at: now,
        updated_by: actor.userId,
      })
      .where('id', '=', merge.merged_client_id)
      .execute()
    await trx
      .insertInto('client_version')
      .values([
        {
          client_id: merge.survivor_client_id,
          version: survivor.version + 1,
          changed_by: actor.userId,
          organization_id: actor.organizationId,
          action: 'split',
          changes: JSON.stringify({ splitFrom: merge.merged_client_id, keptOnSplit }),
        },
        {
          client_id: merge.merged_client_id,
          version: merged.version + 1,
          changed_by: actor.userId,
          organization_id: actor.organizationId,
          action: 'split',
          changes: JSON.stringify({ splitFrom: merge.survivor_client_id }),
        },
      ])
      .execute()
    await excludePair(
      trx,
      actor,
      merge.survivor_client_id,
      merge.merged_client_id,
      `split: ${options.reason}`,
    )
    const updated = await trx
      .updateTable('client_merge')
      .set({ split_at: now, split_by: actor.userId, split_reason: options.reason })
      .where('id', '=', mergeId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'client.split',
      entityType: 'client',
      entityId: merge.survivor_client_id,
      details: { mergeId, mergedClientId: merge.merged_client_id, keptOnSplit },
    })
    return { merge: updated, keptOnSplit }
  })
}
