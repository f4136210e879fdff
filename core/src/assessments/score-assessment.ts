import { z } from 'zod'
import { isoDate } from '../api/common'
import {
  type AssessmentQuestion,
  type AssessmentSection,
  type AssessmentToolDefinition,
  HouseholdVariant,
  type NumberBand,
} from './tool-definition'

/** One answer per question id: option value, option values, number, yes/no, or 'YYYY-MM-DD'. */
export const AssessmentAnswerValue = z
  .union([z.string().max(500), z.array(z.string().max(100)).max(50), z.number(), z.boolean(), z.null()])
  .meta({ id: 'AssessmentAnswerValue' })
export type AssessmentAnswerValue = z.infer<typeof AssessmentAnswerValue>
export const AssessmentAnswers = z
  .record(z.string().max(64), AssessmentAnswerValue)
  .meta({ id: 'AssessmentAnswers' })
export type AssessmentAnswers = z.infer<typeof AssessmentAnswers>

/** A published definition and the version it belongs to: scores are always stored with the version id. */
export interface ScorableToolVersion {
  id: string
  version: number
  definition: AssessmentToolDefinition
}

export interface AnswerIssue {
  questionId: string
  message: string
}

export const AssessmentScore = z
  .object({
    toolVersionId: z.string(),
    version: z.number(),
    variant: HouseholdVariant,
    total: z.number(),
    subScores: z.record(z.string(), z.number()),
    /** Points per answered question, so a reviewer can see where the total comes from. */
    questionPoints: z.record(z.string(), z.number()),
    answered: z.number(),
    /** Required questions for this household type still without an answer (a draft may have some). */
    unansweredRequired: z.array(z.string()),
    complete: z.boolean(),
  })
  .meta({ id: 'AssessmentScore' })
export type AssessmentScore = z.infer<typeof AssessmentScore>

export type ScoreOutcome = { ok: true; score: AssessmentScore } | { ok: false; issues: AnswerIssue[] }

type Pointed = { points: number; variantPoints?: Partial<Record<HouseholdVariant, number>> | undefined }
const pointsFor = (item: Pointed, variant: HouseholdVariant) => item.variantPoints?.[variant] ?? item.points
const shownTo = (item: { variants?: readonly HouseholdVariant[] | undefined }, variant: HouseholdVariant) =>
  item.variants === undefined || item.variants.includes(variant)

/** The sections and questions a household of this type is asked, in order. */
export function questionsFor(
  definition: AssessmentToolDefinition,
  variant: HouseholdVariant,
): { section: AssessmentSection; questions: AssessmentQuestion[] }[] {
  return definition.sections
    .filter((section) => shownTo(section, variant))
    .map((section) => ({
      section,
      questions: section.questions.filter((question) => shownTo(question, variant)),
    }))
    .filter((entry) => entry.questions.length > 0)
}

/**
 * Scores answers with one tool version for one household type. Answers are checked against each question's
 * type first; any problem returns every issue (one message per question) and no score.
 */
