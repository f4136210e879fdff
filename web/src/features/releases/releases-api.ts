import type { ClientReleases, NewRelease, Release, ReleaseRevocation } from '@threshold/core'
import { ApiError, api } from '../../api/client'

const releasePath = (id: string) => `/api/releases/${encodeURIComponent(id)}`

export const releaseKeys = {
  all: ['releases'] as const,
  ofClient: (clientId: string) => ['releases', 'of-client', clientId] as const,
}

/** Reads the API's `{ error }` answer of a failed upload (the JSON client reads it for every other call). */
async function uploadError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown }
  } | null
  const error = body?.error
  return new ApiError(
    response.status,
    error?.code ?? 'unexpected_response',
    error?.message ?? 'The document could not be uploaded. Try again in a moment.',
    error?.details,
  )
}

/**
 * Sends one file as multipart (which the JSON client does not send). A cheap signed-in call goes first so
 * that an expired session opens the sign-in dialog before the file is sent, not after.
 */
export async function uploadFile<T>(url: string, file: File): Promise<T> {
  await api.get('/api/auth/me')
  const body = new FormData()
  body.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', body })
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.')
  }
  if (!response.ok) throw await uploadError(response)
  return (await response.json()) as T
}

export const releasesApi = {
  ofClient: (clientId: string) =>
    api.get<ClientReleases>(`/api/clients/${encodeURIComponent(clientId)}/releases`),
  record: (clientId: string, release: NewRelease) =>
    api.post<Release>(`/api/clients/${encodeURIComponent(clientId)}/releases`, release),
  revoke: (id: string, revocation: ReleaseRevocation) =>
    api.post<Release>(`${releasePath(id)}/revoke`, revocation),
  recordSignedForm: (id: string) => api.post<Release>(`${releasePath(id)}/signed`),
  documentUrl: (id: string) => `${releasePath(id)}/document`,
  /** Attaches the scanned form. */
  uploadDocument: (id: string, file: File) => uploadFile<Release>(`${releasePath(id)}/document`, file),
}
