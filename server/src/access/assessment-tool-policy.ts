import type { Actor } from './actor'
import { canAdministerCoc, canSeeCoc } from './policy'

// Assessment tools belong to a CoC: its administrators write them; everyone working in the CoC reads the
// published ones (drafts are unfinished work, shown only to those who can change them).

export interface AssessmentToolAccessFacts {
  cocId: string
  /** Whether any version has been published. */
  published: boolean
}

export function canManageAssessmentTools(actor: Actor, coc: { id: string }): boolean {
  return canAdministerCoc(actor, coc)
}

/** A tool, or one of its versions: `published` is then the version's own state. */
export function canSeeAssessmentTool(actor: Actor, tool: AssessmentToolAccessFacts): boolean {
  if (canManageAssessmentTools(actor, { id: tool.cocId })) return true
  return tool.published && canSeeCoc(actor, { id: tool.cocId })
}
