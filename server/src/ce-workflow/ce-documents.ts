import {
  CE_DOCUMENT_MAX_BYTES,
  CE_DOCUMENT_TYPE_LABELS,
  type CeDocumentType,
  type CeWorkflow,
} from '@threshold/core'
import { canSeeCeWorkflow } from '../access/ce-workflow-policy'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { checkUploadedDocument, cleanFileName, type UploadedFile } from '../releases/release-document'
import { loadCeWorkflow } from './ce-workflow.repository'
import { type CeWorkflowContext, loadWorkableCeWorkflow } from './ce-workflow-access'
import { presentCeWorkflow } from './present-ce-workflow'

// Documents of a CE household (ID, homelessness, disability and income verification…): PDF, PNG or JPEG,
// at most 5 MB, the type proven by the file's first bytes, as for release forms. Kept, never replaced.

export async function uploadCeDocument(
  context: CeWorkflowContext,
  id: string,
  documentType: CeDocumentType,
  readFile: () => Promise<UploadedFile>,
): Promise<CeWorkflow> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'ce_document.upload'
  const workflow = await loadWorkableCeWorkflow(context, id, action)
  // Read only once the workflow is known to be the actor's to work on: outsiders get 404 whatever they send.
  const file = await readFile()
  const declaredType = checkUploadedDocument(file, CE_DOCUMENT_MAX_BYTES)
  await db.transaction().execute(async (trx) => {
    const document = await trx
      .insertInto('ce_document')
      .values({
        workflow_id: id,
        enrollment_household_id: workflow.row.enrollment_household_id,
        document_type: documentType,
        file_name: cleanFileName(file.fileName, declaredType),
        content_type: declaredType,
        size_bytes: file.content.length,
        content: file.content,
        owner_organization_id: actor.organizationId,
        uploaded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'ce_document',
      entityId: document.id,
      details: {
        workflowId: id,
        clientId: workflow.head.row.client_id,
        documentType,
        contentType: declaredType,
        sizeBytes: file.content.length,
      },
    })
  })
  return presentCeWorkflow(db, actor, (await loadCeWorkflow(db, actor, { id }, today))!, today)
}

export async function downloadCeDocument(context: CeWorkflowContext, id: string) {
  const { db, actor, today } = context
  const action = 'ce_document.download'
  const document = await loadVisible({
    db,
    actor,
    entityType: 'ce_document',
    id,
    action,
    label: 'CE document',
    load: async (database, documentId) => {
      const row = await database
        .selectFrom('ce_document')
        .select(['id', 'workflow_id', 'file_name', 'content_type', 'content', 'document_type'])
        .where('id', '=', documentId)
        .executeTakeFirst()
      const workflow = row && (await loadCeWorkflow(database, actor, { id: row.workflow_id }, today))
      return row && workflow ? { ...workflow, document: row } : undefined
    },
    canSee: canSeeCeWorkflow,
  })
  await recordAudit(db, actor, {
    action,
    entityType: 'ce_document',
    entityId: id,
    details: { clientId: document.head.row.client_id, documentType: document.document.document_type },
  })
  return {
    fileName: document.document.file_name,
    contentType: document.document.content_type,
    content: document.document.content,
    label: CE_DOCUMENT_TYPE_LABELS[document.document.document_type as CeDocumentType],
  }
}
