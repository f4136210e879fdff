import type {
  AgeSubject,
  EligibilityCondition,
  EligibilityGroup,
  EligibilityHouseholdType,
  EligibilityNode,
  EligibilityOutcome,
  EligibilityRuleResult,
  EligibilityRuleSet,
  HouseholdFlag,
} from '../api/eligibility'
import type { EligibilityFacts } from './facts'

// Evaluates a rule set against one household's facts. Three-valued: all-of fails when any part fails, passes
// when all pass, else is unknown; any-of passes when any part passes, fails when all fail, else is unknown.
// Every result says why in plain language, and names the facts that were missing.

/** Names of CE projects (for "Assessed at North Fulton CE"), by id. */
export interface EligibilityContext {
  projectNames?: Readonly<Record<string, string>>
}

export interface NodeResult extends EligibilityRuleResult {
  children?: NodeResult[]
}

export interface RuleSetResult {
  outcome: EligibilityOutcome
  rules: NodeResult[]
  missing: string[]
}

/** HUD's APR names for the household types. */
export const HOUSEHOLD_TYPE_LABELS: Record<EligibilityHouseholdType | 'unknown', string> = {
  adults_only: 'Without children',
  adults_and_children: 'With children and adults',
  children_only: 'With only children',
  unknown: 'Unknown household type',
}

export const AGE_SUBJECT_LABELS: Record<AgeSubject, string> = {
  head: 'Head of household',
  every_member: 'Every member',
  any_member: 'At least one member',
}

export const FLAG_LABELS: Record<HouseholdFlag, { yes: string; no: string }> = {
  veteran: { yes: 'Veteran household', no: 'Not a veteran household' },
  chronic: { yes: 'Chronically homeless', no: 'Not chronically homeless' },
  disabling_condition: { yes: 'Has a disabling condition', no: 'No disabling condition' },
  fleeing_dv: { yes: 'Fleeing domestic violence', no: 'Not fleeing domestic violence' },
  youth_household: { yes: 'Youth household (18–24, or parenting youth)', no: 'Not a youth household' },
}

const FLAG_FACT_NAMES: Record<HouseholdFlag, string> = {
  veteran: 'Veteran status (3.07)',
  chronic: 'Chronic homelessness (3.08, 3.917)',
  disabling_condition: 'Disabling condition (3.08)',
  fleeing_dv: 'Domestic violence (4.11)',
  youth_household: 'Ages of the household members',
}

/** "18–24", "62 or older", "17 or younger". */
export function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}–${max}`
  if (min !== null) return `${min} or more`
  return `${max} or less`
}

const ageRangeText = (min: number | null, max: number | null) =>
  min !== null && max === null ? `${min} or older` : min === null ? `${max} or younger` : rangeText(min, max)

const inRange = (value: number, min: number | null, max: number | null) =>
  (min === null || value >= min) && (max === null || value <= max)

const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`

const projectName = (context: EligibilityContext, id: string) =>
  context.projectNames?.[id] ?? 'another project'

const dollars = (amount: number) => `$${Math.round(amount).toLocaleString('en-US')}`

/** The plain-language wording of a rule: the admin's own if given, else generated. */
export function describeNode(node: EligibilityNode, context: EligibilityContext = {}): string {
  if (node.description) return node.description
  switch (node.kind) {
    case 'all_of':
    case 'any_of': {
      const parts = node.conditions.map((child) => describeNode(child, context))
      return `${node.kind === 'all_of' ? 'All of' : 'Any of'}: ${parts.join('; ')}`
    }
    case 'age':
      return `${AGE_SUBJECT_LABELS[node.subject]} is ${ageRangeText(node.min, node.max)}`
    case 'household_type':
      return `Household type is ${orList(node.types.map((type) => HOUSEHOLD_TYPE_LABELS[type]))}`
    case 'flag':
      return FLAG_LABELS[node.flag][node.is ? 'yes' : 'no']
    case 'ce_score':
      return `CE assessment score ${rangeText(node.min, node.max)}`
    case 'income_ami':
      return `Household income at or below ${node.maxPercent}% of area median income`
    case 'ce_project':
      return `Assessed through ${orList(node.projectIds.map((id) => projectName(context, id)))}`
  }
}

