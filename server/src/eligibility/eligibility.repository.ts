import {
  type EligibilityFacts,
  type EligibilityRuleSet,
  evaluateRuleSet,
  isGroup,
  PROJECT_TYPES,
  type RuleSetResult,
  EligibilityRuleSet as RuleSetSchema,
} from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

type Db = Kysely<DB> | Transaction<DB>

export const RULES_ENTITY = 'project'

/** A project as a rule target, with what the access predicates need. */
export interface RuleTarget {
  id: string
  name: string
  projectType: number
  organizationId: string
  organizationName: string
  cocId: string
}

export function findRuleTarget(db: Db, id: string): Promise<RuleTarget | undefined> {
  return db
    .selectFrom('project as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.name',
      'p.project_type as projectType',
      'p.organization_id as organizationId',
      'o.name as organizationName',
      'p.coc_id as cocId',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst()
}

export interface ProjectRules extends RuleTarget {
  version: number
  ruleSet: EligibilityRuleSet
}

/** The active projects of a CoC that have at least one rule (optionally only some projects or types). */
export async function loadProjectRules(
  db: Db,
  {
    cocId,
    projectIds,
    projectTypes,
  }: { cocId: string; projectIds?: readonly string[]; projectTypes?: readonly number[] },
): Promise<ProjectRules[]> {
  if (projectIds?.length === 0 || projectTypes?.length === 0) return []
  let query = db
    .selectFrom('eligibility_rule_set as r')
    .innerJoin('project as p', 'p.id', 'r.target_id')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.name',
      'p.project_type as projectType',
      'p.organization_id as organizationId',
      'o.name as organizationName',
      'p.coc_id as cocId',
      'r.version',
      'r.rules as ruleSet',
    ])
    .where('r.target_type', '=', 'project')
    .where('r.coc_id', '=', cocId)
    .where('p.active', '=', true)
    .orderBy('p.name')
    .orderBy('p.id')
  if (projectIds) query = query.where('p.id', 'in', projectIds)
  if (projectTypes) query = query.where('p.project_type', 'in', projectTypes)
  const rows = await query.execute()
  return rows.filter((row) => row.ruleSet.rules.length > 0)
}

/** Names of the CoC's CE projects, for rules and reasons that name them. */
export async function ceProjectNames(db: Db, cocId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('project')
    .select(['id', 'name'])
    .where('coc_id', '=', cocId)
    .where('project_type', '=', PROJECT_TYPES.CE)
    .execute()
  return Object.fromEntries(rows.map((row) => [row.id, row.name]))
}

/** Every CE project a rule names must be a CE project of the same CoC (400 otherwise). */
export function assertCeProjectsExist(ruleSet: EligibilityRuleSet, names: Record<string, string>): void {
  const unknown = new Set<string>()
  const visit = (node: EligibilityRuleSet['rules'][number]) => {
    if (isGroup(node)) node.conditions.forEach(visit)
    else if (node.kind === 'ce_project') for (const id of node.projectIds) if (!names[id]) unknown.add(id)
  }
  ruleSet.rules.forEach(visit)
  if (unknown.size > 0)
    throw new AppError(
      'invalid_input',
      'A CE project rule names a project that is not a CE project of this CoC',
      {
        projectIds: [...unknown],
      },
    )
}

/** Stored rules were valid when saved; re-parse defensively so a bad row is a clear error, not a crash later. */
export function parseStoredRules(rules: unknown): EligibilityRuleSet {
  return RuleSetSchema.parse(rules)
}

export interface ProjectEvaluation {
  projectId: string
  projectType: number
  result: RuleSetResult
}

/** Evaluates projects' rules for many households' facts (pure, in memory). */
export function evaluateProjects(
  projects: readonly ProjectRules[],
  facts: ReadonlyMap<string, EligibilityFacts>,
  projectNames: Record<string, string>,
): Map<string, ProjectEvaluation[]> {
  const results = new Map<string, ProjectEvaluation[]>()
  for (const [householdId, householdFacts] of facts) {
    results.set(
      householdId,
      projects.map((project) => ({
        projectId: project.id,
        projectType: project.projectType,
        result: evaluateRuleSet(project.ruleSet, householdFacts, { projectNames }),
      })),
    )
  }
  return results
}
