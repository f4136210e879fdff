import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { DB } from '../db/schema'
import type { MovedRows } from './merge.tables'

/**
 * Every column in the database that references a client, and what a merge does with it: `move` hands the
 * rows to the surviving record (and a split hands exactly those back); `keep` leaves history where it
 * happened. A test compares this list with the database catalog, so a new table that references clients
 * cannot be forgotten by the merge.
 */
export const CLIENT_REFERENCES: readonly {
  table: string
  column: string
  merge: 'move' | 'keep'
  why: string
}[] = [
  { table: 'client', column: 'merged_into_client_id', merge: 'keep', why: 'the merge link itself' },
  { table: 'client_alias', column: 'client_id', merge: 'move', why: 'names stay findable on the survivor' },
  {
    table: 'client_version',
    column: 'client_id',
    merge: 'keep',
    why: 'each record keeps its own change history',
  },
  {
    table: 'household_member',
    column: 'client_id',
    merge: 'move',
    why: 'the person stays in their households',
  },
  { table: 'household_event', column: 'client_id', merge: 'keep', why: 'household history as it happened' },
  {
    table: 'household_event',
    column: 'previous_head_client_id',
    merge: 'keep',
    why: 'household history as it happened',
  },
  { table: 'client_release', column: 'client_id', merge: 'move', why: 'the person’s consent follows them' },
  {
    table: 'client_release',
    column: 'signed_by_client_id',
    merge: 'move',
    why: 'who signed stays the person',
  },
  { table: 'enrollment', column: 'client_id', merge: 'move', why: 'project stays follow the person' },
  { table: 'client_merge', column: 'survivor_client_id', merge: 'keep', why: 'merge history' },
  { table: 'client_merge', column: 'merged_client_id', merge: 'keep', why: 'merge history' },
  { table: 'client_pair_exclusion', column: 'client_a', merge: 'keep', why: 'split decisions' },
  { table: 'client_pair_exclusion', column: 'client_b', merge: 'keep', why: 'split decisions' },
  { table: 'case_note', column: 'client_id', merge: 'move', why: 'case notes follow the person' },
  { table: 'service_record', column: 'client_id', merge: 'move', why: 'services follow the person' },
  { table: 'bed_stay', column: 'client_id', merge: 'move', why: 'bed stays follow the person' },
  { table: 'bed_night', column: 'client_id', merge: 'move', why: 'bed nights follow the person' },
  { table: 'reservation_member', column: 'client_id', merge: 'move', why: 'held beds follow the person' },
  { table: 'client_bar', column: 'client_id', merge: 'move', why: 'a bar follows the person' },
  {
    table: 'ce_workflow',
    column: 'head_client_id',
    merge: 'keep',
    why: 'the open-CE-enrollment guard as enrolled (enrollments move)',
  },
  { table: 'referral', column: 'head_client_id', merge: 'move', why: 'referrals follow the person' },
  { table: 'referral_member', column: 'client_id', merge: 'move', why: 'referrals follow the person' },
]

const MOVED = CLIENT_REFERENCES.filter((reference) => reference.merge === 'move')

/** Hands every movable row of `fromId` to `toId`; returns the moved row ids per `table.column`. */
export async function moveClientReferences(
  trx: Transaction<DB>,
  fromId: string,
  toId: string,
): Promise<MovedRows> {
  const moved: MovedRows = {}
  for (const { table, column } of MOVED) {
    const result = await sql<{ id: string }>`
      UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${toId}::uuid
      WHERE ${sql.ref(column)} = ${fromId}::uuid RETURNING id`.execute(trx)
    moved[`${table}.${column}`] = result.rows.map((row) => row.id)
  }
  return moved
}

/** Hands exactly the rows a merge moved back to the record they came from. */
export async function restoreClientReferences(
  trx: Transaction<DB>,
  moved: MovedRows,
  toId: string,
): Promise<void> {
  for (const [key, ids] of Object.entries(moved)) {
    if (ids.length === 0) continue
    const [table, column] = key.split('.') as [string, string]
    if (!MOVED.some((reference) => reference.table === table && reference.column === column)) continue
    await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${toId}::uuid
              WHERE id = ANY(${ids}::uuid[])`.execute(trx)
  }
}

/** Foreign-key columns that reference client(id), read from the catalog (for the completeness test). */
export async function catalogClientReferences(db: Kysely<DB>): Promise<{ table: string; column: string }[]> {
  const result = await sql<{ table: string; column: string }>`
    SELECT cl.relname AS table, att.attname AS column
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_class ref ON ref.oid = con.confrelid
    JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY(con.conkey)
    WHERE con.contype = 'f' AND ref.relname = 'client'
    ORDER BY 1, 2`.execute(db)
  return result.rows
}
