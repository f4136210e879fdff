import { IdParams, NotificationList } from '@threshold/core'
import { z } from 'zod'
import type { RoutePlugin } from '../http/app-context'
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications'

/** Each user's own in-app inbox. */
export const notificationRoutes: RoutePlugin = (app, deps) => {
  const tags = ['notifications']
  const context = (request: { actor: Parameters<typeof listNotifications>[0]['actor'] }) => ({
    db: deps.database.db,
    actor: request.actor,
    now: deps.clock.now(),
  })
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: z.object({ unreadOnly: z.enum(['true', 'false']).optional() }),
        response: { 200: NotificationList },
      },
    },
    (request) => listNotifications(context(request), request.query),
  )
  app.post(
    '/api/notifications/:id/read',
    {
      schema: { tags, summary: 'Mark one notification read', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await markNotificationRead(context(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: 'Mark every notification read', response: { 204: z.null() } } },
    async (request, reply) => {
      await markAllNotificationsRead(context(request))
      return reply.status(204).send(null)
    },
  )
}
