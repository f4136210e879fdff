import {
  AssessmentScore,
  AssessmentTool,
  AssessmentToolList,
  AssessmentToolVersion,
  IdParams,
  NewAssessmentScorePreview,
  NewAssessmentTool,
  NewAssessmentToolVersion,
} from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { createAssessmentTool } from './create-assessment-tool'
import { createAssessmentToolVersion } from './create-assessment-tool-version'
import { getAssessmentTool } from './get-assessment-tool'
import { getAssessmentToolVersion } from './get-assessment-tool-version'
import { listAssessmentTools } from './list-assessment-tools'
import { previewAssessmentScore } from './preview-assessment-score'
import { publishAssessmentToolVersion } from './publish-assessment-tool-version'

/** The CoC's scored questionnaires: CoC administrators write and publish them, the CoC reads them. */
export const assessmentToolRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['assessment tools']

  app.get(
    '/api/assessment-tools',
    {
      schema: {
        tags,
        summary: "Your CoC's assessment tools (drafts only for its administrators)",
        response: { 200: AssessmentToolList },
      },
    },
    (request) => listAssessmentTools({ db, actor: request.actor }),
  )

  app.post(
    '/api/assessment-tools',
    {
      schema: {
        tags,
        summary: 'Add an assessment tool; the definition becomes draft version 1 (CoC administrators)',
        body: NewAssessmentTool,
        response: { 201: AssessmentTool },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAssessmentTool({ db, actor: request.actor, input: request.body })),
  )

  app.get(
    '/api/assessment-tools/:id',
    {
      schema: {
        tags,
        summary: 'An assessment tool and its versions',
        params: IdParams,
        response: { 200: AssessmentTool },
      },
    },
    (request) => getAssessmentTool({ db, actor: request.actor, id: request.params.id }),
  )

  app.post(
    '/api/assessment-tools/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a draft version (published versions never change)',
        params: IdParams,
        body: NewAssessmentToolVersion,
        response: { 201: AssessmentToolVersion },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createAssessmentToolVersion({
          db,
          actor: request.actor,
          toolId: request.params.id,
          input: request.body,
        }),
      ),
  )

  app.get(
    '/api/assessment-tool-versions/:id',
    {
      schema: {
        tags,
        summary: 'One version with its full definition',
        params: IdParams,
        response: { 200: AssessmentToolVersion },
      },
    },
    (request) => getAssessmentToolVersion({ db, actor: request.actor, id: request.params.id }),
  )

  app.post(
    '/api/assessment-tool-versions/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish a draft version: it becomes the current one and can no longer change (409 if published)',
        params: IdParams,
        response: { 200: AssessmentToolVersion },
      },
    },
    (request) => publishAssessmentToolVersion({ db, actor: request.actor, id: request.params.id }),
  )

  app.post(
    '/api/assessment-tool-versions/:id/score',
    {
      schema: {
        tags,
        summary:
          'Score answers with this version without storing them (400 lists each answer that does not fit)',
        params: IdParams,
        body: NewAssessmentScorePreview,
        response: { 200: AssessmentScore },
      },
    },
    (request) =>
      previewAssessmentScore({ db, actor: request.actor, id: request.params.id, input: request.body }),
  )
}
