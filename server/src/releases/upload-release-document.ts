import { RELEASE_DOCUMENT_MAX_BYTES, type Release } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { loadVisibleRelease, type ReleaseContext } from './release-access'
import { checkUploadedDocument, cleanFileName, type UploadedFile } from './release-document'
import { releaseView } from './releases.repository'

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
  const declaredType = checkUploadedDocument(file, RELEASE_DOCUMENT_MAX_BYTES)
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

const documentExists = () =>
  new AppError('conflict', 'This release already has a document; documents are kept, never replaced')
