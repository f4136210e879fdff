import {
  ClientMerge,
  DuplicateCandidatesQuery,
  DuplicatePair,
  IdParams,
  MergeComparison,
  NewMerge,
  NotDuplicateRequest,
  SplitRequest,
  uuid,
} from '@threshold/core'
import { z } from 'zod'
import type { RoutePlugin } from '../http/app-context'
import { compareClients } from './compare-clients'
import { listDuplicateCandidates } from './list-duplicate-candidates'
import { listMerges } from './list-merges'
import { mergeClients } from './merge-clients'
import { markNotDuplicate } from './not-duplicate'
import { presentMerge } from './present-merge'
import { splitMerge } from './split-merge'

const tags = ['client merge']

export const mergeRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const { clock } = deps

  app.get(
    '/api/clients/duplicates',
    {
      schema: {
        tags,
        summary: 'Duplicate-candidates report (CoC admins)',
        querystring: DuplicateCandidatesQuery,
        response: { 200: z.object({ pairs: z.array(DuplicatePair) }) },
      },
    },
    async (request) => ({
      pairs: await listDuplicateCandidates({ db, actor: request.actor, clock, ...request.query }),
    }),
  )

  app.get(
    '/api/clients/compare',
    {
      schema: {
        tags,
        summary: 'Two client records side by side before a merge',
        querystring: z.object({ survivorId: uuid, mergedId: uuid }),
        response: { 200: MergeComparison },
      },
    },
    async (request) => compareClients({ db, actor: request.actor, clock, ...request.query }),
  )

  app.post(
    '/api/client-merges',
    {
      schema: {
        tags,
        summary: 'Merge one client record into another',
        body: NewMerge,
        response: { 201: ClientMerge },
      },
    },
    async (request, reply) => {
      const merge = await mergeClients({ db, actor: request.actor, clock, ...request.body })
      return reply.status(201).send(presentMerge(merge))
    },
  )

  app.get(
    '/api/client-merges',
    {
      schema: {
        tags,
        summary: 'Merge history',
        querystring: z.object({
          clientId: uuid.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ merges: z.array(ClientMerge) }) },
      },
    },
    async (request) => ({ merges: await listMerges({ db, actor: request.actor, ...request.query }) }),
  )

  app.post(
    '/api/client-merges/:id/split',
    {
      schema: {
        tags,
        summary: 'Undo a merge (split the records again)',
        params: IdParams,
        body: SplitRequest,
        response: { 200: ClientMerge },
      },
    },
    async (request) => {
      const { merge, keptOnSplit } = await splitMerge({
        db,
        actor: request.actor,
        clock,
        mergeId: request.params.id,
        reason: request.body.reason,
      })
      return presentMerge(merge, keptOnSplit)
    },
  )

  app.post(
    '/api/client-pairs/not-duplicate',
    {
      schema: {
        tags,
        summary: 'Record that two clients are different people',
        body: NotDuplicateRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await markNotDuplicate({ db, actor: request.actor, clock, ...request.body })
      return reply.status(204).send(null)
    },
  )
}
