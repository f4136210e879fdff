import { z } from 'zod'
import { isoDate, text, uuid } from './common'

// Eligibility rules: a rule set attached to a project (later services and openings) is a list of rules that
// must all pass. Each rule is a condition over client, household and assessment facts, or an all-of / any-of
// group of them (groups nest). Evaluation is three-valued: a missing fact gives "unknown", never "fail".

export const ELIGIBILITY_HOUSEHOLD_TYPES = ['adults_only', 'adults_and_children', 'children_only'] as const
export const EligibilityHouseholdType = z
  .enum(ELIGIBILITY_HOUSEHOLD_TYPES)
  .meta({ id: 'EligibilityHouseholdType' })
export type EligibilityHouseholdType = z.infer<typeof EligibilityHouseholdType>

/** Whose age a rule reads: the head of household's, every member's, or at least one member's. */
export const AGE_SUBJECTS = ['head', 'every_member', 'any_member'] as const
export const AgeSubject = z.enum(AGE_SUBJECTS).meta({ id: 'EligibilityAgeSubject' })
export type AgeSubject = z.infer<typeof AgeSubject>

/** Yes/no household facts (the derived facts of core/src/derived-facts). */
export const HOUSEHOLD_FLAGS = [
  'veteran',
  'chronic',
  'disabling_condition',
  'fleeing_dv',
  'youth_household',
] as const
export const HouseholdFlag = z.enum(HOUSEHOLD_FLAGS).meta({ id: 'EligibilityHouseholdFlag' })
export type HouseholdFlag = z.infer<typeof HouseholdFlag>

/** The admin's own plain-language wording; a generated one is used when absent. */
const description = text(300).optional()

const bounded = <T extends { min: number | null; max: number | null }>(value: T) =>
  value.min === null || value.max === null || value.min <= value.max
const boundsMessage = { message: 'min must not be greater than max', path: ['min'] }
const eitherBound = <T extends { min: number | null; max: number | null }>(value: T) =>
  value.min !== null || value.max !== null
const eitherMessage = { message: 'give a minimum, a maximum or both', path: ['min'] }

const age = z.number().int('must be whole years').min(0).max(120).nullable()
export const AgeCondition = z
  .object({ kind: z.literal('age'), subject: AgeSubject, min: age, max: age, description })
  .strict()
  .refine(eitherBound, eitherMessage)
  .refine(bounded, boundsMessage)
  .meta({ id: 'EligibilityAgeCondition' })

export const HouseholdTypeCondition = z
  .object({
    kind: z.literal('household_type'),
    types: z.array(EligibilityHouseholdType).min(1, 'choose at least one household type').max(3),
    description,
  })
  .strict()
  .meta({ id: 'EligibilityHouseholdTypeCondition' })

/** `is: true` needs the fact to be yes; `is: false` needs it to be no (e.g. "not fleeing DV"). */
export const HouseholdFlagCondition = z
  .object({ kind: z.literal('flag'), flag: HouseholdFlag, is: z.boolean(), description })
  .strict()
  .meta({ id: 'EligibilityFlagCondition' })

const score = z.number().min(-1000).max(1000).nullable()
export const CeScoreCondition = z
  .object({ kind: z.literal('ce_score'), min: score, max: score, description })
  .strict()
  .refine(eitherBound, eitherMessage)
  .refine(bounded, boundsMessage)
  .meta({ id: 'EligibilityCeScoreCondition' })

/** Household income (latest 4.02 of each member, summed, ×12) at or below a percentage of area median. */
export const IncomeCondition = z
  .object({
    kind: z.literal('income_ami'),
    maxPercent: z.number().int('must be a whole percentage').min(1).max(500),
    description,
  })
  .strict()
  .meta({ id: 'EligibilityIncomeCondition' })

/** The CE project (access point / region) where the household was assessed and queued. */
export const CeProjectCondition = z
  .object({
    kind: z.literal('ce_project'),
    projectIds: z.array(uuid).min(1, 'choose at least one CE project').max(50),
    description,
  })
  .strict()
  .meta({ id: 'EligibilityCeProjectCondition' })

export const EligibilityCondition = z
  .discriminatedUnion('kind', [
    AgeCondition,
    HouseholdTypeCondition,
    HouseholdFlagCondition,
    CeScoreCondition,
    IncomeCondition,
    CeProjectCondition,
  ])
  .meta({ id: 'EligibilityCondition' })
export type EligibilityCondition = z.infer<typeof EligibilityCondition>

export type EligibilityGroup = {
  kind: 'all_of' | 'any_of'
  description?: string | undefined
  conditions: EligibilityNode[]
}
export type EligibilityNode = EligibilityCondition | EligibilityGroup

/** Groups nest up to this depth (a rule that is a group counts as 1). */
export const MAX_RULE_DEPTH = 4

export const EligibilityGroup: z.ZodType<EligibilityGroup> = z
  .object({
    kind: z.enum(['all_of', 'any_of']),
    description,
    get conditions(): z.ZodArray<z.ZodType<EligibilityNode>> {
      return z.array(EligibilityNode).min(1, 'a group needs at least one condition').max(30)
    },
  })
  .strict()
  .meta({ id: 'EligibilityGroup' }) as z.ZodType<EligibilityGroup>

export const EligibilityNode: z.ZodType<EligibilityNode> = z
  .union([EligibilityCondition, EligibilityGroup])
  .meta({ id: 'EligibilityNode' }) as z.ZodType<EligibilityNode>

function depthOf(node: EligibilityNode): number {
  if (node.kind !== 'all_of' && node.kind !== 'any_of') return 0
  return 1 + Math.max(0, ...node.conditions.map(depthOf))
}

