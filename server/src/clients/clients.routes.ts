import {
  ApiError,
  Client,
  ClientAliasParams,
  ClientFullSsn,
  ClientHistory,
  ClientPatch,
  IdParams,
  NewClient,
  NewClientAlias,
  SavedClient,
} from '@threshold/core'
import { type RoutePlugin, userActor } from '../http/app-context'
import { addClientAlias } from './add-client-alias'
import { createClient } from './create-client'
import { getClient } from './get-client'
import { listClientHistory } from './list-client-history'
import { readClientSsn } from './read-client-ssn'
import { removeClientAlias } from './remove-client-alias'
import { updateClient } from './update-client'

const tags = ['clients']
const hidden = { 404: ApiError.describe('No such client, or not one you may see') }

/** The client record (Basic Client Information): create, read, edit with history, aliases. */
export const clientRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const { clock } = deps

  app.post(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Create a client owned by your agency',
        description:
          'Runs Find Client first: likely matches answer 409 `possible_duplicates` with the candidates in ' +
          '`details.candidates`; send `duplicateOverride: { reason }` to save anyway (the reason is audited).',
        body: NewClient,
        response: { 201: SavedClient, 409: ApiError },
      },
    },
    async (request, reply) => {
      const saved = await createClient({ db, actor: userActor(request.actor), clock, input: request.body })
      return reply.status(201).send(saved)
    },
  )

  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'A client record (SSN masked); every read is audited',
        params: IdParams,
        response: { 200: Client, ...hidden },
      },
    },
    (request) => getClient({ db, actor: request.actor, clock, clientId: request.params.id }),
  )

  app.patch(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'Change a client record',
        description:
          'Send only the fields that change and the `version` you started from; if someone saved in between ' +
          'the answer is 409 `conflict` with `details.currentVersion`.',
        params: IdParams,
        body: ClientPatch,
        response: { 200: SavedClient, 403: ApiError, ...hidden, 409: ApiError },
      },
    },
    (request) =>
      updateClient({
        db,
        actor: userActor(request.actor),
        clock,
        clientId: request.params.id,
        patch: request.body,
      }),
  )

  app.get(
    '/api/clients/:id/ssn',
    {
      schema: {
        tags,
        summary: 'The full SSN (the owning agency only; audited)',
        params: IdParams,
        response: { 200: ClientFullSsn, 403: ApiError, ...hidden },
      },
    },
    (request) => readClientSsn({ db, actor: request.actor, clock, clientId: request.params.id }),
  )

  app.get(
    '/api/clients/:id/history',
    {
      schema: {
        tags,
        summary: 'Who changed what on the record and when, newest first',
        params: IdParams,
        response: { 200: ClientHistory, ...hidden },
      },
    },
    (request) => listClientHistory({ db, actor: request.actor, clock, clientId: request.params.id }),
  )

  app.post(
    '/api/clients/:id/aliases',
    {
      schema: {
        tags,
        summary: 'Add an alias or former name',
        params: IdParams,
        body: NewClientAlias,
        response: { 201: Client, 403: ApiError, ...hidden },
      },
    },
    async (request, reply) => {
      const client = await addClientAlias({
        db,
        actor: userActor(request.actor),
        clock,
        clientId: request.params.id,
        alias: request.body,
      })
      return reply.status(201).send(client)
    },
  )

  app.delete(
    '/api/clients/:id/aliases/:aliasId',
    {
      schema: {
        tags,
        summary: 'Remove an alias or former name (the history keeps it)',
        params: ClientAliasParams,
        response: { 200: Client, 403: ApiError, ...hidden },
      },
    },
    (request) =>
      removeClientAlias({
        db,
        actor: userActor(request.actor),
        clock,
        clientId: request.params.id,
        aliasId: request.params.aliasId,
      }),
  )
}
