import fastifyMultipart from '@fastify/multipart'
import {
  ApiError,
  CE_DOCUMENT_MAX_BYTES,
  CeAssessment,
  CeAssessmentList,
  CeDocumentQuery,
  CeStepParams,
  CeStepSave,
  CeWorkflow,
  CeWorkflowSummaryList,
  IdParams,
  NewCeEnrollment,
} from '@threshold/core'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import { attachmentDisposition } from '../releases/release-document'
import { readUploadedFile } from '../releases/releases.routes'
import { getCeAssessment, getCeWorkflow, listCeAssessments, listClientCeWorkflows } from './ce-assessments'
import { downloadCeDocument, uploadCeDocument } from './ce-documents'
import type { CeWorkflowContext } from './ce-workflow-access'
import { enrollCeHousehold } from './enroll-ce-household'
import { saveCeStep, setCeWorkflowPaused } from './save-ce-step'

const tags = ['coordinated-entry']
const hidden = { 404: ApiError.describe('No such CE workflow, or not one you may see') }

/** Coordinated Entry enrollment, its guided workflow (versioned step drafts), CE assessments and documents. */
export const ceWorkflowRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const context = (request: { actor: Actor }): CeWorkflowContext => ({
    db,
    actor: request.actor,
    today: todayFrom(deps.clock),
    now: deps.clock.now(),
  })

  app.post(
    '/api/ce-workflows',
    {
      schema: {
        tags,
        summary: 'Enroll a household in a Coordinated Entry project and start its workflow',
        description:
          '409 naming the open one when the household already has an open CE enrollment in the CoC.',
        body: NewCeEnrollment,
        response: { 201: CeWorkflow, 409: ApiError },
      },
    },
    async (request, reply) => reply.status(201).send(await enrollCeHousehold(context(request), request.body)),
  )

  app.get(
    '/api/clients/:id/ce-workflows',
    {
      schema: {
        tags,
        summary: "The client's Coordinated Entry workflows you may see, latest first",
        params: IdParams,
        response: { 200: CeWorkflowSummaryList },
      },
    },
    (request) => listClientCeWorkflows(context(request), request.params.id),
  )

  app.get(
    '/api/ce-workflows/:id',
    {
      schema: {
        tags,
        summary:
          'A CE workflow: steps with drafts and missing elements, running score, documents, assessments',
        params: IdParams,
        response: { 200: CeWorkflow, ...hidden },
      },
    },
    (request) => getCeWorkflow(context(request), request.params.id),
  )

  for (const complete of [false, true]) {
    app.put(
      complete ? '/api/ce-workflows/:id/steps/:step/complete' : '/api/ce-workflows/:id/steps/:step',
      {
        schema: {
          tags,
          summary: complete
            ? 'Complete a step: writes its HUD records (422 listing missing elements; 409 when stale)'
            : "Save a step's draft (409 with the newer version when someone saved it after you loaded it)",
          params: CeStepParams,
          body: CeStepSave,
          response: { 200: CeWorkflow, ...hidden, 409: ApiError, 422: ApiError },
        },
      },
      (request) =>
        saveCeStep(context(request), request.params.id, request.params.step, request.body, complete),
    )
  }

  for (const paused of [true, false]) {
    app.post(
      paused ? '/api/ce-workflows/:id/pause' : '/api/ce-workflows/:id/resume',
      {
        schema: {
          tags,
          summary: paused
            ? 'Pause the workflow (any CE user of the CoC may resume it)'
            : 'Resume a paused workflow',
          params: IdParams,
          response: { 200: CeWorkflow, ...hidden },
        },
      },
      (request) => setCeWorkflowPaused(context(request), request.params.id, paused),
    )
  }

  app.get(
    '/api/enrollments/:id/ce-assessments',
    {
      schema: {
        tags,
        summary:
          "HUD 4.19 CE assessments of a CE enrollment's household, latest first, with the annual window",
        params: IdParams,
        response: { 200: CeAssessmentList },
      },
    },
    (request) => listCeAssessments(context(request), request.params.id),
  )

  app.get(
    '/api/ce-assessments/:id',
    {
      schema: {
        tags,
        summary: 'One CE assessment with its answers, score, sub-scores and tool version',
        params: IdParams,
        response: { 200: CeAssessment },
      },
    },
    (request) => getCeAssessment(context(request), request.params.id),
  )

  app.get(
    '/api/ce-documents/:id',
    {
      schema: { tags, summary: 'Download a CE document (audited)', params: IdParams },
    },
    async (request, reply) => {
      const document = await downloadCeDocument(context(request), request.params.id)
      return reply
        .header('Content-Type', document.contentType)
        .header('Content-Disposition', attachmentDisposition(document.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .send(document.content)
    },
  )

  // Multipart is accepted by this one route only: the rest of the API takes JSON.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: CE_DOCUMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    })
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/ce-workflows/:id/documents',
      {
        schema: {
          tags,
          summary: 'Upload a document (multipart/form-data, one file: PDF, PNG or JPEG, at most 5 MB)',
          params: IdParams,
          querystring: CeDocumentQuery,
          response: { 200: CeWorkflow, ...hidden, 413: ApiError, 415: ApiError },
        },
      },
      (request) =>
        uploadCeDocument(context(request), request.params.id, request.query.documentType, () =>
          readUploadedFile(request),
        ),
    )
  })
}
