import type { AssessmentTool, NewAssessmentTool } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageAssessmentTools } from '../access/assessment-tool-policy'
import { assertPermitted } from '../access/load-visible'
import { isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { TOOL_ENTITY } from './assessment-tools.repository'
import { getAssessmentTool } from './get-assessment-tool'

/** A new tool of the actor's CoC, with its definition as draft version 1. */
export async function createAssessmentTool({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  input: NewAssessmentTool
}): Promise<AssessmentTool> {
  const action = 'assessment_tool.create'
  const cocId = isUser(actor) ? actor.cocId : null
  await assertPermitted(db, actor, cocId !== null && canManageAssessmentTools(actor, { id: cocId }), {
    action,
    entityType: TOOL_ENTITY,
    message: "Only the CoC's administrators can add assessment tools",
  })
  const toolId = await db.transaction().execute(async (trx) => {
    const userId = isUser(actor) ? actor.userId : null
    const tool = await trx
      .insertInto('assessment_tool')
      .values({ coc_id: cocId as string, name: input.definition.name, created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow()
    const version = await trx
      .insertInto('assessment_tool_version')
      .values({
        tool_id: tool.id,
        version: 1,
        definition: JSON.stringify(input.definition),
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: TOOL_ENTITY,
      entityId: tool.id,
      details: { versionId: version.id, version: 1 },
    })
    return tool.id
  })
  return getAssessmentTool({ db, actor, id: toolId })
}
