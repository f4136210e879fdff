import { z } from 'zod'
import { requiredText, text } from '../api/common'

// A scored questionnaire defined by a CoC admin as data: sections of questions, points per answer,
// named sub-scores, and variants by household type that show/omit questions and change points.

export const HOUSEHOLD_VARIANTS = ['single_adult', 'family', 'youth'] as const
export const HouseholdVariant = z.enum(HOUSEHOLD_VARIANTS).meta({ id: 'AssessmentHouseholdVariant' })
export type HouseholdVariant = z.infer<typeof HouseholdVariant>

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be lower-case letters, digits and _ (starting with a letter)')
const label = requiredText(500)
const points = z.number().int('must be a whole number').min(-100).max(100)
/** Points that differ for some household types; variants not named get `points`. */
const variantPoints = z
  .object({ single_adult: points, family: points, youth: points })
  .partial()
  .strict()
  .optional()
/** Which household types see this; omitted = all the tool's variants. */
const shownTo = z.array(HouseholdVariant).min(1).optional()

export const ScoredOption = z
  .object({ value: identifier, label, points, variantPoints })
  .strict()
  .meta({ id: 'AssessmentOption' })
export type ScoredOption = z.infer<typeof ScoredOption>

/** Inclusive bounds; a value in no band scores 0. */
export const NumberBand = z
  .object({ min: z.number().optional(), max: z.number().optional(), points, variantPoints })
  .strict()
  .refine((band) => band.min === undefined || band.max === undefined || band.min <= band.max, {
    message: 'min must not be greater than max',
  })
  .meta({ id: 'AssessmentNumberBand' })
export type NumberBand = z.infer<typeof NumberBand>

const questionBase = {
  id: identifier,
  text: label,
  help: text(2000).optional(),
  required: z.boolean().default(true),
  /** The sub-scores this question's points count towards. */
  subScores: z.array(identifier).default([]),
  variants: shownTo,
}

const choices = z
  .array(ScoredOption)
  .min(2, 'needs at least two options')
  .max(50)
  .refine((options) => new Set(options.map((option) => option.value)).size === options.length, {
    message: 'option values must be unique',
  })

export const AssessmentQuestion = z
  .discriminatedUnion('type', [
    z.object({ ...questionBase, type: z.literal('single_choice'), options: choices }).strict(),
    z
      .object({
        ...questionBase,
        type: z.literal('multi_choice'),
        options: choices,
        /** A cap on the points of all the chosen options together. */
        maxPoints: points.optional(),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        type: z.literal('yes_no'),
        yes: z.object({ points, variantPoints }).strict(),
        no: z.object({ points, variantPoints }).strict(),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        type: z.literal('number'),
        min: z.number().optional(),
        max: z.number().optional(),
        integer: z.boolean().default(true),
        bands: z.array(NumberBand).max(20).default([]),
      })
      .strict(),
    /** Recorded for the caseworker and reports; dates carry no points. */
    z.object({ ...questionBase, type: z.literal('date') }).strict(),
  ])
  .meta({ id: 'AssessmentQuestion' })
export type AssessmentQuestion = z.infer<typeof AssessmentQuestion>
export type AssessmentQuestionType = AssessmentQuestion['type']

export const AssessmentSection = z
  .object({
    id: identifier,
    title: label,
    description: text(2000).optional(),
    variants: shownTo,
    questions: z.array(AssessmentQuestion).min(1, 'needs at least one question').max(100),
  })
  .strict()
  .meta({ id: 'AssessmentSection' })
export type AssessmentSection = z.infer<typeof AssessmentSection>

export const SubScoreDefinition = z
  .object({ id: identifier, label })
  .strict()
  .meta({ id: 'AssessmentSubScore' })

export const AssessmentToolDefinition = z
  .object({
    name: label,
    description: text(4000).optional(),
    /** The household types the tool can be given to. */
    variants: z
      .array(HouseholdVariant)
      .min(1)
      .default([...HOUSEHOLD_VARIANTS]),
    subScores: z.array(SubScoreDefinition).max(20).default([]),
    sections: z.array(AssessmentSection).min(1, 'needs at least one section').max(50),
  })
  .strict()
  .superRefine((tool, context) => {
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message })
    const subScoreIds = new Set(tool.subScores.map((subScore) => subScore.id))
    if (subScoreIds.size !== tool.subScores.length) issue(['subScores'], 'sub-score ids must be unique')
    const seen = new Set<string>()
    tool.sections.forEach((section, sectionIndex) => {
      checkVariants(section.variants, tool.variants, ['sections', sectionIndex, 'variants'], issue)
      section.questions.forEach((question, questionIndex) => {
        const path = ['sections', sectionIndex, 'questions', questionIndex]
        if (seen.has(question.id)) issue([...path, 'id'], `question id "${question.id}" is used twice`)
        seen.add(question.id)
        for (const subScore of question.subScores)
          if (!subScoreIds.has(subScore)) issue([...path, 'subScores'], `unknown sub-score "${subScore}"`)
        checkVariants(question.variants, tool.variants, [...path, 'variants'], issue)
        if (question.type === 'number' && bandsOverlap(question.bands))
          issue([...path, 'bands'], 'number bands must not overlap')
      })
    })
  })
  .meta({ id: 'AssessmentToolDefinition' })
export type AssessmentToolDefinition = z.infer<typeof AssessmentToolDefinition>
/** A definition as written (defaults not yet applied), e.g. the shipped demo tool. */
export type AssessmentToolDefinitionInput = z.input<typeof AssessmentToolDefinition>

function checkVariants(
  shown: readonly HouseholdVariant[] | undefined,
  offered: readonly HouseholdVariant[],
  path: (string | number)[],
  issue: (path: (string | number)[], message: string) => void,
) {
  for (const variant of shown ?? [])
    if (!offered.includes(variant)) issue(path, `the tool is not offered for "${variant}" households`)
}

function bandsOverlap(bands: readonly NumberBand[]): boolean {
  const sorted = [...bands].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
  return sorted.some((band, index) => {
    const next = sorted[index + 1]
    return next !== undefined && (band.max ?? Infinity) >= (next.min ?? -Infinity)
  })
}
