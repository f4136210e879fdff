import { RELEASE_DOCUMENT_TYPES } from '@threshold/core'
import { AppError } from '../http/errors'

export type ReleaseDocumentType = (typeof RELEASE_DOCUMENT_TYPES)[number]

const SIGNATURES: { type: ReleaseDocumentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
]

/** What the file really is, by its first bytes; undefined for anything but PDF, PNG or JPEG. */
export function detectDocumentType(content: Uint8Array): ReleaseDocumentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte))?.type
}

export const isReleaseDocumentType = (type: string): type is ReleaseDocumentType =>
  (RELEASE_DOCUMENT_TYPES as readonly string[]).includes(type)

export interface UploadedFile {
  fileName: string | undefined
  /** The Content-Type the browser declared for the file part. */
  declaredType: string
  content: Buffer
}

const TYPE_LABELS: Record<ReleaseDocumentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
}

export const documentTooLarge = () =>
  new AppError('payload_too_large', 'The document is larger than 5 MB; scan it at a lower resolution')

/**
 * The checks every uploaded document passes (release forms, CE documents): PDF, PNG or JPEG as declared,
 * not empty, at most `maxBytes`, and the first bytes prove the declared type, so a renamed program is
 * refused. Returns the type.
 */
export function checkUploadedDocument(file: UploadedFile, maxBytes: number): ReleaseDocumentType {
  const declaredType = file.declaredType.toLowerCase().split(';')[0]!.trim()
  if (!isReleaseDocumentType(declaredType)) {
    throw new AppError(
      'unsupported_media_type',
      `Only PDF, PNG or JPEG files are accepted; this file was sent as "${declaredType || 'unknown'}"`,
    )
  }
  if (file.content.length === 0) throw new AppError('invalid_input', 'The file is empty')
  if (file.content.length > maxBytes) throw documentTooLarge()
  if (detectDocumentType(file.content) !== declaredType) {
    throw new AppError(
      'unsupported_media_type',
      `The file's contents are not a ${TYPE_LABELS[declaredType]} although it was sent as one; only real PDF, PNG or JPEG files are accepted`,
    )
  }
  return declaredType
}

const EXTENSIONS: Record<ReleaseDocumentType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

/** Control characters and quotes never belong in a stored or echoed file name. */
const isUnsafeCharacter = (character: string) =>
  character < ' ' || character === '\u007f' || character === '"'

/** A file name safe to store and echo: no directories, control characters or quotes; bounded length. */
export function cleanFileName(name: string | undefined, type: ReleaseDocumentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = [...base]
    .filter((character) => !isUnsafeCharacter(character))
    .join('')
    .trim()
    .slice(-200)
  return cleaned || `release.${EXTENSIONS[type]}`
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
