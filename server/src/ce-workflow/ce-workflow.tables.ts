import type { AssessmentAnswers, CeOutcome, CeWorkflowStep } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Jsonb<T> = ColumnType<T, string, string>

/** The guided workflow of one CE enrollment household; closed when the household exits CE. */
export interface CeWorkflowTable {
  id: Generated<string>
  enrollment_household_id: string
  coc_id: string
  /** The head of household: one open CE workflow per head and CoC (a partial unique index). */
  head_client_id: string
  case_manager_user_id: string
  outcome: CeOutcome | null
  outcome_date: string | null
  outcome_recorded_at: Timestamp | null
  outcome_recorded_by: string | null
  paused_at: Timestamp | null
  paused_by: string | null
  closed_at: Timestamp | null
  owner_organization_id: string
  version: Generated<number>
  created_at: CreatedAt
  created_by: string | null
  updated_at: Timestamp
}

/** One step's server-side draft; `version` moves on every save, so a stale save is a 409. */
export interface CeWorkflowStepTable {
  workflow_id: string
  step: CeWorkflowStep
  draft: ColumnType<Record<string, unknown>, string | undefined, string>
  version: Generated<number>
  updated_at: Timestamp | null
  updated_by: string | null
  completed_at: Timestamp | null
  completed_by: string | null
}

/** HUD 4.19 Coordinated Entry Assessment, for the head of household's CE enrollment. */
export interface CeAssessmentTable {
  id: Generated<string>
  enrollment_id: string
  assessment_date: string
  assessment_location_project_id: string
  assessment_type: number
  assessment_level: number
  prioritization_status: number
  tool_version_id: string | null
  answers: Jsonb<AssessmentAnswers> | null
  /** numeric arrives as a string. */
  score: ColumnType<string | null, number | null, number | null>
  sub_scores: Jsonb<Record<string, number>> | null
  owner_organization_id: string
  created_at: CreatedAt
  created_by: string | null
  updated_at: Timestamp
  version: Generated<number>
}

/** A document uploaded for a CE household; `document_type` is one of core's CE_DOCUMENT_TYPES. */
export interface CeDocumentTable {
  id: Generated<string>
  workflow_id: string
  enrollment_household_id: string
  document_type: string
  file_name: string
  content_type: string
  size_bytes: number
  content: Buffer
  owner_organization_id: string
  uploaded_at: CreatedAt
  uploaded_by: string | null
}

export interface CeWorkflowTables {
  ce_workflow: CeWorkflowTable
  ce_workflow_step: CeWorkflowStepTable
  ce_assessment: CeAssessmentTable
  ce_document: CeDocumentTable
}
