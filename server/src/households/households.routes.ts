import {
  Household,
  HouseholdHeadChange,
  HouseholdHistory,
  HouseholdList,
  HouseholdMemberParams,
  HouseholdMemberRemoval,
  IdParams,
  NewHousehold,
  NewHouseholdMember,
} from '@threshold/core'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import { addHouseholdMember } from './add-household-member'
import { changeHouseholdHead } from './change-household-head'
import { createHousehold } from './create-household'
import { getHousehold } from './get-household'
import { getHouseholdHistory } from './get-household-history'
import type { HouseholdContext } from './household-access'
import { listClientHouseholds } from './list-client-households'
import { removeHouseholdMember } from './remove-household-member'

export const householdRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['households']
  const context = (request: { actor: HouseholdContext['actor'] }): HouseholdContext => ({
    db,
    actor: request.actor,
    today: todayFrom(deps.clock),
  })

  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Start a household with a client as its head (Self)',
        body: NewHousehold,
        response: { 201: Household },
      },
    },
    async (request, reply) => reply.status(201).send(await createHousehold(context(request), request.body)),
  )

  app.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'A household, with the members you may see',
        params: IdParams,
        response: { 200: Household },
      },
    },
    (request) => getHousehold(context(request), request.params.id),
  )

  app.get(
    '/api/clients/:id/households',
    {
      schema: {
        tags,
        summary: 'The households a client belongs or belonged to',
        params: IdParams,
        response: { 200: HouseholdList },
      },
    },
    (request) => listClientHouseholds(context(request), request.params.id),
  )

  app.post(
    '/api/households/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a client to a household',
        params: IdParams,
        body: NewHouseholdMember,
        response: { 200: Household },
      },
    },
    (request) => addHouseholdMember(context(request), request.params.id, request.body),
  )

  app.post(
    '/api/households/:id/members/:clientId/remove',
    {
      schema: {
        tags,
        summary: 'End a membership on a date (the row stays in the history)',
        params: HouseholdMemberParams,
        body: HouseholdMemberRemoval,
        response: { 200: Household },
      },
    },
    (request) =>
      removeHouseholdMember(context(request), request.params.id, request.params.clientId, request.body),
  )

  app.post(
    '/api/households/:id/head',
    {
      schema: {
        tags,
        summary: "Change the head of household, re-stating everyone's relationship to them",
        params: IdParams,
        body: HouseholdHeadChange,
        response: { 200: Household },
      },
    },
    (request) => changeHouseholdHead(context(request), request.params.id, request.body),
  )

  app.get(
    '/api/households/:id/history',
    {
      schema: {
        tags,
        summary: 'Membership dates and every change, with who made it',
        params: IdParams,
        response: { 200: HouseholdHistory },
      },
    },
    (request) => getHouseholdHistory(context(request), request.params.id),
  )
}