export const isGroup = (node: EligibilityNode): node is EligibilityGroup =>
  node.kind === 'all_of' || node.kind === 'any_of'

const result = (
  outcome: EligibilityOutcome,
  description: string,
  why: string,
  missing: string[] = [],
): NodeResult => ({ description, outcome, why, missing })

function evaluateAge(
  condition: Extract<EligibilityCondition, { kind: 'age' }>,
  facts: EligibilityFacts,
  description: string,
): NodeResult {
  const { min, max } = condition
  const needs = ageRangeText(min, max)
  if (condition.subject === 'head') {
    if (facts.headAge === null)
      return result('unknown', description, 'The head of household’s age is unknown', [
        'Date of birth of the head of household',
      ])
    return inRange(facts.headAge, min, max)
      ? result('pass', description, `HoH is ${facts.headAge}`)
      : result('fail', description, `HoH is ${facts.headAge}: rule needs ${needs}`)
  }
  const known = facts.memberAges.filter((age): age is number => age !== null)
  const unknownCount = facts.memberAges.length - known.length
  const missing = unknownCount > 0 ? ['Date of birth of every member'] : []
  if (condition.subject === 'every_member') {
    const outside = known.find((age) => !inRange(age, min, max))
    if (outside !== undefined)
      return result('fail', description, `A member is ${outside}: rule needs every member ${needs}`)
    if (unknownCount > 0 || facts.memberAges.length === 0)
      return result('unknown', description, `${unknownCount} member(s) without a known age`, missing)
    return result('pass', description, `Every member is ${needs} (ages ${known.join(', ')})`)
  }
  const inside = known.find((age) => inRange(age, min, max))
  if (inside !== undefined) return result('pass', description, `A member is ${inside}`)
  if (unknownCount > 0 || facts.memberAges.length === 0)
    return result('unknown', description, `No known age is ${needs}; ${unknownCount} unknown`, missing)
  return result('fail', description, `No member is ${needs} (ages ${known.join(', ')})`)
}

function evaluateIncome(
  condition: Extract<EligibilityCondition, { kind: 'income_ami' }>,
  facts: EligibilityFacts,
  description: string,
): NodeResult {
  const missing = [
    ...(facts.income.missing ? [facts.income.missing] : []),
    ...(facts.areaMedianIncome === null ? ['Area median income for the CoC (an administrator sets it)'] : []),
  ]
  if (facts.income.monthly === null || facts.areaMedianIncome === null)
    return result('unknown', description, missing.join('; '), missing)
  const percent = Math.round(((facts.income.monthly * 12) / facts.areaMedianIncome) * 100)
  const figures = `${dollars(facts.income.monthly)}/month; area median for ${facts.householdSize} is ${dollars(facts.areaMedianIncome)}/year`
  return percent <= condition.maxPercent
    ? result('pass', description, `Income is ${percent}% of area median (${figures})`)
    : result(
        'fail',
        description,
        `Income is ${percent}% of area median (${figures}): rule needs ${condition.maxPercent}% or less`,
      )
}

function evaluateCondition(
  condition: EligibilityCondition,
  facts: EligibilityFacts,
  context: EligibilityContext,
  description: string,
): NodeResult {
  switch (condition.kind) {
    case 'age':
      return evaluateAge(condition, facts, description)
    case 'household_type': {
      const needs = orList(condition.types.map((type) => HOUSEHOLD_TYPE_LABELS[type]))
      if (facts.householdType === 'unknown')
        return result('unknown', description, 'The household type is unknown (a member’s age is missing)', [
          'Date of birth of every member',
        ])
      const label = HOUSEHOLD_TYPE_LABELS[facts.householdType]
      return condition.types.includes(facts.householdType)
        ? result('pass', description, `Household is ${label}`)
        : result('fail', description, `Household is ${label}: rule needs ${needs}`)
    }
    case 'flag': {
      const fact = facts.flags[condition.flag]
      const label = FLAG_LABELS[condition.flag]
      if (fact.value === 'unknown')
        return result('unknown', description, `Unknown: ${fact.reason}`, [FLAG_FACT_NAMES[condition.flag]])
      const holds = fact.value === 'yes'
      const actual = `${label[holds ? 'yes' : 'no']} (${fact.reason})`
      return holds === condition.is
        ? result('pass', description, actual)
        : result('fail', description, `${actual}: rule needs “${label[condition.is ? 'yes' : 'no']}”`)
    }
    case 'ce_score': {
      if (facts.ceScore === null)
        return result('unknown', description, 'No CE assessment score', ['CE assessment score (4.19)'])
      return inRange(facts.ceScore, condition.min, condition.max)
        ? result('pass', description, `CE score is ${facts.ceScore}`)
        : result(
            'fail',
            description,
            `CE score is ${facts.ceScore}: rule needs ${rangeText(condition.min, condition.max)}`,
          )
    }
    case 'income_ami':
      return evaluateIncome(condition, facts, description)
    case 'ce_project': {
      const needs = orList(condition.projectIds.map((id) => projectName(context, id)))
      if (facts.ceProjectId === null)
        return result('unknown', description, 'Not enrolled in a CE project', ['CE enrollment'])
      const actual = projectName(context, facts.ceProjectId)
      return condition.projectIds.includes(facts.ceProjectId)
        ? result('pass', description, `Assessed at ${actual}`)
        : result('fail', description, `Assessed at ${actual}: rule needs ${needs}`)
    }
  }
}

