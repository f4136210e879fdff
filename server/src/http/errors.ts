/** Every failure a use case can report, with the HTTP status it maps to. */
export const ERROR_STATUS = {
  invalid_input: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  possible_duplicates: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

/** The answer for an id that does not exist *and* for one the actor may not see: no existence oracle. */
export const notFound = (entity = 'record') => new AppError('not_found', `No such ${entity}`)
