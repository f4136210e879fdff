import { describeNode, type ProjectEligibility } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canEditEligibilityRules, canSeeEligibilityRules } from '../access/eligibility-policy'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { ceProjectNames, findRuleTarget, RULES_ENTITY, type RuleTarget } from './eligibility.repository'

/** The project (404 unless the actor may see its rules); call it outside a transaction. */
export function loadRuleTarget(db: Kysely<DB>, actor: Actor, projectId: string, action: string) {
  return loadVisible({
    db,
    actor,
    entityType: RULES_ENTITY,
    label: 'project',
    id: projectId,
    action,
    load: findRuleTarget,
    canSee: canSeeEligibilityRules,
  })
}

/** A project's current eligibility rules, in plain language too, with every saved version. */
export async function getProjectEligibility({
  db,
  actor,
  projectId,
}: {
  db: Kysely<DB>
  actor: Actor
  projectId: string
}): Promise<ProjectEligibility> {
  const target = await loadRuleTarget(db, actor, projectId, 'eligibility_rules.read')
  return presentProjectEligibility(db, actor, target)
}

export async function presentProjectEligibility(
  db: Kysely<DB>,
  actor: Actor,
  target: RuleTarget,
): Promise<ProjectEligibility> {
  const current = await db
    .selectFrom('eligibility_rule_set')
    .select(['id', 'version', 'rules'])
    .where('target_type', '=', 'project')
    .where('target_id', '=', target.id)
    .executeTakeFirst()
  const history = current
    ? await db
        .selectFrom('eligibility_rule_set_version as v')
        .leftJoin('app_user as u', 'u.id', 'v.created_by')
        .select(['v.version', 'v.rules', 'v.note', 'v.created_at', 'u.display_name'])
        .where('v.rule_set_id', '=', current.id)
        .orderBy('v.version', 'desc')
        .execute()
    : []
  const ruleSet = current?.rules ?? { rules: [] }
  const projectNames = await ceProjectNames(db, target.cocId)
  return {
    projectId: target.id,
    projectName: target.name,
    projectType: target.projectType,
    version: current?.version ?? 0,
    ruleSet,
    descriptions: ruleSet.rules.map((rule) => describeNode(rule, { projectNames })),
    canEdit: canEditEligibilityRules(actor, target),
    history: history.map((row) => ({
      version: row.version,
      rules: row.rules,
      note: row.note,
      createdAt: row.created_at.toISOString(),
      createdByName: row.display_name,
    })),
  }
}
