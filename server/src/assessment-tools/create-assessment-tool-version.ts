import type { AssessmentToolVersion, NewAssessmentToolVersion } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageAssessmentTools, canSeeAssessmentTool } from '../access/assessment-tool-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { findAssessmentTool, TOOL_ENTITY, VERSION_ENTITY } from './assessment-tools.repository'
import { getAssessmentToolVersion } from './get-assessment-tool-version'

/** A new draft version (the next number); published versions and the scores citing them stay as they are. */
export async function createAssessmentToolVersion({
  db,
  actor,
  toolId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  toolId: string
  input: NewAssessmentToolVersion
}): Promise<AssessmentToolVersion> {
  const action = 'assessment_tool_version.create'
  const tool = await loadVisible({
    db,
    actor,
    entityType: TOOL_ENTITY,
    label: 'assessment tool',
    id: toolId,
    action,
    load: findAssessmentTool,
    canSee: canSeeAssessmentTool,
  })
  await assertPermitted(db, actor, canManageAssessmentTools(actor, { id: tool.cocId }), {
    action,
    entityType: TOOL_ENTITY,
    entityId: tool.id,
    message: "Only the CoC's administrators can change assessment tools",
  })
  const versionId = await db.transaction().execute(async (trx) => {
    // Numbers are handed out one at a time per tool; the unique (tool_id, version) is the backstop.
    await trx.selectFrom('assessment_tool').select('id').where('id', '=', tool.id).forUpdate().execute()
    const latest = await trx
      .selectFrom('assessment_tool_version')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('tool_id', '=', tool.id)
      .executeTakeFirstOrThrow()
    const version = (latest.version ?? 0) + 1
    const row = await trx
      .insertInto('assessment_tool_version')
      .values({
        tool_id: tool.id,
        version,
        definition: JSON.stringify(input.definition),
        created_by: isUser(actor) ? actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: VERSION_ENTITY,
      entityId: row.id,
      details: { toolId: tool.id, version },
    })
    return row.id
  })
  return getAssessmentToolVersion({ db, actor, id: versionId })
}
