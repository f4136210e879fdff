import {
  IdParams,
  NewOrganization,
  Organization,
  OrganizationList,
  OrganizationPatch,
  OrganizationQuery,
} from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { createOrganization } from './create-organization'
import { getOrganization } from './get-organization'
import { listOrganizations } from './list-organizations'
import { updateOrganization } from './update-organization'

export const organizationRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['administration']

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations (agencies) of the CoCs you can see',
        querystring: OrganizationQuery,
        response: { 200: OrganizationList },
      },
    },
    (request) => listOrganizations({ db, actor: request.actor, filter: request.query }),
  )

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Add an organization (CoC administrators)',
        body: NewOrganization,
        response: { 201: Organization },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganization({ db, actor: request.actor, input: request.body })),
  )

  app.get(
    '/api/organizations/:id',
    { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: Organization } } },
    (request) => getOrganization({ db, actor: request.actor, id: request.params.id }),
  )

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organization; active=false deactivates it and ends the sessions acting in it',
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: Organization },
      },
    },
    (request) =>
      updateOrganization({
        db,
        clock: deps.clock,
        actor: request.actor,
        id: request.params.id,
        patch: request.body,
      }),
  )
}
