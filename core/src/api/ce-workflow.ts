import { z } from 'zod'
import { AssessmentAnswers, AssessmentScore } from '../assessments/score-assessment'
import { AssessmentToolDefinition, HouseholdVariant } from '../assessments/tool-definition'
import { CE_DOCUMENT_TYPES, CeDocumentType } from '../ce-workflow/document-types'
import { HUD_LIST_SUBSETS, type HudList, hudCode } from '../hud/index'
import { isoDate, text, uuid } from './common'
import { AnnualAssessmentDue, NewEnrollment } from './enrollments'

// Coordinated Entry: the CE enrollment, its guided workflow (each step a versioned server-side draft that
// any CE user of the CoC may resume) and the HUD 4.19 CE assessments it records.

export const CE_WORKFLOW_STEPS = [
  'enrollment',
  'universal_data',
  'disabilities',
  'domestic_violence',
  'current_living_situation',
  'ce_assessment',
  'outcome',
  'documents',
] as const
export const CeWorkflowStep = z.enum(CE_WORKFLOW_STEPS).meta({ id: 'CeWorkflowStep' })
export type CeWorkflowStep = z.infer<typeof CeWorkflowStep>

export const CE_WORKFLOW_STEP_LABELS: Record<CeWorkflowStep, string> = {
  enrollment: 'HUD enrollment',
  universal_data: 'Universal data (3.08, 3.917)',
  disabilities: 'Disabilities (4.05–4.10)',
  domestic_violence: 'Domestic violence (4.11)',
  current_living_situation: 'Current living situation (4.12)',
  ce_assessment: 'CE assessment (4.19)',
  outcome: 'Ready for outcome',
  documents: 'Documents',
}

export const CE_OUTCOMES = ['diverted', 'placed_on_queue'] as const
export const CeOutcome = z.enum(CE_OUTCOMES).meta({ id: 'CeOutcome' })
export type CeOutcome = z.infer<typeof CeOutcome>
export const CE_OUTCOME_LABELS: Record<CeOutcome, string> = {
  diverted: 'Diverted',
  placed_on_queue: 'Placed on the Housing Queue',
}

const CocCode = z.string().regex(/^[A-Z]{2}-\d{3}$/, 'must be a CoC code like GA-502')
/** A draft answer: any HUD code of the list, or not answered yet. */
const draftCode = <L extends HudList>(list: L) => hudCode(list).nullable().optional()
const draftDate = isoDate.nullable().optional()

/** Enroll a household in a CE project (type 14) and start its workflow; the case manager defaults to you. */
export const NewCeEnrollment = NewEnrollment.safeExtend({ caseManagerUserId: uuid.optional() })
  .strict()
  .meta({ id: 'NewCeEnrollment' })
export type NewCeEnrollment = z.infer<typeof NewCeEnrollment>

export const EnrollmentStepDraft = z
  .object({ enrollmentCoc: CocCode.nullable().optional(), caseManagerUserId: uuid.nullable().optional() })
  .strict()
  .meta({ id: 'CeEnrollmentStepDraft' })
export type EnrollmentStepDraft = z.infer<typeof EnrollmentStepDraft>

export const PriorLivingSituationDraft = z
  .object({
    livingSituation: draftCode(HUD_LIST_SUBSETS.priorLivingSituation),
    rentalSubsidyType: draftCode('3.12.A'),
    lengthOfStay: draftCode('3.917.2'),
    losUnderThreshold: draftCode('1.7'),
    previousStreetEssh: draftCode('1.7'),
    dateToStreetEssh: draftDate,
    timesHomelessPastThreeYears: draftCode('3.917.4'),
    monthsHomelessPastThreeYears: draftCode('3.917.5'),
  })
  .strict()
  .meta({ id: 'PriorLivingSituationDraft' })
export type PriorLivingSituationDraft = z.infer<typeof PriorLivingSituationDraft>

/** Per member, keyed by the member's enrollment id. */
const perMember = <S extends z.ZodType>(schema: S) => z.record(uuid, schema)

export const UniversalDataStepDraft = z
  .object({
    members: perMember(
      z
        .object({
          disablingCondition: draftCode('1.8'),
          priorLivingSituation: PriorLivingSituationDraft.optional(),
        })
        .strict(),
    ).default({}),
  })
  .strict()
  .meta({ id: 'CeUniversalDataStepDraft' })
export type UniversalDataStepDraft = z.infer<typeof UniversalDataStepDraft>

