import { z } from 'zod'
import { AssessmentAnswers } from '../assessments/score-assessment'
import { AssessmentToolDefinition, HouseholdVariant } from '../assessments/tool-definition'

// Assessment tools: a CoC's scored questionnaires, each a series of versions. A published version never
// changes, so every stored score (kept with its version id) can be explained later.

export const AssessmentToolStatus = z
  .enum(['draft', 'published', 'retired'])
  .meta({ id: 'AssessmentToolStatus' })
export type AssessmentToolStatus = z.infer<typeof AssessmentToolStatus>

/** A new tool starts as a draft version 1 of this definition; its name is the definition's. */
export const NewAssessmentTool = z
  .object({ definition: AssessmentToolDefinition })
  .strict()
  .meta({ id: 'NewAssessmentTool' })
export type NewAssessmentTool = z.infer<typeof NewAssessmentTool>

export const NewAssessmentToolVersion = z
  .object({ definition: AssessmentToolDefinition })
  .strict()
  .meta({ id: 'NewAssessmentToolVersion' })
export type NewAssessmentToolVersion = z.infer<typeof NewAssessmentToolVersion>

export const AssessmentToolVersionSummary = z
  .object({
    id: z.string(),
    version: z.number(),
    published: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    publishedByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AssessmentToolVersionSummary' })
export type AssessmentToolVersionSummary = z.infer<typeof AssessmentToolVersionSummary>

export const AssessmentToolSummary = z
  .object({
    id: z.string(),
    cocId: z.string(),
    name: z.string(),
    status: AssessmentToolStatus,
    /** The latest published version: the one new assessments use. */
    currentVersion: AssessmentToolVersionSummary.nullable(),
  })
  .meta({ id: 'AssessmentToolSummary' })
export type AssessmentToolSummary = z.infer<typeof AssessmentToolSummary>
export const AssessmentToolList = z.array(AssessmentToolSummary).meta({ id: 'AssessmentToolList' })

export const AssessmentTool = AssessmentToolSummary.extend({
  /** Newest first; drafts only for those who manage the CoC's tools. */
  versions: z.array(AssessmentToolVersionSummary),
}).meta({ id: 'AssessmentTool' })
export type AssessmentTool = z.infer<typeof AssessmentTool>

export const AssessmentToolVersion = AssessmentToolVersionSummary.extend({
  toolId: z.string(),
  toolName: z.string(),
  definition: AssessmentToolDefinition,
}).meta({ id: 'AssessmentToolVersion' })
export type AssessmentToolVersion = z.infer<typeof AssessmentToolVersion>

/** Answers to score with a version, without storing anything (a preview while designing or assessing). */
export const NewAssessmentScorePreview = z
  .object({ variant: HouseholdVariant, answers: AssessmentAnswers })
  .strict()
  .meta({ id: 'NewAssessmentScorePreview' })
export type NewAssessmentScorePreview = z.infer<typeof NewAssessmentScorePreview>
