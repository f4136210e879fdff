import { type EligiblePrograms, evaluateRuleSet, PROJECT_TYPES, presentRuleResult } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import type { DB } from '../db/schema'
import { type EnrollmentState, loadEnrollments } from '../enrollments/enrollments.repository'
import { ceProjectNames, loadProjectRules } from './eligibility.repository'
import { loadClientOnlyFacts, loadEligibilityFacts } from './load-eligibility-facts'

const ACTION = 'client.eligibility.read'

/**
 * The household whose facts decide: among the enrollments the actor may see, an open CE enrollment first,
 * then any open one, then the latest; none means the client alone, from their record.
 */
function chooseEnrollment(enrollments: EnrollmentState[], today: string): EnrollmentState | undefined {
  const open = enrollments.filter(
    (enrollment) => enrollment.row.exit_date === null || enrollment.row.exit_date > today,
  )
  return open.find((enrollment) => enrollment.projectType === PROJECT_TYPES.CE) ?? open[0] ?? enrollments[0]
}

/**
 * "Eligible programs" for a client's household: every active project of the client's CoC with eligibility
 * rules, pass / fail / unknown, and each rule's reason. Facts come only from records the actor may see.
 */
export async function listEligiblePrograms({
  db,
  actor,
  clientId,
  today,
}: {
  db: Kysely<DB>
  actor: Actor
  clientId: string
  today: string
}): Promise<EligiblePrograms> {
  const client = await loadVisibleClient({ db, actor, clientId, today, action: ACTION })
  const visible = (await loadEnrollments(db, actor, { clientId }, today)).filter((enrollment) =>
    canSeeEnrollment(actor, enrollment),
  )
  const chosen = chooseEnrollment(visible, today)
  const householdId = chosen?.row.enrollment_household_id ?? null
  const facts = householdId
    ? (await loadEligibilityFacts(db, { enrollmentHouseholdIds: [householdId], asOf: today })).get(
        householdId,
      )
    : undefined
  const householdFacts =
    facts ?? (await loadClientOnlyFacts(db, { clientId, cocId: client.cocId, asOf: today }))
  const [projects, projectNames] = await Promise.all([
    loadProjectRules(db, { cocId: client.cocId }),
    ceProjectNames(db, client.cocId),
  ])
  await recordAudit(db, actor, {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    details: { enrollmentHouseholdId: householdId, projects: projects.length },
  })
  return {
    asOf: today,
    enrollmentHouseholdId: householdId,
    basis: chosen
      ? `${chosen.projectName}, enrolled ${chosen.row.entry_date}${chosen.row.exit_date ? `, exited ${chosen.row.exit_date}` : ''}`
      : 'The client’s record alone (no enrollment you can see)',
    programs: projects.map((project) => {
      const result = evaluateRuleSet(project.ruleSet, householdFacts, { projectNames })
      return {
        projectId: project.id,
        projectName: project.name,
        projectType: project.projectType,
        organizationName: project.organizationName,
        outcome: result.outcome,
        rules: result.rules.map(presentRuleResult),
      }
    }),
  }
}
