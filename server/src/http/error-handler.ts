import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode } from './errors'

interface PgError {
  code?: string
  constraint?: string
}

// PostgreSQL error classes that mean "your input was wrong", never "the server broke".
const PG_INPUT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  '22P05': { code: 'invalid_input', message: 'Text must not contain NUL characters' },
  '22021': { code: 'invalid_input', message: 'Text is not valid UTF-8' },
  '22007': { code: 'invalid_input', message: 'A date or time is not valid' },
  '22008': { code: 'invalid_input', message: 'A date or time is out of range' },
  '22001': { code: 'invalid_input', message: 'A value is too long' },
  '22003': { code: 'invalid_input', message: 'A number is out of range' },
  '22P02': { code: 'invalid_input', message: 'A value has the wrong format' },
  '23505': { code: 'conflict', message: 'That already exists' },
  '23P01': { code: 'conflict', message: 'That conflicts with an existing record' },
  '40001': { code: 'conflict', message: 'Someone else changed this at the same time; try again' },
  '23503': { code: 'unprocessable', message: 'A referenced record does not exist' },
  '23514': { code: 'unprocessable', message: 'A value breaks a rule of this record' },
}

const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the request body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_input',
    message: 'The Content-Length header is wrong',
  },
}

function send(reply: import('fastify').FastifyReply, error: AppError) {
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    },
  })
}

/** One error shape for the whole API; bad input is a 4xx with a clear message, never a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    if (error instanceof AppError) return send(reply, error)
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: issue.message,
      }))
      const summary = details.map((detail) => `${detail.path} ${detail.message}`).join('; ')
      return send(reply, new AppError('invalid_input', `Invalid input: ${summary}`, details))
    }
    const fastifyError = error.code ? FASTIFY_ERRORS[error.code] : undefined
    if (fastifyError) return send(reply, new AppError(fastifyError.code, fastifyError.message))
    if (error instanceof SyntaxError)
      return send(reply, new AppError('malformed_json', 'The request body is not valid JSON'))
    const pgError = error.code ? PG_INPUT_ERRORS[error.code] : undefined
    if (pgError) return send(reply, new AppError(pgError.code, pgError.message))
    if (error.statusCode === 429)
      return send(reply, new AppError('too_many_requests', 'Too many requests; wait a minute'))
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'invalid_input', message: error.message } })
    }
    // Log the class of failure, not the message: driver messages can echo personal data.
    request.log.error({ errName: error.name, errCode: error.code, stack: error.stack }, 'unhandled error')
    return send(reply, new AppError('internal', 'Something went wrong on the server; the error was logged'))
  })

  app.setNotFoundHandler((request, reply) =>
    send(reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  )
}
