import { ApiError, ClientSearchQuery, ClientSearchResults } from '@threshold/core'
import { type RoutePlugin, userActor } from '../http/app-context'
import { searchClients } from './search-clients'

/** Find Client: the first step of every intake. */
export const clientSearchRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  app.get(
    '/api/clients/search',
    {
      schema: {
        tags: ['clients'],
        summary: 'Find Client: ranked matches by name, DOB, SSN, Client ID or free text',
        description:
          'Fuzzy and phonetic names, nicknames (Bill/William, Pepe/José), swapped first/last names, double ' +
          'surnames, DOB and SSN typos. Only records you may see are searched; each result says why it ' +
          'matched. Every search is audited (the fields used, never their values).',
        querystring: ClientSearchQuery,
        response: { 200: ClientSearchResults, 400: ApiError },
      },
    },
    async (request) => {
      const { limit, clientNumber, ...criteria } = request.query
      return searchClients({
        db,
        actor: userActor(request.actor),
        clock: deps.clock,
        criteria: { ...criteria, ...(clientNumber !== undefined && { clientNumber: Number(clientNumber) }) },
        limit,
      })
    },
  )
}
