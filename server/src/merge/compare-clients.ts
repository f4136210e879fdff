import { MERGE_FIELD_GROUP_LABELS, MERGE_FIELD_GROUPS } from '@threshold/core'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { CLIENT_REFERENCES } from './client-references'
import { loadMergePair } from './load-merge-pair'
import { displayGroup, MERGE_COLUMNS, sameValue } from './merge-fields'

/** Side-by-side view of two records before a merge: every field group and how many related records each has. */
export async function compareClients(options: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  survivorId: string
  mergedId: string
}) {
  const { db, actor, survivorId, mergedId } = options
  await loadMergePair({
    db,
    actor,
    today: todayFrom(options.clock),
    survivorId,
    mergedId,
    action: 'client.compare',
  })
  const rows = await db
    .selectFrom('client')
    .select(MERGE_COLUMNS)
    .select('id')
    .where('id', 'in', [survivorId, mergedId])
    .execute()
  const survivor = rows.find((row) => row.id === survivorId)! as Record<string, unknown>
  const merged = rows.find((row) => row.id === mergedId)! as Record<string, unknown>

  const relatedRecords: Record<string, { survivor: number; merged: number }> = {}
  for (const { table, column } of CLIENT_REFERENCES.filter((reference) => reference.merge === 'move')) {
    const counts = await sql<{ client: string; count: number }>`
      SELECT ${sql.ref(column)} AS client, count(*)::int AS count FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IN (${survivorId}::uuid, ${mergedId}::uuid) GROUP BY 1`.execute(db)
    const countFor = (id: string) => counts.rows.find((row) => row.client === id)?.count ?? 0
    relatedRecords[`${table}.${column}`] = { survivor: countFor(survivorId), merged: countFor(mergedId) }
  }

  await recordAudit(db, actor, {
    action: 'client.compare',
    entityType: 'client',
    entityId: survivorId,
    details: { mergedId },
  })
  return {
    survivorId,
    mergedId,
    groups: MERGE_FIELD_GROUPS.map((group) => {
      const shownSurvivor = displayGroup(survivor, group)
      const shownMerged = displayGroup(merged, group)
      const same =
        group === 'ssn'
          ? sameValue(survivor.ssn, merged.ssn) && sameValue(shownSurvivor, shownMerged)
          : sameValue(shownSurvivor, shownMerged)
      return {
        group,
        label: MERGE_FIELD_GROUP_LABELS[group],
        survivor: shownSurvivor,
        merged: shownMerged,
        same,
      }
    }),
    relatedRecords,
  }
}
