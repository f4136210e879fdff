import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import {
  ceProjectNames,
  evaluateProjects,
  loadProjectRules,
  type ProjectEvaluation,
} from './eligibility.repository'
import { loadEligibilityFacts } from './load-eligibility-facts'

// The evaluator other domains call over many households (the Housing Queue's "eligible program type" filter,
// REF's "eligible households for an opening"): one set-based facts load, then pure evaluation in memory.
// No access checks here: the caller has already decided which households the actor may consider.

type Db = Kysely<DB> | Transaction<DB>

/**
 * For each enrollment household: every active project of the CoC with rules (or only `projectIds`), with
 * the rule set's pass / fail / unknown and the per-rule reasons. Households that do not exist are absent.
 */
export async function evaluateProjectsForHouseholds(
  db: Db,
  input: {
    cocId: string
    enrollmentHouseholdIds: readonly string[]
    asOf: string
    projectIds?: readonly string[]
  },
): Promise<Map<string, ProjectEvaluation[]>> {
  const projects = await loadProjectRules(db, input)
  if (projects.length === 0 || input.enrollmentHouseholdIds.length === 0) {
    return new Map(input.enrollmentHouseholdIds.map((id) => [id, []]))
  }
  const [facts, names] = await Promise.all([loadEligibilityFacts(db, input), ceProjectNames(db, input.cocId)])
  return evaluateProjects(projects, facts, names)
}

/**
 * For each enrollment household: the HUD project types (2.02.6) it is eligible for, i.e. at least one
 * active project of that type whose rules pass (`includeUnknown`: or are unknown for want of a fact).
 * Types without any project with rules are never listed.
 */
export async function eligibleProjectTypesForHouseholds(
  db: Db,
  input: { cocId: string; enrollmentHouseholdIds: readonly string[]; asOf: string; includeUnknown?: boolean },
): Promise<Map<string, Set<number>>> {
  const evaluations = await evaluateProjectsForHouseholds(db, input)
  const types = new Map<string, Set<number>>()
  for (const [householdId, projects] of evaluations) {
    const eligible = projects.filter(
      ({ result }) => result.outcome === 'pass' || (input.includeUnknown && result.outcome === 'unknown'),
    )
    types.set(householdId, new Set(eligible.map((project) => project.projectType)))
  }
  return types
}
