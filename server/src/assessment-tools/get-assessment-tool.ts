import type { AssessmentTool } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeAssessmentTool } from '../access/assessment-tool-policy'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { describeAssessmentTools, findAssessmentTool, TOOL_ENTITY } from './assessment-tools.repository'

export async function getAssessmentTool({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<AssessmentTool> {
  const tool = await loadVisible({
    db,
    actor,
    entityType: TOOL_ENTITY,
    label: 'assessment tool',
    id,
    load: findAssessmentTool,
    canSee: canSeeAssessmentTool,
  })
  const [described] = await describeAssessmentTools(db, actor, [tool])
  if (!described) throw new Error(`assessment tool ${id} vanished while being read`)
  return described
}
