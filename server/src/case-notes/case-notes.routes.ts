import {
  CaseNote,
  CaseNoteDeletion,
  CaseNoteHistory,
  CaseNoteList,
  CaseNotePatch,
  CaseNoteQuery,
  IdParams,
  NewCaseNote,
} from '@threshold/core'
import { z } from 'zod'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import type { CaseManagementContext } from '../services/service-access'
import { createCaseNote } from './create-case-note'
import { deleteCaseNote } from './delete-case-note'
import { getCaseNote } from './get-case-note'
import { getCaseNoteHistory } from './get-case-note-history'
import { listCaseNotes } from './list-case-notes'
import { lockCaseNote, unlockCaseNote } from './set-case-note-lock'
import { updateCaseNote } from './update-case-note'

/** Case notes: written by one agency about a client, shared only as the author, the client and the CoC allow. */
export const caseNoteRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['case notes']
  const context = (request: { actor: CaseManagementContext['actor'] }): CaseManagementContext => ({
    db,
    actor: request.actor,
    today: todayFrom(deps.clock),
  })

  app.get(
    '/api/clients/:id/case-notes',
    {
      schema: {
        tags,
        summary: "The client's case notes you may read, newest first; `q` searches their words",
        params: IdParams,
        querystring: CaseNoteQuery,
        response: { 200: CaseNoteList },
      },
    },
    (request) => listCaseNotes(context(request), request.params.id, request.query.q),
  )

  app.post(
    '/api/clients/:id/case-notes',
    {
      schema: {
        tags,
        summary: 'Write a case note (the text keeps only safe formatting)',
        params: IdParams,
        body: NewCaseNote,
        response: { 201: CaseNote },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCaseNote(context(request), request.params.id, request.body)),
  )

  app.get(
    '/api/case-notes/:id',
    { schema: { tags, summary: 'A case note', params: IdParams, response: { 200: CaseNote } } },
    (request) => getCaseNote(context(request), request.params.id),
  )

  app.patch(
    '/api/case-notes/:id',
    {
      schema: {
        tags,
        summary: 'Change a case note (409 when someone saved it after you opened it, or it is locked)',
        params: IdParams,
        body: CaseNotePatch,
        response: { 200: CaseNote },
      },
    },
    (request) => updateCaseNote(context(request), request.params.id, request.body),
  )

  app.post(
    '/api/case-notes/:id/lock',
    {
      schema: { tags, summary: 'Make a case note read-only', params: IdParams, response: { 200: CaseNote } },
    },
    (request) => lockCaseNote(context(request), request.params.id),
  )

  app.post(
    '/api/case-notes/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Lift the read-only lock (the author or an agency administrator)',
        params: IdParams,
        response: { 200: CaseNote },
      },
    },
    (request) => unlockCaseNote(context(request), request.params.id),
  )

  app.delete(
    '/api/case-notes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a case note, with the reason (kept for the audit)',
        params: IdParams,
        body: CaseNoteDeletion,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCaseNote(context(request), request.params.id, request.body)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/case-notes/:id/history',
    {
      schema: {
        tags,
        summary: 'Every saved version of a case note',
        params: IdParams,
        response: { 200: CaseNoteHistory },
      },
    },
    (request) => getCaseNoteHistory(context(request), request.params.id),
  )
}
