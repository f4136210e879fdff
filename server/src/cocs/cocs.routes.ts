import { Coc, CocList, CocPatch, IdParams, NewCoc } from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { createCoc } from './create-coc'
import { getCoc } from './get-coc'
import { listCocs } from './list-cocs'
import { updateCoc } from './update-coc'

export const cocRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['administration']

  app.get(
    '/api/cocs',
    { schema: { tags, summary: 'Continuums of Care you can see', response: { 200: CocList } } },
    (request) => listCocs({ db, actor: request.actor }),
  )

  app.post(
    '/api/cocs',
    {
      schema: {
        tags,
        summary: 'Add a Continuum of Care (system administrators)',
        body: NewCoc,
        response: { 201: Coc },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCoc({ db, actor: request.actor, input: request.body })),
  )

  app.get(
    '/api/cocs/:id',
    { schema: { tags, summary: 'One Continuum of Care', params: IdParams, response: { 200: Coc } } },
    (request) => getCoc({ db, actor: request.actor, id: request.params.id }),
  )

  app.patch(
    '/api/cocs/:id',
    {
      schema: {
        tags,
        summary: 'Rename a CoC or change its settings (its CoC administrators)',
        params: IdParams,
        body: CocPatch,
        response: { 200: Coc },
      },
    },
    (request) => updateCoc({ db, actor: request.actor, id: request.params.id, patch: request.body }),
  )
}
