import {
  IdParams,
  MembershipParams,
  MembershipPut,
  NewUser,
  User,
  UserList,
  UserPatch,
  UserQuery,
} from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { createUser } from './create-user'
import { deactivateMembership } from './deactivate-membership'
import { getUser } from './get-user'
import { listUsers } from './list-users'
import { setMembership } from './set-membership'
import { updateUser } from './update-user'

export const userRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const { clock, config } = deps
  const tags = ['administration']

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'User accounts you administer (and your own)',
        querystring: UserQuery,
        response: { 200: UserList },
      },
    },
    (request) => listUsers({ db, actor: request.actor, filter: request.query }),
  )

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user account with its memberships',
        body: NewUser,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser({ db, config, actor: request.actor, input: request.body })),
  )

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user account', params: IdParams, response: { 200: User } } },
    (request) => getUser({ db, actor: request.actor, id: request.params.id }),
  )

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit an account; active=false or a new password ends all its sessions',
        params: IdParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    (request) =>
      updateUser({ db, clock, config, actor: request.actor, id: request.params.id, patch: request.body }),
  )

  app.put(
    '/api/users/:id/memberships/:organizationId',
    {
      schema: {
        tags,
        summary: 'Add a user to an organization, or change their role or status there',
        params: MembershipParams,
        body: MembershipPut,
        response: { 200: User },
      },
    },
    (request) =>
      setMembership({
        db,
        clock,
        actor: request.actor,
        userId: request.params.id,
        organizationId: request.params.organizationId,
        membership: request.body,
      }),
  )

  app.delete(
    '/api/users/:id/memberships/:organizationId',
    {
      schema: {
        tags,
        summary: 'Remove a user from an organization (deactivates the membership)',
        params: MembershipParams,
        response: { 200: User },
      },
    },
    (request) =>
      deactivateMembership({
        db,
        clock,
        actor: request.actor,
        userId: request.params.id,
        organizationId: request.params.organizationId,
      }),
  )
}
