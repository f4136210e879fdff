import {
  CLOSED_QUEUE_STATUSES,
  describeNode,
  type EligibilityFacts,
  type EligibilityPreview,
  type EligibilityPreviewRequest,
  type EligibilityRuleSet,
  evaluateRuleSet,
} from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canEditEligibilityRules } from '../access/eligibility-policy'
import { assertPermitted } from '../access/load-visible'
import type { DB } from '../db/schema'
import { assertCeProjectsExist, ceProjectNames, RULES_ENTITY } from './eligibility.repository'
import { loadRuleTarget } from './get-project-eligibility'
import { loadEligibilityFacts } from './load-eligibility-facts'

const ACTION = 'eligibility_rules.preview'

/** "412 queued households eligible; 9 fewer than before". */
export function previewSummary(eligibleWithChange: number, difference: number): string {
  const households = `${eligibleWithChange} queued household${eligibleWithChange === 1 ? '' : 's'} eligible`
  if (difference === 0) return `${households}; no change`
  return `${households}; ${Math.abs(difference)} ${difference < 0 ? 'fewer' : 'more'} than before`
}

const passing = (
  ruleSet: EligibilityRuleSet,
  facts: Iterable<EligibilityFacts>,
  names: Record<string, string>,
) => {
  let pass = 0
  let unknown = 0
  for (const householdFacts of facts) {
    const { outcome } = evaluateRuleSet(ruleSet, householdFacts, { projectNames: names })
    if (outcome === 'pass') pass++
    else if (outcome === 'unknown') unknown++
  }
  return { pass, unknown }
}

/**
 * What edited rules would do, before saving: how many households waiting on the CoC's queues (not housed or
 * exited) pass the edited rules, against the saved ones. Counts only: no household is named.
 */
export async function previewProjectEligibility({
  db,
  actor,
  projectId,
  input,
  today,
}: {
  db: Kysely<DB>
  actor: Actor
  projectId: string
  input: EligibilityPreviewRequest
  today: string
}): Promise<EligibilityPreview> {
  const target = await loadRuleTarget(db, actor, projectId, ACTION)
  await assertPermitted(db, actor, canEditEligibilityRules(actor, target), {
    action: ACTION,
    entityType: RULES_ENTITY,
    entityId: target.id,
    message: "Only those who may change this project's eligibility rules can preview changes",
  })
  const names = await ceProjectNames(db, target.cocId)
  assertCeProjectsExist(input.ruleSet, names)
  const [saved, queued] = await Promise.all([
    db
      .selectFrom('eligibility_rule_set')
      .select('rules')
      .where('target_type', '=', 'project')
      .where('target_id', '=', target.id)
      .executeTakeFirst(),
    db
      .selectFrom('queue_entry')
      .select('enrollment_household_id')
      .where('coc_id', '=', target.cocId)
      .where('status', 'not in', CLOSED_QUEUE_STATUSES)
      .execute(),
  ])
  const facts = await loadEligibilityFacts(db, {
    enrollmentHouseholdIds: queued.map((row) => row.enrollment_household_id),
    asOf: today,
  })
  const before = passing(saved?.rules ?? { rules: [] }, facts.values(), names)
  const after = passing(input.ruleSet, facts.values(), names)
  const difference = after.pass - before.pass
  return {
    queuedHouseholds: queued.length,
    eligibleNow: before.pass,
    eligibleWithChange: after.pass,
    unknownWithChange: after.unknown,
    difference,
    summary: previewSummary(after.pass, difference),
    descriptions: input.ruleSet.rules.map((rule) => describeNode(rule, { projectNames: names })),
  }
}
