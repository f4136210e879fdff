import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'

export interface AuditEntry {
  action: string
  entityType?: string
  entityId?: string
  outcome?: 'success' | 'denied' | 'failure'
  /** Field names and ids only: never the values of personal data or secrets. */
  details?: Record<string, unknown>
  /** Overrides the actor's organization (sign-in events, where no actor exists yet). */
  organizationId?: string | null
  userId?: string | null
  username?: string | null
}

/** Appends one row to the hash-chained audit trail (the database assigns its sequence number and hash). */
export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  const user = actor.kind === 'user' ? actor : null
  await db
    .insertInto('audit_event')
    .values({
      actor_user_id: entry.userId !== undefined ? entry.userId : (user?.userId ?? null),
      actor_username: entry.username !== undefined ? entry.username : (user?.username ?? actor.kind),
      organization_id:
        entry.organizationId !== undefined ? entry.organizationId : (user?.organizationId ?? null),
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId ?? null,
      outcome: entry.outcome ?? 'success',
      request_id: actor.requestId,
      ip: actor.ip,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute()
}
