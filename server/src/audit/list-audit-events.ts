import type { AuditPage, AuditQuery } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted } from '../access/load-visible'
import { canReadAudit } from '../access/policy'
import { auditEventsVisibleTo } from '../access/visibility'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { recordAudit } from './record-audit'

const DAY_MS = 86_400_000

/**
 * One page of the audit trail, newest first, limited to the rows the actor may read; `before` continues
 * from the previous page's `nextBefore`. Reading the trail is itself audited (with the filter names).
 */
export async function listAuditEvents({
  db,
  actor,
  query,
}: {
  db: Kysely<DB>
  actor: Actor
  query: AuditQuery
}): Promise<AuditPage> {
  await assertPermitted(db, actor, canReadAudit(actor), {
    action: 'audit.read',
    entityType: 'audit_event',
    message: 'Only administrators can read the audit log',
  })
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('invalid_input', 'The "from" date must not be after the "to" date', [
      { path: 'querystring.from', message: 'must not be after "to"' },
    ])
  }
  let select = db.selectFrom('audit_event').selectAll('audit_event').where(auditEventsVisibleTo(actor))
  if (query.action) select = select.where('audit_event.action', '=', query.action)
  if (query.entityType) select = select.where('audit_event.entity_type', '=', query.entityType)
  if (query.entityId) select = select.where('audit_event.entity_id', '=', query.entityId)
  if (query.actorUserId) select = select.where('audit_event.actor_user_id', '=', query.actorUserId)
  if (query.outcome) select = select.where('audit_event.outcome', '=', query.outcome)
  // Dates are whole UTC days: from its first instant up to the end of `to`.
  if (query.from) select = select.where('audit_event.occurred_at', '>=', utcDayStart(query.from))
  if (query.to)
    select = select.where('audit_event.occurred_at', '<', new Date(utcDayStart(query.to).getTime() + DAY_MS))
  if (query.before) select = select.where('audit_event.seq', '<', query.before)
  const rows = await select.orderBy('audit_event.seq', 'desc').limit(query.limit).execute()

  await recordAudit(db, actor, {
    action: 'audit.read',
    entityType: 'audit_event',
    details: {
      filters: Object.keys(query).filter(
        (name) => name !== 'limit' && query[name as keyof AuditQuery] !== undefined,
      ),
      rows: rows.length,
    },
  })
  return {
    events: rows.map((row) => ({
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      organizationId: row.organization_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      outcome: row.outcome,
      requestId: row.request_id,
      ip: row.ip,
      details: row.details ?? null,
    })),
    nextBefore: rows.length === query.limit ? (rows.at(-1)?.seq ?? null) : null,
  }
}

const utcDayStart = (date: string) => new Date(`${date}T00:00:00Z`)