export function scoreAssessment(
  tool: ScorableToolVersion,
  variant: HouseholdVariant,
  answers: AssessmentAnswers,
): ScoreOutcome {
  const { definition } = tool
  if (!definition.variants.includes(variant))
    return {
      ok: false,
      issues: [{ questionId: '', message: `${definition.name} is not given to "${variant}" households` }],
    }
  const asked = questionsFor(definition, variant).flatMap((entry) => entry.questions)
  const askedIds = new Set(asked.map((question) => question.id))
  const allIds = new Set(
    definition.sections.flatMap((section) => section.questions.map((question) => question.id)),
  )
  const issues: AnswerIssue[] = []
  for (const [questionId, value] of Object.entries(answers)) {
    if (value === null || askedIds.has(questionId)) continue
    issues.push({
      questionId,
      message: allIds.has(questionId)
        ? `"${questionId}" is not asked of ${variant.replace('_', ' ')} households`
        : `"${questionId}" is not a question of this tool`,
    })
  }

  const subScores = Object.fromEntries(definition.subScores.map((subScore) => [subScore.id, 0]))
  const questionPoints: Record<string, number> = {}
  const unansweredRequired: string[] = []
  let total = 0
  for (const question of asked) {
    const value = answers[question.id]
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      if (question.required) unansweredRequired.push(question.id)
      continue
    }
    const scored = scoreAnswer(question, value, variant)
    if (typeof scored === 'string') {
      issues.push({ questionId: question.id, message: `${question.text}: ${scored}` })
      continue
    }
    questionPoints[question.id] = scored
    total += scored
    for (const subScore of question.subScores) subScores[subScore] = (subScores[subScore] ?? 0) + scored
  }
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    score: {
      toolVersionId: tool.id,
      version: tool.version,
      variant,
      total,
      subScores,
      questionPoints,
      answered: Object.keys(questionPoints).length,
      unansweredRequired,
      complete: unansweredRequired.length === 0,
    },
  }
}

/** The points of one answer, or a message saying what is wrong with it. */
function scoreAnswer(
  question: AssessmentQuestion,
  value: Exclude<AssessmentAnswerValue, null>,
  variant: HouseholdVariant,
): number | string {
  switch (question.type) {
    case 'single_choice': {
      if (typeof value !== 'string') return 'choose one option'
      const option = question.options.find((candidate) => candidate.value === value)
      return option ? pointsFor(option, variant) : `"${value}" is not one of the options`
    }
    case 'multi_choice': {
      if (!Array.isArray(value)) return 'choose a list of options'
      if (new Set(value).size !== value.length) return 'an option is chosen twice'
      const chosen = value.map((choice) => question.options.find((option) => option.value === choice))
      const unknown = value.find((_, index) => chosen[index] === undefined)
      if (unknown !== undefined) return `"${unknown}" is not one of the options`
      const sum = chosen.reduce((points, option) => points + (option ? pointsFor(option, variant) : 0), 0)
      return question.maxPoints === undefined ? sum : Math.min(sum, question.maxPoints)
    }
    case 'yes_no':
      if (typeof value !== 'boolean') return 'answer yes or no'
      return pointsFor(value ? question.yes : question.no, variant)
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'enter a number'
      if (question.integer && !Number.isInteger(value)) return 'enter a whole number'
      if (question.min !== undefined && value < question.min) return `must be at least ${question.min}`
      if (question.max !== undefined && value > question.max) return `must be at most ${question.max}`
      const band = question.bands.find((candidate) => inBand(candidate, value))
      return band ? pointsFor(band, variant) : 0
    }
    case 'date':
      if (!isoDate.safeParse(value).success) return 'enter a date as YYYY-MM-DD'
      return 0
  }
}

const inBand = (band: NumberBand, value: number) =>
  (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max)

/** The highest total a household of this type can reach: what a score is "out of". */
export function maximumScore(definition: AssessmentToolDefinition, variant: HouseholdVariant): number {
  return questionsFor(definition, variant)
    .flatMap((entry) => entry.questions)
    .reduce((total, question) => total + maximumPoints(question, variant), 0)
}

// Leaving a question unanswered scores 0, so no question's best is below 0.
function maximumPoints(question: AssessmentQuestion, variant: HouseholdVariant): number {
  const best = (items: readonly Pointed[]) => Math.max(0, ...items.map((item) => pointsFor(item, variant)))
  switch (question.type) {
    case 'single_choice':
      return best(question.options)
    case 'multi_choice': {
      const positive = question.options.reduce(
        (sum, option) => sum + Math.max(0, pointsFor(option, variant)),
        0,
      )
      return question.maxPoints === undefined ? positive : Math.min(positive, question.maxPoints)
    }
    case 'yes_no':
      return best([question.yes, question.no])
    case 'number':
      return best(question.bands)
    case 'date':
      return 0
  }
}
