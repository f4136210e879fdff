import type { Actor } from './actor'
import { canAdministerCoc, canManageProject, canSeeCoc, canSeeProject } from './policy'

// Eligibility rules say who a program serves: public inside the CoC (intake workers screen against them),
// changed by whoever manages the program (the CoC's admins, or the operating agency's admin). The CoC's
// area median income figures are CoC settings: read by the CoC, set by its admins.

export interface RuleTargetAccessFacts {
  organizationId: string
  cocId: string
}

export function canSeeEligibilityRules(actor: Actor, target: RuleTargetAccessFacts): boolean {
  return canSeeProject(actor, target)
}

export function canEditEligibilityRules(actor: Actor, target: RuleTargetAccessFacts): boolean {
  return canManageProject(actor, target)
}

export function canSeeAreaMedianIncome(actor: Actor, coc: { id: string }): boolean {
  return canSeeCoc(actor, coc)
}

export function canSetAreaMedianIncome(actor: Actor, coc: { id: string }): boolean {
  return canAdministerCoc(actor, coc)
}
