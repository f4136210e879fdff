import type { AssessmentToolVersion } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageAssessmentTools } from '../access/assessment-tool-policy'
import { assertPermitted } from '../access/load-visible'
import { isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { VERSION_ENTITY } from './assessment-tools.repository'
import { getAssessmentToolVersion, loadVisibleToolVersion } from './get-assessment-tool-version'

const alreadyPublished = (version: number) =>
  new AppError(
    'conflict',
    `Version ${version} is already published and cannot change; add a new version instead`,
  )

/** Freezes a draft version and makes it the tool's current one (the tool takes the version's name). */
export async function publishAssessmentToolVersion({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<AssessmentToolVersion> {
  const action = 'assessment_tool_version.publish'
  const version = await loadVisibleToolVersion(db, actor, id, action)
  await assertPermitted(db, actor, canManageAssessmentTools(actor, { id: version.cocId }), {
    action,
    entityType: VERSION_ENTITY,
    entityId: id,
    message: "Only the CoC's administrators can publish assessment tools",
  })
  if (version.published) throw alreadyPublished(version.version)
  await db.transaction().execute(async (trx) => {
    const published = await trx
      .updateTable('assessment_tool_version')
      .set({ published_at: sql`now()`, published_by: isUser(actor) ? actor.userId : null })
      .where('id', '=', id)
      .where('published_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!published) throw alreadyPublished(version.version)
    await trx
      .updateTable('assessment_tool')
      .set({ status: 'published', name: version.definition.name, updated_at: sql`now()` })
      .where('id', '=', version.toolId)
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: VERSION_ENTITY,
      entityId: id,
      details: { toolId: version.toolId, version: version.version },
    })
  })
  return getAssessmentToolVersion({ db, actor, id })
}
