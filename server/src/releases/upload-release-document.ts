import { RELEASE_DOCUMENT_MAX_BYTES, type Release } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { loadVisibleRelease, type ReleaseContext } from './release-access'
import { cleanFileName, detectDocumentType, isReleaseDocumentType } from './release-document'
import { releaseView } from './releases.repository'

const TYPE_LABELS = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' }

export interface UploadedFile {
  fileName: string | undefined
  /** The Content-Type the browser declared for the file part. */
  declaredType: string
  content: Buffer
}

/**
 * Attaches the scanned form to a release (one per release, never replaced). The declared type must be
 * PDF, PNG or JPEG and the file's first bytes must prove it: a renamed program is refused.
 */
export async function uploadReleaseDocument(
  context: ReleaseContext,
  id: string,
  readFile: () => Promise<UploadedFile>,
): Promise<Release> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'release.document.upload'
  const { release, client } = await loadVisibleRelease(context, id, action, 'change')
  // Read only once the release is known to be the actor's to change: outsiders get 404 whatever they send.
  const file = await readFile()
  const declaredType = file.declaredType.toLowerCase().split(';')[0]!.trim()
  if (!isReleaseDocumentType(declaredType)) {
    throw new AppError(
      'unsupported_media_type',
      `Only PDF, PNG or JPEG files are accepted; this file was sent as "${declaredType || 'unknown'}"`,
    )
  }
  if (file.content.length === 0) throw new AppError('invalid_input', 'The file is empty')
  if (file.content.length > RELEASE_DOCUMENT_MAX_BYTES) throw documentTooLarge()
  if (detectDocumentType(file.content) !== declaredType) {
    throw new AppError(
      'unsupported_media_type',
      `The file's contents are not a ${TYPE_LABELS[declaredType]} although it was sent as one; only real PDF, PNG or JPEG files are accepted`,
    )
  }
  if (release.documentFileName !== null) throw documentExists()

  await db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('client_release_document')
        .values({
          release_id: id,
          file_name: cleanFileName(file.fileName, declaredType),
          content_type: declaredType,
          size_bytes: file.content.length,
          content: file.content,
          uploaded_by: actor.userId,
        })
        .execute()
      await recordAudit(trx, actor, {
        action,
        entityType: 'release',
        entityId: id,
        details: { clientId: client.id, contentType: declaredType, sizeBytes: file.content.length },
      })
    })
    .catch((error: { code?: string }) => {
      throw error?.code === '23505' ? documentExists() : error
    })
  return releaseView(db, actor, id, client.restriction, today)
}

export const documentTooLarge = () =>
  new AppError('payload_too_large', 'The document is larger than 5 MB; scan it at a lower resolution')

const documentExists = () =>
  new AppError('conflict', 'This release already has a document; documents are kept, never replaced')
