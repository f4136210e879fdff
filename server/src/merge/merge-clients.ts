import type { MergeFieldGroup } from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { moveClientReferences } from './client-references'
import { loadMergePair } from './load-merge-pair'
import { assertMergeable } from './merge-conflicts'
import { MERGE_COLUMNS, MERGE_GROUP_COLUMNS, sameValue, strictestRestriction } from './merge-fields'

const JSON_COLUMNS = new Set(['contact', 'veteran_details'])

/** Column values ready to write back (jsonb columns as JSON text). */
export function writableValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([column, value]) => [
      column,
      JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value,
    ]),
  )
}

/** Locks both records (in id order, so two merges can't deadlock) and refuses already-merged ones. */
export async function lockClients(trx: Transaction<DB>, ids: string[]) {
  const rows = await trx
    .selectFrom('client')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute()
  return new Map(rows.map((row) => [row.id, row]))
}

/**
 * Merges `mergedId` into `survivorId`: the survivor takes the chosen field groups, the most protective
 * restriction of the two, and every movable related record; the merged record stays, pointing at the
 * survivor, and everything needed to split them again is kept.
 */
export async function mergeClients(options: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  survivorId: string
  mergedId: string
  choices: Partial<Record<MergeFieldGroup, 'survivor' | 'merged'>>
  reason?: string
}) {
  const { db, survivorId, mergedId, choices } = options
  const actor = userActor(options.actor)
  await loadMergePair({
    db,
    actor,
    today: todayFrom(options.clock),
    survivorId,
    mergedId,
    action: 'client.merge',
  })

  return db.transaction().execute(async (trx) => {
    const locked = await lockClients(trx, [survivorId, mergedId])
    const survivor = locked.get(survivorId)!
    const merged = locked.get(mergedId)!
    if (survivor.merged_into_client_id || merged.merged_into_client_id) {
      throw new AppError('conflict', 'One of these records has already been merged into another')
    }
    await assertMergeable(trx, survivorId, mergedId)

    const survivorRow = survivor as unknown as Record<string, unknown>
    const mergedRow = merged as unknown as Record<string, unknown>
    const pick = (row: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries([...MERGE_COLUMNS, 'restriction'].map((column) => [column, row[column] ?? null]))
    const before = pick(survivorRow)
    const after: Record<string, unknown> = {
      ...before,
      restriction: strictestRestriction(survivor.restriction, merged.restriction),
    }
    for (const [group, side] of Object.entries(choices)) {
      if (side !== 'merged') continue
      for (const column of MERGE_GROUP_COLUMNS[group as MergeFieldGroup])
        after[column] = mergedRow[column] ?? null
    }

    await trx
      .updateTable('client')
      .set({
        ...writableValues(after),
        version: survivor.version + 1,
        updated_at: options.clock.now(),
        updated_by: actor.userId,
      })
      .where('id', '=', survivorId)
      .execute()
    const moved = await moveClientReferences(trx, mergedId, survivorId)

    // The merged record's name stays findable on the survivor.
    const keepsName =
      sameValue(merged.first_name, after.first_name) && sameValue(merged.last_name, after.last_name)
    const alias = keepsName
      ? undefined
      : await trx
          .insertInto('client_alias')
          .values({
            client_id: survivorId,
            kind: 'alias',
            first_name: merged.first_name,
            last_name: merged.last_name,
          })
          .returning('id')
          .executeTakeFirstOrThrow()

    await trx
      .updateTable('client')
      .set({
        merged_into_client_id: survivorId,
        version: merged.version + 1,
        updated_at: options.clock.now(),
        updated_by: actor.userId,
      })
      .where('id', '=', mergedId)
      .execute()

    const takenGroups = Object.entries(choices)
      .filter(([, side]) => side === 'merged')
      .map(([group]) => group)
    await trx
      .insertInto('client_version')
      .values([
        {
          client_id: survivorId,
          version: survivor.version + 1,
          changed_by: actor.userId,
          organization_id: actor.organizationId,
          action: 'merged',
          changes: JSON.stringify({ mergedClientId: mergedId, groupsTakenFromMerged: takenGroups }),
        },
        {
          client_id: mergedId,
          version: merged.version + 1,
          changed_by: actor.userId,
          organization_id: actor.organizationId,
          action: 'merged_into',
          changes: JSON.stringify({ survivorClientId: survivorId }),
        },
      ])
      .execute()

    const record = await trx
      .insertInto('client_merge')
      .values({
        coc_id: survivor.coc_id,
        survivor_client_id: survivorId,
        merged_client_id: mergedId,
        field_choices: JSON.stringify(choices),
        survivor_before: JSON.stringify(before),
        survivor_after: JSON.stringify(after),
        moved: JSON.stringify(moved),
        added_alias_id: alias?.id ?? null,
        reason: options.reason ?? null,
        merged_by: actor.userId,
        organization_id: actor.organizationId,
      })
      .returningAll()
      .executeTakeFirstOrThrow()

    await recordAudit(trx, actor, {
      action: 'client.merge',
      entityType: 'client',
      entityId: survivorId,
      details: {
        mergeId: record.id,
        mergedClientId: mergedId,
        groupsTakenFromMerged: takenGroups,
        movedRows: Object.fromEntries(Object.entries(moved).map(([key, ids]) => [key, ids.length])),
      },
    })
    return record
  })
}
