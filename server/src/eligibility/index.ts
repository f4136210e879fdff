// Eligibility rules, for other domains to call:
// - loadEligibilityFacts(db, { enrollmentHouseholdIds, asOf }) → Map<householdId, EligibilityFacts>:
//   set-based facts (a few queries per 10k households, never per household).
// - evaluateProjectsForHouseholds(db, { cocId, enrollmentHouseholdIds, asOf, projectIds? })
//   → Map<householdId, { projectId, projectType, result: { outcome, rules, missing } }[]>:
//   REF's "eligible households for an opening" (projectIds: [the opening's project]).
// - eligibleProjectTypesForHouseholds(db, { cocId, enrollmentHouseholdIds, asOf, includeUnknown? })
//   → Map<householdId, Set<HUD project type>>: HQ's "eligible program type" queue filter.
// Pure pieces (evaluateRuleSet, eligibleProjectTypes, buildEligibilityFacts) come from '@threshold/core'.
// Cost: ~25 ms per 1,000 households on PostgreSQL (50k measured at 2.5–6 s on the shared 2-core machine), so
// a list that filters on eligibility should store each household's result when its facts change (one
// household: a few ms) and recompute all only when rules change, rather than evaluate 50k per request.
export type { ProjectEvaluation } from './eligibility.repository'
export { eligibleProjectTypesForHouseholds, evaluateProjectsForHouseholds } from './evaluate-households'
export { loadEligibilityFacts } from './load-eligibility-facts'
