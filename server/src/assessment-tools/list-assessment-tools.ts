import type { AssessmentToolSummary } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'
import { describeAssessmentTools, listAssessmentToolRows } from './assessment-tools.repository'

/** The assessment tools of the actor's CoC that they may see, by name. */
export async function listAssessmentTools({
  db,
  actor,
}: {
  db: Kysely<DB>
  actor: Actor
}): Promise<AssessmentToolSummary[]> {
  const tools = await describeAssessmentTools(db, actor, await listAssessmentToolRows(db, actor))
  return tools.map(({ versions: _versions, ...summary }) => summary)
}