/** A project's rules: every rule must pass. No rules means the project screens nobody out. */
export const EligibilityRuleSet = z
  .object({ rules: z.array(EligibilityNode).max(30) })
  .strict()
  .refine((set) => set.rules.every((rule) => depthOf(rule) <= MAX_RULE_DEPTH), {
    message: `groups nest at most ${MAX_RULE_DEPTH} deep`,
    path: ['rules'],
  })
  .meta({ id: 'EligibilityRuleSet' })
export type EligibilityRuleSet = z.infer<typeof EligibilityRuleSet>

export const EligibilityOutcome = z.enum(['pass', 'fail', 'unknown']).meta({ id: 'EligibilityOutcome' })
export type EligibilityOutcome = z.infer<typeof EligibilityOutcome>

/** One rule's evaluation: its plain-language description and why it passed, failed or is unknown. */
export const EligibilityRuleResult = z
  .object({
    description: z.string(),
    outcome: EligibilityOutcome,
    why: z.string(),
    /** The facts that were missing (only when the outcome is unknown). */
    missing: z.array(z.string()),
  })
  .meta({ id: 'EligibilityRuleResult' })
export type EligibilityRuleResult = z.infer<typeof EligibilityRuleResult>

// ---- stored rule sets ----------------------------------------------------------------------------------

export const EligibilityTargetType = z.enum(['project']).meta({ id: 'EligibilityTargetType' })
export type EligibilityTargetType = z.infer<typeof EligibilityTargetType>

export const EligibilityRuleSetVersion = z
  .object({
    version: z.number().int(),
    rules: EligibilityRuleSet,
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'EligibilityRuleSetVersion' })
export type EligibilityRuleSetVersion = z.infer<typeof EligibilityRuleSetVersion>

/** A project's current rules (version 0 and no rules when none were ever saved) and their history. */
export const ProjectEligibility = z
  .object({
    projectId: z.string(),
    projectName: z.string(),
    projectType: z.number(),
    /** 0 until rules are first saved; send it back as `expectedVersion`. */
    version: z.number().int(),
    ruleSet: EligibilityRuleSet,
    /** Generated or admin-written plain language, rule by rule. */
    descriptions: z.array(z.string()),
    canEdit: z.boolean(),
    /** Newest first. */
    history: z.array(EligibilityRuleSetVersion),
  })
  .meta({ id: 'ProjectEligibility' })
export type ProjectEligibility = z.infer<typeof ProjectEligibility>

export const EligibilityRuleSetChange = z
  .object({
    ruleSet: EligibilityRuleSet,
    /** The version the edit started from (0 for none); another save in between is a 409. */
    expectedVersion: z.number().int().min(0),
    note: text(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'EligibilityRuleSetChange' })
export type EligibilityRuleSetChange = z.infer<typeof EligibilityRuleSetChange>

export const EligibilityPreviewRequest = z
  .object({ ruleSet: EligibilityRuleSet })
  .strict()
  .meta({ id: 'EligibilityPreviewRequest' })
export type EligibilityPreviewRequest = z.infer<typeof EligibilityPreviewRequest>

/** The effect of edited rules on the households waiting on the CoC's queues. */
export const EligibilityPreview = z
  .object({
    queuedHouseholds: z.number().int(),
    eligibleNow: z.number().int(),
    eligibleWithChange: z.number().int(),
    unknownWithChange: z.number().int(),
    /** eligibleWithChange − eligibleNow. */
    difference: z.number().int(),
    /** "412 queued households eligible; 9 fewer than before". */
    summary: z.string(),
    descriptions: z.array(z.string()),
  })
  .meta({ id: 'EligibilityPreview' })
export type EligibilityPreview = z.infer<typeof EligibilityPreview>

// ---- eligible programs ---------------------------------------------------------------------------------

export const EligibleProgram = z
  .object({
    projectId: z.string(),
    projectName: z.string(),
    projectType: z.number(),
    organizationName: z.string(),
    outcome: EligibilityOutcome,
    rules: z.array(EligibilityRuleResult),
  })
  .meta({ id: 'EligibleProgram' })
export type EligibleProgram = z.infer<typeof EligibleProgram>

export const EligiblePrograms = z
  .object({
    asOf: isoDate,
    /** The enrollment household whose facts were used (null: the client alone, from their record). */
    enrollmentHouseholdId: z.string().nullable(),
    /** Which enrollment the facts came from, e.g. "North Fulton CE since 2026-10-02". */
    basis: z.string(),
    programs: z.array(EligibleProgram),
  })
  .meta({ id: 'EligiblePrograms' })
export type EligiblePrograms = z.infer<typeof EligiblePrograms>

// ---- area median income ----------------------------------------------------------------------------------

/** HUD publishes income limits for household sizes 1–8. */
export const AMI_HOUSEHOLD_SIZES = 8

export const AreaMedianIncome = z
  .object({
    /** The HUD fiscal year the figures come from. */
    year: z.number().int().min(2000).max(2200),
    /** Annual area median income in dollars for households of 1, 2, … 8 people. */
    amounts: z
      .array(z.number().int('whole dollars').min(1000).max(10_000_000))
      .length(AMI_HOUSEHOLD_SIZES, `give the amount for each household size 1–${AMI_HOUSEHOLD_SIZES}`),
  })
  .strict()
  .meta({ id: 'AreaMedianIncome' })
export type AreaMedianIncome = z.infer<typeof AreaMedianIncome>

export const CocAreaMedianIncome = z
  .object({
    cocId: z.string(),
    areaMedianIncome: AreaMedianIncome.nullable(),
    canEdit: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CocAreaMedianIncome' })
export type CocAreaMedianIncome = z.infer<typeof CocAreaMedianIncome>