export const DISABILITY_TYPE_KEYS = ['5', '6', '7', '8', '9', '10'] as const
export const DisabilitiesStepDraft = z
  .object({
    members: perMember(
      z.partialRecord(
        z.enum(DISABILITY_TYPE_KEYS),
        z
          .object({ disabilityResponse: draftCode('4.10.2'), indefiniteAndImpairs: draftCode('1.8') })
          .strict(),
      ),
    ).default({}),
  })
  .strict()
  .meta({ id: 'CeDisabilitiesStepDraft' })
export type DisabilitiesStepDraft = z.infer<typeof DisabilitiesStepDraft>

export const DomesticViolenceStepDraft = z
  .object({
    members: perMember(
      z
        .object({
          domesticViolenceSurvivor: draftCode('1.8'),
          whenOccurred: draftCode('4.11.A'),
          currentlyFleeing: draftCode('1.8'),
        })
        .strict(),
    ).default({}),
  })
  .strict()
  .meta({ id: 'CeDomesticViolenceStepDraft' })
export type DomesticViolenceStepDraft = z.infer<typeof DomesticViolenceStepDraft>

export const CurrentLivingSituationStepDraft = z
  .object({
    informationDate: draftDate,
    currentLivingSituation: draftCode(HUD_LIST_SUBSETS.currentLivingSituation),
    clsSubsidyType: draftCode('3.12.A'),
    leaveSituation14Days: draftCode('1.8'),
    subsequentResidence: draftCode('1.8'),
    resourcesToObtain: draftCode('1.8'),
    leaseOwn60Day: draftCode('1.8'),
    movedTwoOrMore: draftCode('1.8'),
    locationDetails: text(250).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CeCurrentLivingSituationStepDraft' })
export type CurrentLivingSituationStepDraft = z.infer<typeof CurrentLivingSituationStepDraft>

export const CeAssessmentStepDraft = z
  .object({
    assessmentDate: draftDate,
    assessmentLocationProjectId: uuid.nullable().optional(),
    assessmentType: draftCode('4.19.3'),
    assessmentLevel: draftCode('4.19.4'),
    prioritizationStatus: draftCode('4.19.7'),
    toolVersionId: uuid.nullable().optional(),
    variant: HouseholdVariant.nullable().optional(),
    answers: AssessmentAnswers.default({}),
  })
  .strict()
  .meta({ id: 'CeAssessmentStepDraft' })
export type CeAssessmentStepDraft = z.infer<typeof CeAssessmentStepDraft>

export const OutcomeStepDraft = z
  .object({ outcome: CeOutcome.nullable().optional(), outcomeDate: draftDate })
  .strict()
  .meta({ id: 'CeOutcomeStepDraft' })
export type OutcomeStepDraft = z.infer<typeof OutcomeStepDraft>

export const DocumentsStepDraft = z
  .object({ note: text(500).nullable().optional() })
  .strict()
  .meta({ id: 'CeDocumentsStepDraft' })

/** The draft schema of each step: the server parses `data` with it (400 on a bad draft). */
export const CE_STEP_DRAFTS = {
  enrollment: EnrollmentStepDraft,
  universal_data: UniversalDataStepDraft,
  disabilities: DisabilitiesStepDraft,
  domestic_violence: DomesticViolenceStepDraft,
  current_living_situation: CurrentLivingSituationStepDraft,
  ce_assessment: CeAssessmentStepDraft,
  outcome: OutcomeStepDraft,
  documents: DocumentsStepDraft,
} as const satisfies Record<CeWorkflowStep, z.ZodType>

export type CeStepDraft<S extends CeWorkflowStep> = z.infer<(typeof CE_STEP_DRAFTS)[S]>

/** Save a step's draft, or complete it: `version` is the step version you loaded (409 when it moved on). */
export const CeStepSave = z
  .object({
    version: z.number().int().positive(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict()
  .meta({ id: 'CeStepSave' })
export type CeStepSave = z.infer<typeof CeStepSave>

// Path and query parameters inline their enums: the OpenAPI generator cannot follow a $ref there.
export const CeStepParams = z.object({ id: uuid, step: z.enum(CE_WORKFLOW_STEPS) })

/** A required element still missing, for the whole household or one member (by enrollment id). */
export const CeMissingElement = z
  .object({ element: z.string(), memberEnrollmentId: z.string().nullable() })
  .meta({ id: 'CeMissingElement' })
export type CeMissingElement = z.infer<typeof CeMissingElement>

export const CeWorkflowStepState = z
  .object({
    step: CeWorkflowStep,
    label: z.string(),
    status: z.enum(['not_started', 'draft', 'completed']),
    version: z.number(),
    data: z.record(z.string(), z.unknown()),
    missing: z.array(CeMissingElement),
    updatedAt: z.iso.datetime().nullable(),
    updatedByName: z.string().nullable(),
    completedAt: z.iso.datetime().nullable(),
    completedByName: z.string().nullable(),
  })
  .meta({ id: 'CeWorkflowStepState' })
export type CeWorkflowStepState = z.infer<typeof CeWorkflowStepState>

export const CeWorkflowMember = z
  .object({
    enrollmentId: z.string(),
    clientId: z.string(),
    relationshipToHoh: z.number(),
    isHead: z.boolean(),
    isAdult: z.boolean(),
    /** The member's name when you may see it, else "Member 2" and so on. */
    label: z.string(),
  })
  .meta({ id: 'CeWorkflowMember' })
export type CeWorkflowMember = z.infer<typeof CeWorkflowMember>

export const CeDocument = z
  .object({
    id: z.string(),
    documentType: CeDocumentType,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    uploadedAt: z.iso.datetime(),
    uploadedByName: z.string().nullable(),
  })
  .meta({ id: 'CeDocument' })
export type CeDocument = z.infer<typeof CeDocument>

export const CeDocumentParams = z.object({ id: uuid })
export const CeDocumentQuery = z.object({ documentType: z.enum(CE_DOCUMENT_TYPES) }).strict()

/** HUD 4.19 Coordinated Entry Assessment, as recorded for the head of household's CE enrollment. */
export const CeAssessment = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    assessmentDate: z.string(),
    assessmentLocationProjectId: z.string(),
    assessmentLocationProjectName: z.string(),
    assessmentType: z.number(),
    assessmentLevel: z.number(),
    prioritizationStatus: z.number(),
    toolVersionId: z.string().nullable(),
    toolName: z.string().nullable(),
    toolVersion: z.number().nullable(),
    answers: AssessmentAnswers.nullable(),
    score: z.number().nullable(),
    subScores: z.record(z.string(), z.number()).nullable(),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'CeAssessment' })
export type CeAssessment = z.infer<typeof CeAssessment>

export const CeAssessmentList = z
  .object({
    /** Latest first: a reassessment adds a row, history is kept. */
    assessments: z.array(CeAssessment),
    /** The yearly reassessment window counted from the head of household's CE start. */
    annualWindow: AnnualAssessmentDue.nullable(),
  })
  .meta({ id: 'CeAssessmentList' })
export type CeAssessmentList = z.infer<typeof CeAssessmentList>

export const CeAssessmentToolVersion = z
  .object({
    id: z.string(),
    toolName: z.string(),
    version: z.number(),
    definition: AssessmentToolDefinition,
  })
  .meta({ id: 'CeAssessmentToolVersion' })

export const CeWorkflow = z
  .object({
    id: z.string(),
    enrollmentHouseholdId: z.string(),
    headEnrollmentId: z.string(),
    headClientId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    cocId: z.string(),
    entryDate: z.string(),
    exitDate: z.string().nullable(),
    caseManagerUserId: z.string(),
    caseManagerName: z.string().nullable(),
    status: z.enum(['in_progress', 'paused', 'completed', 'exited']),
    pausedAt: z.iso.datetime().nullable(),
    pausedByName: z.string().nullable(),
    outcome: CeOutcome.nullable(),
    outcomeDate: z.string().nullable(),
    members: z.array(CeWorkflowMember),
    steps: z.array(CeWorkflowStepState),
    /** The CoC's published prioritization tool the assessment step uses (its latest version). */
    assessmentTool: CeAssessmentToolVersion.nullable(),
    /** The assessment step's answers scored as they stand (null before a tool and household type are set). */
    runningScore: AssessmentScore.nullable(),
    documents: z.array(CeDocument),
    assessments: CeAssessmentList,
    /** Whether you may work on it (a CE user of the CoC who may see the household's project data). */
    canWork: z.boolean(),
  })
  .meta({ id: 'CeWorkflow' })
export type CeWorkflow = z.infer<typeof CeWorkflow>

export const CeWorkflowSummary = z
  .object({
    id: z.string(),
    headEnrollmentId: z.string(),
    projectName: z.string(),
    entryDate: z.string(),
    exitDate: z.string().nullable(),
    status: CeWorkflow.shape.status,
    outcome: CeOutcome.nullable(),
    completedSteps: z.number(),
    totalSteps: z.number(),
  })
  .meta({ id: 'CeWorkflowSummary' })
export const CeWorkflowSummaryList = z.array(CeWorkflowSummary).meta({ id: 'CeWorkflowSummaryList' })
export type CeWorkflowSummary = z.infer<typeof CeWorkflowSummary>
