/** One problem with one input, as the server reports it for a 400 (`path` like `body.name`). */
export interface FieldIssue {
  path: string
  message: string
}

/** A failed API call, carrying the server's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The per-field problems of a 400, with the `body.` / `query.` prefix removed so they match form paths. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return []
    return this.details
      .filter(
        (issue): issue is FieldIssue => typeof issue?.path === 'string' && typeof issue?.message === 'string',
      )
      .map((issue) => ({
        path: issue.path.replace(/^(body|querystring|query|params)\.?/, ''),
        message: issue.message,
      }))
  }
}

/**
 * Called when a signed-in user's session turns out to have expired: resolves once they have signed in
 * again (the request is then retried), rejects if they gave up. Installed by the session provider.
 */
type Reauthenticate = () => Promise<void>

let reauthenticate: Reauthenticate | null = null
let pendingReauthentication: Promise<void> | null = null

export function setReauthenticationHandler(handler: Reauthenticate | null): void {
  reauthenticate = handler
}

/** Every 401 that arrives while the dialog is open waits for the same sign-in. */
function reauthenticateOnce(handler: Reauthenticate): Promise<void> {
  pendingReauthentication ??= handler().finally(() => {
    pendingReauthentication = null
  })
  return pendingReauthentication
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  /** Sign-in calls answer 401 for a wrong password: that is the form's error, not an expired session. */
  skipReauthentication?: boolean
}

function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null)
  const error = body?.error
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details)
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'unexpected_response',
    response.status >= 500
      ? 'The server could not complete the request. Try again in a moment.'
      : `The server answered ${response.status} ${response.statusText}`.trim(),
  )
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.')
  }
}

/** Calls the API; JSON in and out. An expired session asks the user to sign in again, then retries once. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options)
  if (response.status === 401 && reauthenticate && !options.skipReauthentication) {
    const error = await toApiError(response)
    if (error.code !== 'unauthenticated') throw error
    await reauthenticateOnce(reauthenticate).catch(() => {
      throw error
    })
    response = await send(method, path, options)
  }
  if (!response.ok) throw await toApiError(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => apiRequest<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
}
