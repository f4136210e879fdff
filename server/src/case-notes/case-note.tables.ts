import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export type CaseNoteVersionAction = 'created' | 'updated' | 'locked' | 'unlocked'

/** A case note: its agency (from the author's session) decides who reads it; see access/case-note-policy.ts. */
export interface CaseNoteTable {
  id: Generated<string>
  client_id: string
  coc_id: string
  owner_organization_id: string
  author_user_id: string
  enrollment_id: string | null
  entry_date: string
  regarding: string
  /** Sanitized HTML (case-notes/sanitize-note-html.ts). */
  body_html: string
  /** Its words, for search. */
  plain_text: string
  shareable: Generated<boolean>
  locked: Generated<boolean>
  version: Generated<number>
  created_at: CreatedAt
  updated_at: Timestamp
  updated_by: string | null
  deleted_at: Timestamp | null
  deleted_by: string | null
  deleted_reason: string | null
  search_vector: ColumnType<string, never, never>
}

/** Every saved state of a note (version 1 = as created), with the fields that changed. */
export interface CaseNoteVersionTable {
  case_note_id: string
  version: number
  action: CaseNoteVersionAction
  entry_date: string
  regarding: string
  body_html: string
  shareable: boolean
  locked: boolean
  changed_fields: string[]
  changed_at: CreatedAt
  changed_by: string | null
  organization_id: string | null
}

export interface CaseNoteServiceTable {
  case_note_id: string
  service_record_id: string
}

export interface CaseNoteTables {
  case_note: CaseNoteTable
  case_note_version: CaseNoteVersionTable
  case_note_service: CaseNoteServiceTable
}
