import {
  IdParams,
  NewQueueRanking,
  NewQueueRankingPreview,
  PublishedQueueRanking,
  QueueEntryVersion,
  QueuePage,
  QueuePositionHistory,
  QueueQuery,
  QueueRankingImpact,
  QueueRankingList,
  QueueRankingQuery,
  QueueStatusPatch,
  QueueWorkerList,
} from '@threshold/core'
import { canViewQueue } from '../access/queue-policy'
import type { RoutePlugin } from '../http/app-context'
import { registerLiveStream } from '../live/live-stream'
import { getQueueHistory } from './get-queue-history'
import { assertCanViewQueue, exportQueueCsv, listQueue, type QueueContext } from './list-queue'
import { listQueueWorkers } from './list-queue-workers'
import { QUEUE_CHANNEL } from './queue-membership'
import { listQueueRankings, previewQueueRanking, publishQueueRanking } from './queue-rankings'
import { setQueueStatus } from './set-queue-status'

/** The Housing Queue: ranked households of the CoC's Coordinated Entry, their statuses and ranking rules. */
export const queueRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['housing queue']
  const context = (request: { actor: QueueContext['actor'] }): QueueContext => ({
    db,
    actor: request.actor,
    clock: deps.clock,
  })

  app.get(
    '/api/queue',
    {
      schema: {
        tags,
        summary: 'The ranked queue of your CoC (filters, sort, cursor paging); each row explains its rank',
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    (request) => listQueue(context(request), request.query),
  )

  app.get(
    '/api/queue/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered queue as CSV for case conferencing (same masking as the screen)',
        querystring: QueueQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportQueueCsv(context(request), request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="housing-queue.csv"')
        .send(csv)
    },
  )

  app.get(
    '/api/queue/workers',
    {
      schema: {
        tags,
        summary: 'The workers households on the queue are assigned to (for the "assigned worker" filter)',
        response: { 200: QueueWorkerList },
      },
    },
    (request) => listQueueWorkers(context(request)),
  )

  registerLiveStream(app, deps, {
    url: '/api/queue/events',
    tags,
    summary:
      'Live queue changes of your CoC (text/event-stream of { queueEntryId, cocId, ceProjectId, version })',
    channel: QUEUE_CHANNEL,
    canSubscribe: async (request) => {
      await assertCanViewQueue(context(request), 'queue.events')
    },
    filter: (payload, request) =>
      request.actor.kind === 'user' &&
      payload.cocId === request.actor.cocId &&
      canViewQueue(request.actor, { id: request.actor.cocId }),
  })

  app.patch(
    '/api/queue/:id/status',
    {
      schema: {
        tags,
        summary: 'Change a household’s queue status (409 when it changed since you loaded it)',
        params: IdParams,
        body: QueueStatusPatch,
        response: { 200: QueueEntryVersion },
      },
    },
    (request) => setQueueStatus(context(request), request.params.id, request.body),
  )

  app.get(
    '/api/queue/:id/history',
    {
      schema: {
        tags,
        summary: 'A household’s position history on the queue, newest first',
        params: IdParams,
        response: { 200: QueuePositionHistory },
      },
    },
    (request) => getQueueHistory(context(request), request.params.id),
  )

  app.get(
    '/api/queue/rankings',
    {
      schema: {
        tags,
        summary: 'The ranking in force for a program type and its published versions',
        querystring: QueueRankingQuery,
        response: { 200: QueueRankingList },
      },
    },
    (request) => listQueueRankings(context(request), request.query.programType),
  )

  app.post(
    '/api/queue/rankings/preview',
    {
      schema: {
        tags,
        summary: 'What a ranking change would do ("37 households change position; 4 leave the top 20")',
        body: NewQueueRankingPreview,
        response: { 200: QueueRankingImpact },
      },
    },
    (request) => previewQueueRanking(context(request), request.body),
  )

  app.post(
    '/api/queue/rankings',
    {
      schema: {
        tags,
        summary: 'Publish the next version of a ranking (past versions never change)',
        body: NewQueueRanking,
        response: { 201: PublishedQueueRanking },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishQueueRanking(context(request), request.body)),
  )
}