/** Combines parts three-valued; `allOf` = every part must pass. */
export function combineOutcomes(outcomes: readonly EligibilityOutcome[], allOf: boolean): EligibilityOutcome {
  const decisive = allOf ? 'fail' : 'pass'
  if (outcomes.includes(decisive)) return decisive
  if (outcomes.includes('unknown')) return 'unknown'
  return allOf ? 'pass' : 'fail'
}

const unique = (items: string[]) => [...new Set(items)]

export function evaluateNode(
  node: EligibilityNode,
  facts: EligibilityFacts,
  context: EligibilityContext = {},
): NodeResult {
  const description = describeNode(node, context)
  if (!isGroup(node)) return evaluateCondition(node, facts, context, description)
  const children = node.conditions.map((child) => evaluateNode(child, facts, context))
  const allOf = node.kind === 'all_of'
  const outcome = combineOutcomes(
    children.map((child) => child.outcome),
    allOf,
  )
  // The why names the parts that decided: the failures of an all-of, the passes of an any-of, or the unknowns.
  const deciding = children.filter((child) =>
    outcome === 'unknown' ? child.outcome === 'unknown' : allOf ? child.outcome === outcome : true,
  )
  const shown = outcome === 'pass' && !allOf ? children.filter((child) => child.outcome === 'pass') : deciding
  const prefix = outcome === 'fail' && !allOf ? 'None holds: ' : ''
  return {
    description,
    outcome,
    why: prefix + shown.map((child) => child.why).join('; '),
    missing: outcome === 'unknown' ? unique(deciding.flatMap((child) => child.missing)) : [],
    children,
  }
}

/** Every rule must pass; with no rules a rule set passes (the project screens nobody out). */
export function evaluateRuleSet(
  ruleSet: EligibilityRuleSet,
  facts: EligibilityFacts,
  context: EligibilityContext = {},
): RuleSetResult {
  const rules = ruleSet.rules.map((rule) => evaluateNode(rule, facts, context))
  const outcome = combineOutcomes(
    rules.map((rule) => rule.outcome),
    true,
  )
  return {
    outcome,
    rules,
    missing: outcome === 'unknown' ? unique(rules.flatMap((rule) => rule.missing)) : [],
  }
}

/** The API's flat view of a rule (no nested children). */
export function presentRuleResult({ description, outcome, why, missing }: NodeResult): EligibilityRuleResult {
  return { description, outcome, why, missing }
}

/**
 * The project types a household is eligible for: a type counts when at least one of its projects' rule sets
 * passes (`includeUnknown`: or is unknown for want of a fact).
 */
export function eligibleProjectTypes(
  projects: readonly { projectType: number; ruleSet: EligibilityRuleSet }[],
  facts: EligibilityFacts,
  options: EligibilityContext & { includeUnknown?: boolean } = {},
): Set<number> {
  const types = new Set<number>()
  for (const project of projects) {
    if (types.has(project.projectType)) continue
    const { outcome } = evaluateRuleSet(project.ruleSet, facts, options)
    if (outcome === 'pass' || (options.includeUnknown && outcome === 'unknown'))
      types.add(project.projectType)
  }
  return types
}
