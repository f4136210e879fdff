import { CeEvent, CeEventList, IdParams, NewCeEvent } from '@threshold/core'
import { todayFrom } from '../access/client-visibility'
import type { EnrollmentContext } from '../enrollments/enrollment-access'
import type { RoutePlugin } from '../http/app-context'
import { createCeEvent, listCeEvents } from './ce-events'

/** HUD 4.20 Coordinated Entry events of an enrollment. */
export const ceEventRoutes: RoutePlugin = (app, deps) => {
  const tags = ['ce events']
  const context = (request: { actor: EnrollmentContext['actor'] }): EnrollmentContext => ({
    db: deps.database.db,
    actor: request.actor,
    today: todayFrom(deps.clock),
  })
  app.get(
    '/api/enrollments/:id/ce-events',
    {
      schema: {
        tags,
        summary: "The enrollment's CE events you may see",
        params: IdParams,
        response: { 200: CeEventList },
      },
    },
    (request) => listCeEvents(context(request), request.params.id),
  )
  app.post(
    '/api/enrollments/:id/ce-events',
    {
      schema: {
        tags,
        summary: 'Record a CE event (HUD 4.20; referral events are recorded by Coordinated Entry)',
        params: IdParams,
        body: NewCeEvent,
        response: { 201: CeEvent },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCeEvent(context(request), request.params.id, request.body)),
  )
}
