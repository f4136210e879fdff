import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError, notFound } from '../http/errors'
import type { Actor } from './actor'

export interface VisibleTarget<T> {
  db: Kysely<DB>
  actor: Actor
  /** The audit entity type, e.g. 'organization'. */
  entityType: string
  id: string
  /** The entity or undefined; receives the same id. */
  load: (db: Kysely<DB>, id: string) => Promise<T | undefined>
  /** The policy predicate that decides whether the actor may see it. */
  canSee: (actor: Actor, entity: T) => boolean
  /** The audited action of a refusal: `<entityType>.read` unless the caller was attempting something else. */
  action?: string
  /** How the 404 message names it ("No such <label>"); the entity type by default. */
  label?: string
}

/**
 * The one way a use case fetches an entity by id: missing and not-visible both answer 404 with the same
 * message (no existence oracle), and a refusal of something that exists leaves a `denied` audit row.
 * Call it outside a transaction: the audit row must survive the error it throws.
 */
export async function loadVisible<T>(target: VisibleTarget<T>): Promise<T> {
  const entity = await target.load(target.db, target.id)
  if (entity === undefined) throw notFound(target.label ?? target.entityType)
  if (!target.canSee(target.actor, entity)) {
    await recordDenied(target.db, target.actor, {
      action: target.action ?? `${target.entityType}.read`,
      entityType: target.entityType,
      entityId: target.id,
    })
    throw notFound(target.label ?? target.entityType)
  }
  return entity
}

interface DeniedAttempt {
  action: string
  entityType: string
  /** Absent when the attempt was to create one. */
  entityId?: string
  /** Field names and ids only, like every audit detail. */
  details?: Record<string, unknown>
}

/**
 * For an entity the actor can see but may not change: a `denied` audit row, then 403 with a message
 * saying what is missing. Like `loadVisible`, call it outside a transaction.
 */
export async function assertPermitted(
  db: Kysely<DB>,
  actor: Actor,
  permitted: boolean,
  attempt: DeniedAttempt & { message: string },
): Promise<void> {
  if (permitted) return
  const { message, ...denied } = attempt
  await recordDenied(db, actor, denied)
  throw new AppError('forbidden', message)
}

function recordDenied(db: Kysely<DB>, actor: Actor, attempt: DeniedAttempt): Promise<void> {
  return recordAudit(db, actor, { ...attempt, outcome: 'denied' })
}
