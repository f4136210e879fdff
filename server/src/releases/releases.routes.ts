import fastifyMultipart from '@fastify/multipart'
import {
  ApiError,
  ClientReleases,
  IdParams,
  NewRelease,
  RELEASE_DOCUMENT_MAX_BYTES,
  Release,
  ReleaseRevocation,
} from '@threshold/core'
import type { FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { todayFrom } from '../access/client-visibility'
import type { AppDeps, RoutePlugin } from '../http/app-context'
import { AppError } from '../http/errors'
import { downloadReleaseDocument } from './download-release-document'
import { listClientReleases } from './list-client-releases'
import { recordRelease } from './record-release'
import { recordSignedForm } from './record-signed-form'
import type { ReleaseContext } from './release-access'
import { attachmentDisposition, documentTooLarge, type UploadedFile } from './release-document'
import { revokeRelease } from './revoke-release'
import { uploadReleaseDocument } from './upload-release-document'

const tags = ['releases']
const hidden = { 404: ApiError.describe('No such release or client, or not one you may see') }

/** Releases of information (ROI): record, list, revoke, complete a verbal one, attach the scanned form. */
export const releaseRoutes: RoutePlugin = (app, deps) => {
  const context = releaseContext(deps)

  app.get(
    '/api/clients/:id/releases',
    {
      schema: {
        tags,
        summary: "A client's releases of information, and whether referrals are viewable by other agencies",
        params: IdParams,
        response: { 200: ClientReleases, ...hidden },
      },
    },
    (request) => listClientReleases(context(request), request.params.id),
  )

  app.post(
    '/api/clients/:id/releases',
    {
      schema: {
        tags,
        summary: "Record a client's release of information",
        params: IdParams,
        body: NewRelease,
        response: { 201: Release, ...hidden, 422: ApiError },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordRelease(context(request), request.params.id, request.body)),
  )

  app.post(
    '/api/releases/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a release: from the revocation date it counts for nobody',
        params: IdParams,
        body: ReleaseRevocation,
        response: { 200: Release, ...hidden, 409: ApiError },
      },
    },
    (request) => revokeRelease(context(request), request.params.id, request.body),
  )

  app.post(
    '/api/releases/:id/signed',
    {
      schema: {
        tags,
        summary: 'Record the signed form of a verbal release',
        params: IdParams,
        response: { 200: Release, ...hidden, 409: ApiError },
      },
    },
    (request) => recordSignedForm(context(request), request.params.id),
  )

  app.get(
    '/api/releases/:id/document',
    {
      schema: {
        tags,
        summary: 'Download the scanned form of a release (audited)',
        description:
          'Answers the file as an attachment with its own Content-Type; 404 as for every release route.',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const document = await downloadReleaseDocument(context(request), request.params.id)
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
      limits: { fileSize: RELEASE_DOCUMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    })
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/releases/:id/document',
      {
        schema: {
          tags,
          summary: 'Attach the scanned form (multipart/form-data, one file: PDF, PNG or JPEG, at most 5 MB)',
          params: IdParams,
          response: { 200: Release, ...hidden, 409: ApiError, 413: ApiError, 415: ApiError },
        },
      },
      async (request) =>
        uploadReleaseDocument(context(request), request.params.id, () => readUploadedFile(request)),
    )
  })
}

function releaseContext(deps: AppDeps) {
  return (request: { actor: ReleaseContext['actor'] }): ReleaseContext => ({
    db: deps.database.db,
    actor: request.actor,
    today: todayFrom(deps.clock),
    now: deps.clock.now(),
  })
}

/** The one file of a multipart upload (shared by every document upload route). */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the document as multipart/form-data with one file')
  }
  const part = await request.file()
  if (!part) throw new AppError('invalid_input', 'The form holds no file')
  try {
    return { fileName: part.filename, declaredType: part.mimetype, content: await part.toBuffer() }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw documentTooLarge()
    throw error
  }
}
