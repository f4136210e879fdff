import type { AssessmentToolVersion } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeAssessmentTool } from '../access/assessment-tool-policy'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import {
  type AssessmentToolVersionRow,
  findAssessmentToolVersion,
  toAssessmentToolVersion,
  VERSION_ENTITY,
} from './assessment-tools.repository'

/** A version the actor may see (drafts only for those who manage the CoC's tools), or 404. */
export function loadVisibleToolVersion(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  action?: string,
): Promise<AssessmentToolVersionRow> {
  return loadVisible({
    db,
    actor,
    entityType: VERSION_ENTITY,
    label: 'assessment tool version',
    id,
    action,
    load: findAssessmentToolVersion,
    canSee: canSeeAssessmentTool,
  })
}

export async function getAssessmentToolVersion({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<AssessmentToolVersion> {
  return toAssessmentToolVersion(await loadVisibleToolVersion(db, actor, id))
}
