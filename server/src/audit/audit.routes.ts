import { AuditPage, AuditQuery } from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { listAuditEvents } from './list-audit-events'

export const auditRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail you may read, newest first (pass nextBefore as before for the next page)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    (request) => listAuditEvents({ db, actor: request.actor, query: request.query }),
  )
}
