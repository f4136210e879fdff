import { RELEASE_DOCUMENT_MAX_BYTES, RELEASE_DOCUMENT_TYPES } from '@threshold/core'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export const DOCUMENT_TYPE_LABELS: Record<(typeof RELEASE_DOCUMENT_TYPES)[number], string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
}

/** Why the server would refuse this file, checked before it is sent (the server checks again). */
export function documentProblem(file: File): string | null {
  if (!(RELEASE_DOCUMENT_TYPES as readonly string[]).includes(file.type)) {
    return 'The scanned form must be a PDF, PNG or JPEG file'
  }
  if (file.size > RELEASE_DOCUMENT_MAX_BYTES) {
    return `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(RELEASE_DOCUMENT_MAX_BYTES)}`
  }
  return null
}
