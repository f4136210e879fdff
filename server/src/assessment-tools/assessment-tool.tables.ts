import type { AssessmentToolDefinition, AssessmentToolStatus } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

/** A CoC's scored questionnaire; its content lives in versions. */
export interface AssessmentToolTable {
  id: Generated<string>
  coc_id: string
  /** The latest published version's name (the first draft's until then). */
  name: string
  status: Generated<AssessmentToolStatus>
  created_at: CreatedAt
  created_by: string | null
  updated_at: Timestamp
}

/** One version of a tool's definition; once published, a trigger refuses any change (scores cite it). */
export interface AssessmentToolVersionTable {
  id: Generated<string>
  tool_id: string
  version: number
  definition: ColumnType<AssessmentToolDefinition, string, string>
  created_at: CreatedAt
  created_by: string | null
  published_at: Timestamp | null
  published_by: string | null
}

export interface AssessmentToolTables {
  assessment_tool: AssessmentToolTable
  assessment_tool_version: AssessmentToolVersionTable
}
