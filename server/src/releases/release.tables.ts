import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export type ReleaseScope = 'coc' | 'organizations'
export type ReleaseDocumentation = 'signed' | 'verbal'

/** A client's consent to share (ROI): what (identity, project data), with whom (CoC or named agencies), when. */
export interface ClientReleaseTable {
  id: Generated<string>
  client_id: string
  coc_id: string
  recorded_by_organization_id: string
  release_identity: boolean
  release_project_data: boolean
  scope: ReleaseScope
  /** The agencies a scope-`organizations` release names; empty for scope `coc`. */
  organization_ids: Generated<string[]>
  start_date: string
  /** Last day the release is in force (inclusive). */
  end_date: string
  documentation: ReleaseDocumentation
  witness_user_id: string
  /** Who signed: the client, or their head of household for a minor. */
  signed_by_client_id: string
  /** When a verbal release got its signed form recorded. */
  signed_form_recorded_at: Timestamp | null
  signed_form_recorded_by: string | null
  revoked_on: string | null
  revoked_by: string | null
  revoked_reason: string | null
  created_at: CreatedAt
  created_by: string
}

/** The optional scanned form; kept apart so release lists never load file bytes. */
export interface ClientReleaseDocumentTable {
  release_id: string
  file_name: string
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg'
  size_bytes: number
  content: ColumnType<Buffer, Buffer, never>
  uploaded_at: CreatedAt
  uploaded_by: string
}

export interface ReleaseTables {
  client_release: ClientReleaseTable
  client_release_document: ClientReleaseDocumentTable
}
