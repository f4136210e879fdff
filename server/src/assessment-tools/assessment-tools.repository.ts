import type {
  AssessmentTool,
  AssessmentToolDefinition,
  AssessmentToolStatus,
  AssessmentToolSummary,
  AssessmentToolVersion,
  AssessmentToolVersionSummary,
} from '@threshold/core'
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { Actor } from '../access/actor'
import { type AssessmentToolAccessFacts, canManageAssessmentTools } from '../access/assessment-tool-policy'
import { isSystem, isUser } from '../access/policy'
import type { DB } from '../db/schema'

export const TOOL_ENTITY = 'assessment_tool'
export const VERSION_ENTITY = 'assessment_tool_version'

export interface AssessmentToolRow extends AssessmentToolAccessFacts {
  id: string
  name: string
  status: AssessmentToolStatus
}

export interface AssessmentToolVersionRow extends AssessmentToolAccessFacts {
  id: string
  toolId: string
  toolName: string
  version: number
  definition: AssessmentToolDefinition
  createdAt: Date
  publishedAt: Date | null
  publishedByName: string | null
}

const anyPublishedVersion = (eb: ExpressionBuilder<DB, 'assessment_tool'>) =>
  eb.exists(
    eb
      .selectFrom('assessment_tool_version as published_version')
      .select('published_version.id')
      .whereRef('published_version.tool_id', '=', 'assessment_tool.id')
      .where('published_version.published_at', 'is not', null),
  )

/**
 * Mirrors `canSeeAssessmentTool` for lists: the CoC's administrators see every tool of their CoC, everyone
 * else in the CoC the tools with a published version.
 */
export function assessmentToolsVisibleTo(
  actor: Actor,
): (eb: ExpressionBuilder<DB, 'assessment_tool'>) => Expression<SqlBool> {
  if (isSystem(actor) || (isUser(actor) && actor.role === 'system_admin')) return (eb) => eb.lit(true)
  if (!isUser(actor)) return (eb) => eb.lit(false)
  if (canManageAssessmentTools(actor, { id: actor.cocId }))
    return (eb) => eb('assessment_tool.coc_id', '=', actor.cocId)
  return (eb) => eb.and([eb('assessment_tool.coc_id', '=', actor.cocId), anyPublishedVersion(eb)])
}

function selectTools(db: Kysely<DB>) {
  return db
    .selectFrom('assessment_tool')
    .select((eb) => [
      'assessment_tool.id',
      'assessment_tool.coc_id as cocId',
      'assessment_tool.name',
      'assessment_tool.status',
      anyPublishedVersion(eb).$castTo<boolean>().as('published'),
    ])
}

export function findAssessmentTool(db: Kysely<DB>, id: string): Promise<AssessmentToolRow | undefined> {
  return selectTools(db).where('assessment_tool.id', '=', id).executeTakeFirst()
}

function selectVersions(db: Kysely<DB>) {
  return db
    .selectFrom('assessment_tool_version')
    .innerJoin('assessment_tool', 'assessment_tool.id', 'assessment_tool_version.tool_id')
    .leftJoin('app_user as publisher', 'publisher.id', 'assessment_tool_version.published_by')
    .select((eb) => [
      'assessment_tool_version.id',
      'assessment_tool_version.tool_id as toolId',
      'assessment_tool.name as toolName',
      'assessment_tool.coc_id as cocId',
      'assessment_tool_version.version',
      'assessment_tool_version.definition',
      'assessment_tool_version.created_at as createdAt',
      'assessment_tool_version.published_at as publishedAt',
      'publisher.display_name as publishedByName',
      eb('assessment_tool_version.published_at', 'is not', null).$castTo<boolean>().as('published'),
    ])
}

export function findAssessmentToolVersion(
  db: Kysely<DB>,
  id: string,
): Promise<AssessmentToolVersionRow | undefined> {
  return selectVersions(db).where('assessment_tool_version.id', '=', id).executeTakeFirst()
}

const toVersionSummary = (row: AssessmentToolVersionRow): AssessmentToolVersionSummary => ({
  id: row.id,
  version: row.version,
  published: row.published,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  publishedByName: row.publishedByName,
  createdAt: row.createdAt.toISOString(),
})

export const toAssessmentToolVersion = (row: AssessmentToolVersionRow): AssessmentToolVersion => ({
  ...toVersionSummary(row),
  toolId: row.toolId,
  toolName: row.toolName,
  definition: row.definition,
})

/** The latest published version is the current one: new assessments are scored with it. */
const currentVersionOf = (versions: AssessmentToolVersionRow[]) =>
  versions.filter((version) => version.published).sort((a, b) => b.version - a.version)[0]

/** Tools with their versions (newest first), drafts only for those who may manage the tools. */
export async function describeAssessmentTools(
  db: Kysely<DB>,
  actor: Actor,
  tools: AssessmentToolRow[],
): Promise<AssessmentTool[]> {
  if (tools.length === 0) return []
  const versions = await selectVersions(db)
    .where(
      'assessment_tool_version.tool_id',
      'in',
      tools.map((tool) => tool.id),
    )
    .orderBy('assessment_tool_version.version', 'desc')
    .execute()
  return tools.map((tool) => {
    const own = versions.filter((version) => version.toolId === tool.id)
    const current = currentVersionOf(own)
    const shown = canManageAssessmentTools(actor, { id: tool.cocId })
      ? own
      : own.filter((row) => row.published)
    const summary: AssessmentToolSummary = {
      id: tool.id,
      cocId: tool.cocId,
      name: tool.name,
      status: tool.status,
      currentVersion: current ? toVersionSummary(current) : null,
    }
    return { ...summary, versions: shown.map(toVersionSummary) }
  })
}

export function listAssessmentToolRows(db: Kysely<DB>, actor: Actor): Promise<AssessmentToolRow[]> {
  return selectTools(db)
    .where(assessmentToolsVisibleTo(actor))
    .orderBy('assessment_tool.name')
    .orderBy('assessment_tool.id')
    .execute()
}
