import { z } from 'zod'
import { isoDate, text, uuid } from './common'

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorUsername: z.string().nullable(),
    organizationId: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failure']),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEvent' })

export const AuditQuery = z.object({
  action: text(100).optional(),
  entityType: text(100).optional(),
  entityId: text(100).optional(),
  actorUserId: uuid.optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  /** Whole days in UTC: `from` its first instant, `to` through its last. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only rows with seq below this (keyset paging, newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditPage = z
  .object({ events: z.array(AuditEvent), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof AuditPage>
