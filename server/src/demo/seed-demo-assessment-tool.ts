import { AssessmentToolDefinition, DEMO_ASSESSMENT_TOOL } from '@threshold/core'
import { sql } from 'kysely'
import { type DemoSeed, seededId } from './seed-step'

/** The demo CoC's prioritization tool, published as version 1 by the demo CoC admin. */
export async function seedDemoAssessmentTool(seed: DemoSeed): Promise<void> {
  const definition = AssessmentToolDefinition.parse(DEMO_ASSESSMENT_TOOL)
  const cocAdminId = seededId(seed.userIds, 'coc.admin')
  const tool = await seed.db
    .insertInto('assessment_tool')
    .values({ coc_id: seed.cocId, name: definition.name, status: 'published', created_by: cocAdminId })
    .returning('id')
    .executeTakeFirstOrThrow()
  await seed.db
    .insertInto('assessment_tool_version')
    .values({
      tool_id: tool.id,
      version: 1,
      definition: JSON.stringify(definition),
      created_by: cocAdminId,
      published_at: sql`now()`,
      published_by: cocAdminId,
    })
    .execute()
}
