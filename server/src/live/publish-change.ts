import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

/**
 * What a change event may carry: ids and version numbers only, never personal data. Subscribers refetch
 * through the normal, access-checked API, so an event tells nobody anything they could not ask for.
 */
export type ChangePayload = Record<string, string | number | null>

/**
 * Announces a change on a channel (PostgreSQL NOTIFY). Call it inside the writer's transaction: the
 * database delivers the notice only if the transaction commits, to every app instance listening.
 */
export async function publishChange(
  db: Kysely<DB> | Transaction<DB>,
  channel: string,
  payload: ChangePayload,
): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${JSON.stringify(payload)})`.execute(db)
}
