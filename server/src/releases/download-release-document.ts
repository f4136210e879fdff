import { recordAudit } from '../audit/record-audit'
import { notFound } from '../http/errors'
import { loadVisibleRelease, type ReleaseContext } from './release-access'
import type { ReleaseDocumentType } from './release-document'

/** The scanned form of a release, for whoever may see the client's identity; every download is audited. */
export async function downloadReleaseDocument(
  context: ReleaseContext,
  id: string,
): Promise<{ fileName: string; contentType: ReleaseDocumentType; content: Buffer }> {
  const { db, actor } = context
  const action = 'release.document.read'
  const { client } = await loadVisibleRelease(context, id, action)
  const document = await db
    .selectFrom('client_release_document')
    .select(['file_name as fileName', 'content_type as contentType', 'content'])
    .where('release_id', '=', id)
    .executeTakeFirst()
  if (!document) throw notFound('document for this release')
  await recordAudit(db, actor, {
    action,
    entityType: 'release',
    entityId: id,
    details: { clientId: client.id },
  })
  return document
}
