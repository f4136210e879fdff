import { z } from 'zod'
import {
  BENEFIT_FIELDS,
  type BenefitField,
  DATA_COLLECTION_STAGES,
  DESTINATION_OTHER,
  DESTINATION_WITH_SUBSIDY,
  HEAD_OF_HOUSEHOLD,
  INCOME_SOURCE_FIELDS,
  INSURANCE_FIELDS,
  incomeAmountField,
  insuranceReasonField,
} from '../enrollments/index'
import { HUD_LIST_SUBSETS, hudCode } from '../hud/index'
import { isoDate, text, uuid } from './common'
import { RelationshipToHoh } from './households'

// Project enrollments (HUD 3.08–3.20, 3.917) and the records of each data collection stage (4.02–4.12).
// Field names are the HUD CSV column names in camelCase (acronyms lower-cased: SSI → ssi).

const NoYesMissing = hudCode('1.7')
const NoYesReasons = hudCode('1.8')
const Destination = hudCode(HUD_LIST_SUBSETS.destination)
const RentalSubsidyType = hudCode('3.12.A')
export const DataCollectionStage = hudCode('5.03.1')
const StageMeta = z.literal(Object.values(DATA_COLLECTION_STAGES))
const CocCode = z.string().regex(/^[A-Z]{2}-\d{3}$/, 'must be a CoC code like GA-502')
const MonthlyAmount = z
  .number()
  .min(0, 'must not be negative')
  .max(9_999_999.99, 'is too large')
  .refine(
    (amount) =>
      Number.isInteger(Math.round(amount * 100)) && Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6,
    'must be in dollars and cents',
  )

const shapeOf = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>

const yes = 1
const no = 0

/** 3.917 Prior Living Situation, asked at project start of the head and adults. */
export const PriorLivingSituation = z
  .object({
    livingSituation: hudCode(HUD_LIST_SUBSETS.priorLivingSituation),
    rentalSubsidyType: RentalSubsidyType.nullable().default(null),
    lengthOfStay: hudCode('3.917.2').nullable().default(null),
    losUnderThreshold: NoYesMissing.nullable().default(null),
    previousStreetEssh: NoYesMissing.nullable().default(null),
    dateToStreetEssh: isoDate.nullable().default(null),
    timesHomelessPastThreeYears: hudCode('3.917.4').nullable().default(null),
    monthsHomelessPastThreeYears: hudCode('3.917.5').nullable().default(null),
  })
  .strict()
  .refine(
    (answer) => (answer.rentalSubsidyType !== null) === (answer.livingSituation === DESTINATION_WITH_SUBSIDY),
    {
      message:
        'rentalSubsidyType is given exactly when the living situation is rental with an ongoing subsidy',
      path: ['rentalSubsidyType'],
    },
  )
  .meta({ id: 'PriorLivingSituation' })
export type PriorLivingSituation = z.infer<typeof PriorLivingSituation>

const incomeBenefitsShape = <C extends z.ZodType, M extends z.ZodType, T extends z.ZodType>(
  code: (schema: z.ZodType) => C,
  money: M,
  identify: T,
) => ({
  incomeFromAnySource: code(NoYesReasons),
  ...shapeOf(INCOME_SOURCE_FIELDS, code(NoYesMissing)),
  ...shapeOf(INCOME_SOURCE_FIELDS.map(incomeAmountField), money),
  otherIncomeSource: code(NoYesMissing),
  otherIncomeAmount: money,
  otherIncomeSourceIdentify: identify,
  benefitsFromAnySource: code(NoYesReasons),
  ...shapeOf(BENEFIT_FIELDS, code(NoYesMissing)),
  otherBenefitsSourceIdentify: identify,
  insuranceFromAnySource: code(NoYesReasons),
  ...shapeOf(INSURANCE_FIELDS, code(NoYesMissing)),
  ...shapeOf(INSURANCE_FIELDS.map(insuranceReasonField), code(hudCode('4.04.A'))),
  otherInsurance: code(NoYesMissing),
  otherInsuranceIdentify: identify,
})

const optionalCode = (schema: z.ZodType) => schema.nullable().optional()
const nullableCode = (schema: z.ZodType) => schema.nullable() as z.ZodNullable<z.ZodNumber>

type Answers = Record<string, unknown>
type Issue = { message: string; path: string[] }

/** HUD dependencies: a source is Yes only under "any source: Yes", which needs at least one Yes; details follow their flag. */
function incomeBenefitsIssues(answers: Answers): Issue[] {
  const issues: Issue[] = []
  const group = (anyField: string, flags: readonly string[], label: string) => {
    const marked = flags.filter((flag) => answers[flag] === yes)
    if (answers[anyField] === yes && marked.length === 0) {
      issues.push({
        message: `${label} from any source is Yes, so mark at least one source`,
        path: [anyField],
      })
    }
    if (answers[anyField] !== yes && marked.length > 0) {
      issues.push({
        message: `A source is marked Yes, so ${label.toLowerCase()} from any source must be Yes`,
        path: [anyField],
      })
    }
  }
  const incomeFlags = [...INCOME_SOURCE_FIELDS, 'otherIncomeSource']
  group('incomeFromAnySource', incomeFlags, 'Income')
  group('benefitsFromAnySource', BENEFIT_FIELDS satisfies readonly BenefitField[], 'Benefits')
  group('insuranceFromAnySource', [...INSURANCE_FIELDS, 'otherInsurance'], 'Insurance')
  const detailOnlyIf = (detail: string, flag: string, value: number, meaning: string) => {
    if (answers[detail] !== undefined && answers[detail] !== null && answers[flag] !== value) {
      issues.push({ message: `${detail} is recorded only when ${flag} is ${meaning}`, path: [detail] })
    }
  }
  for (const source of INCOME_SOURCE_FIELDS) detailOnlyIf(incomeAmountField(source), source, yes, 'Yes')
  detailOnlyIf('otherIncomeAmount', 'otherIncomeSource', yes, 'Yes')
  detailOnlyIf('otherIncomeSourceIdentify', 'otherIncomeSource', yes, 'Yes')
  detailOnlyIf('otherBenefitsSourceIdentify', 'otherBenefitsSource', yes, 'Yes')
  detailOnlyIf('otherInsuranceIdentify', 'otherInsurance', yes, 'Yes')
  for (const insurance of INSURANCE_FIELDS) detailOnlyIf(insuranceReasonField(insurance), insurance, no, 'No')
  return issues
}

/** 4.02 income and sources, 4.03 non-cash benefits, 4.04 health insurance (HUD IncomeBenefits.csv). */
export const IncomeBenefitsAnswers = z
  .object(
    incomeBenefitsShape(optionalCode, MonthlyAmount.nullable().optional(), text(50).nullable().optional()),
  )
  .strict()
  .superRefine((answers, context) => {
    for (const issue of incomeBenefitsIssues(answers)) context.addIssue({ code: 'custom', ...issue })
  })
  .meta({ id: 'IncomeBenefitsAnswers' })
export type IncomeBenefitsAnswers = z.infer<typeof IncomeBenefitsAnswers>

export const IncomeBenefits = z
  .object({
    ...incomeBenefitsShape(nullableCode, z.number().nullable(), z.string().nullable()),
    /** 4.02.18: the sum of the monthly amounts, computed. */
    totalMonthlyIncome: z.number().nullable(),
  })
  .meta({ id: 'IncomeBenefits' })
export type IncomeBenefits = z.infer<typeof IncomeBenefits>

/** 4.05–4.10, one per disability type (list 1.3); substance use answers on list 4.10.2. */
export const DisabilityAnswer = z
  .object({
    disabilityType: hudCode('1.3').refine(
      (type) => type >= 5 && type <= 10,
      'must be a disability type 5–10',
    ),
    disabilityResponse: hudCode('4.10.2'),
    indefiniteAndImpairs: NoYesReasons.nullable().default(null),
  })
  .strict()
  .refine(
    (answer) =>
      answer.disabilityType === 10 || answer.disabilityResponse <= 1 || answer.disabilityResponse >= 8,
    {
      message: 'only substance use disorder (10) answers 2 or 3',
      path: ['disabilityResponse'],
    },
  )
  .meta({ id: 'DisabilityAnswer' })
export type DisabilityAnswer = z.infer<typeof DisabilityAnswer>

/** 4.11 Domestic Violence (the DV part of HUD HealthAndDV.csv). */
export const HealthAndDvAnswers = z
  .object({
    domesticViolenceSurvivor: NoYesReasons,
    whenOccurred: hudCode('4.11.A').nullable().default(null),
    currentlyFleeing: NoYesReasons.nullable().default(null),
  })
  .strict()
  .refine(
    (answer) =>
      answer.domesticViolenceSurvivor === yes ||
      (answer.whenOccurred === null && answer.currentlyFleeing === null),
    {
      message: 'whenOccurred and currentlyFleeing are recorded only for a survivor (Yes)',
      path: ['whenOccurred'],
    },
  )
  .meta({ id: 'HealthAndDvAnswers' })
export type HealthAndDvAnswers = z.infer<typeof HealthAndDvAnswers>

/** The answers of one stage; any part may be left out (and then shows as missing where required). */
export const StageAnswers = z
  .object({
    incomeBenefits: IncomeBenefitsAnswers.optional(),
    disabilities: z
      .array(DisabilityAnswer)
      .max(6)
      .refine(
        (list) => new Set(list.map((answer) => answer.disabilityType)).size === list.length,
        'each disability type once',
      )
      .optional(),
    healthAndDv: HealthAndDvAnswers.optional(),
  })
  .strict()
  .meta({ id: 'StageAnswers' })
export type StageAnswers = z.infer<typeof StageAnswers>

export const NewEnrollmentAssessment = StageAnswers.safeExtend({
  dataCollectionStage: DataCollectionStage,
  informationDate: isoDate,
})
  .strict()
  .meta({ id: 'NewEnrollmentAssessment' })
export type NewEnrollmentAssessment = z.infer<typeof NewEnrollmentAssessment>

/** Everything recorded for one stage on one day. */
export const EnrollmentAssessment = z
  .object({
    dataCollectionStage: StageMeta,
    informationDate: z.string(),
    incomeBenefits: IncomeBenefits.nullable(),
    disabilities: z.array(
      z.object({
        disabilityType: z.number(),
        disabilityResponse: z.number(),
        indefiniteAndImpairs: z.number().nullable(),
      }),
    ),
    healthAndDv: z
      .object({
        domesticViolenceSurvivor: z.number().nullable(),
        whenOccurred: z.number().nullable(),
        currentlyFleeing: z.number().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'EnrollmentAssessment' })
export type EnrollmentAssessment = z.infer<typeof EnrollmentAssessment>
export const EnrollmentAssessmentList = z.array(EnrollmentAssessment).meta({ id: 'EnrollmentAssessmentList' })

const memberStart = {
  disablingCondition: NoYesReasons.optional(),
  priorLivingSituation: PriorLivingSituation.optional(),
  /** Project-start records (4.02–4.11) collected at enrollment. */
  projectStart: StageAnswers.optional(),
}

export const NewEnrollmentMember = z
  .object({ clientId: uuid, relationshipToHoh: RelationshipToHoh, ...memberStart })
  .strict()
  .meta({ id: 'NewEnrollmentMember' })

/** Enroll a household at once: one head of household (Self), everyone starting on `entryDate`. */
export const NewEnrollment = z
  .object({
    projectId: uuid,
    entryDate: isoDate,
    /** 3.16, collected for the head of household. */
    enrollmentCoc: CocCode.optional(),
    members: z
      .array(NewEnrollmentMember)
      .min(1, 'enroll at least the head of household')
      .max(30)
      .refine(
        (members) => new Set(members.map((member) => member.clientId)).size === members.length,
        'each client once',
      ),
  })
  .strict()
  .meta({ id: 'NewEnrollment' })
export type NewEnrollment = z.infer<typeof NewEnrollment>

/** A member joining an enrollment household after it started, on their own date. */
export const NewEnrollmentHouseholdMember = z
  .object({
    clientId: uuid,
    relationshipToHoh: RelationshipToHoh.refine(
      (code) => code !== HEAD_OF_HOUSEHOLD,
      'the household already has its head',
    ),
    entryDate: isoDate,
    ...memberStart,
  })
  .strict()
  .meta({ id: 'NewEnrollmentHouseholdMember' })
export type NewEnrollmentHouseholdMember = z.infer<typeof NewEnrollmentHouseholdMember>

const exitAnswer = {
  destination: Destination,
  destinationSubsidyType: RentalSubsidyType.nullable().default(null),
  otherDestination: text(50).nullable().default(null),
  /** Project-exit records (4.02–4.10) collected at exit. */
  projectExit: StageAnswers.optional(),
}
const destinationDetails = <
  T extends { destination: number; destinationSubsidyType: number | null; otherDestination: string | null },
>(
  answer: T,
) =>
  (answer.destinationSubsidyType !== null) === (answer.destination === DESTINATION_WITH_SUBSIDY) &&
  (answer.otherDestination === null || answer.destination === DESTINATION_OTHER)
const destinationDetailsMessage = {
  message:
    'destinationSubsidyType goes with destination 435 only (and is required there); otherDestination with 17 only',
  path: ['destinationSubsidyType'],
}

/** One member leaves before the household does. */
export const EnrollmentMemberExit = z
  .object({ exitDate: isoDate, ...exitAnswer })
  .strict()
  .refine(destinationDetails, destinationDetailsMessage)
  .meta({ id: 'EnrollmentMemberExit' })
export type EnrollmentMemberExit = z.infer<typeof EnrollmentMemberExit>

/** The whole household leaves: one exit date, each current member's destination. */
export const EnrollmentHouseholdExit = z
  .object({
    exitDate: isoDate,
    members: z
      .array(
        z
          .object({ clientId: uuid, ...exitAnswer })
          .strict()
          .refine(destinationDetails, destinationDetailsMessage),
      )
      .min(1)
      .max(30),
  })
  .strict()
  .meta({ id: 'EnrollmentHouseholdExit' })
export type EnrollmentHouseholdExit = z.infer<typeof EnrollmentHouseholdExit>

/** Corrections; `version` is the one the user saw (409 when someone saved in between). */
export const EnrollmentPatch = z
  .object({
    version: z.number().int().positive(),
    entryDate: isoDate.optional(),
    moveInDate: isoDate.nullable().optional(),
    enrollmentCoc: CocCode.nullable().optional(),
    disablingCondition: NoYesReasons.optional(),
    relationshipToHoh: RelationshipToHoh.refine(
      (code) => code !== HEAD_OF_HOUSEHOLD,
      'changing the head is not a correction',
    ).optional(),
    priorLivingSituation: PriorLivingSituation.nullable().optional(),
    exitDate: isoDate.optional(),
    destination: Destination.optional(),
    destinationSubsidyType: RentalSubsidyType.nullable().optional(),
    otherDestination: text(50).nullable().optional(),
  })
  .strict()
  .meta({ id: 'EnrollmentPatch' })
export type EnrollmentPatch = z.infer<typeof EnrollmentPatch>

export const NewCurrentLivingSituation = z
  .object({
    informationDate: isoDate,
    currentLivingSituation: hudCode(HUD_LIST_SUBSETS.currentLivingSituation),
    clsSubsidyType: RentalSubsidyType.nullable().default(null),
    verifiedBy: text(200).nullable().default(null),
    leaveSituation14Days: NoYesReasons.nullable().default(null),
    subsequentResidence: NoYesReasons.nullable().default(null),
    resourcesToObtain: NoYesReasons.nullable().default(null),
    leaseOwn60Day: NoYesReasons.nullable().default(null),
    movedTwoOrMore: NoYesReasons.nullable().default(null),
    locationDetails: text(250).nullable().default(null),
  })
  .strict()
  .refine(
    (answer) =>
      (answer.clsSubsidyType !== null) === (answer.currentLivingSituation === DESTINATION_WITH_SUBSIDY),
    {
      message: 'clsSubsidyType is given exactly when the situation is rental with an ongoing subsidy',
      path: ['clsSubsidyType'],
    },
  )
  .refine(
    (answer) =>
      answer.leaveSituation14Days === yes ||
      [
        answer.subsequentResidence,
        answer.resourcesToObtain,
        answer.leaseOwn60Day,
        answer.movedTwoOrMore,
      ].every((value) => value === null),
    {
      message: 'the follow-up questions are asked only when the client must leave within 14 days',
      path: ['subsequentResidence'],
    },
  )
  .meta({ id: 'NewCurrentLivingSituation' })
export type NewCurrentLivingSituation = z.infer<typeof NewCurrentLivingSituation>

export const CurrentLivingSituation = z
  .object({
    id: z.string(),
    informationDate: z.string(),
    currentLivingSituation: z.number(),
    clsSubsidyType: z.number().nullable(),
    verifiedBy: z.string().nullable(),
    leaveSituation14Days: z.number().nullable(),
    subsequentResidence: z.number().nullable(),
    resourcesToObtain: z.number().nullable(),
    leaseOwn60Day: z.number().nullable(),
    movedTwoOrMore: z.number().nullable(),
    locationDetails: z.string().nullable(),
  })
  .meta({ id: 'CurrentLivingSituation' })
export type CurrentLivingSituation = z.infer<typeof CurrentLivingSituation>
export const CurrentLivingSituationList = z
  .array(CurrentLivingSituation)
  .meta({ id: 'CurrentLivingSituationList' })

export const CompletenessStatus = z.enum([
  'complete',
  'missing',
  'client_doesnt_know',
  'client_prefers_not_to_answer',
  'not_collected',
])
export type CompletenessStatus = z.infer<typeof CompletenessStatus>

/** A required element that is missing or answered 8 / 9 / 99. */
export const DataQualityIssue = z
  .object({
    element: z.string(),
    stage: z.enum(['project start', 'project exit']),
    status: CompletenessStatus.exclude(['complete']),
  })
  .meta({ id: 'DataQualityIssue' })
export type DataQualityIssue = z.infer<typeof DataQualityIssue>

export const AnnualAssessmentDue = z
  .object({
    anniversary: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    status: z.enum(['not_yet_due', 'open', 'overdue', 'completed']),
  })
  .meta({ id: 'AnnualAssessmentDue' })

/** Another member of the same enrollment household, as far as the viewer may see them. */
export const EnrollmentHouseholdMember = z
  .object({
    enrollmentId: z.string(),
    clientId: z.string(),
    relationshipToHoh: z.number(),
    entryDate: z.string(),
    exitDate: z.string().nullable(),
  })
  .meta({ id: 'EnrollmentHouseholdMember' })

export const Enrollment = z
  .object({
    id: z.string(),
    enrollmentHouseholdId: z.string(),
    clientId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    projectType: z.number(),
    ownerOrganizationId: z.string(),
    ownerOrganizationName: z.string(),
    relationshipToHoh: z.number(),
    entryDate: z.string(),
    moveInDate: z.string().nullable(),
    exitDate: z.string().nullable(),
    destination: z.number().nullable(),
    destinationSubsidyType: z.number().nullable(),
    otherDestination: z.string().nullable(),
    enrollmentCoc: z.string().nullable(),
    disablingCondition: z.number(),
    priorLivingSituation: z
      .object({
        livingSituation: z.number(),
        rentalSubsidyType: z.number().nullable(),
        lengthOfStay: z.number().nullable(),
        losUnderThreshold: z.number().nullable(),
        previousStreetEssh: z.number().nullable(),
        dateToStreetEssh: z.string().nullable(),
        timesHomelessPastThreeYears: z.number().nullable(),
        monthsHomelessPastThreeYears: z.number().nullable(),
      })
      .nullable(),
    version: z.number(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Members of the same enrollment household whose project data the viewer may see (this one included). */
    household: z.array(EnrollmentHouseholdMember),
    /** Open enrollments: the current or next annual assessment window. */
    annualAssessment: AnnualAssessmentDue.nullable(),
    dataQuality: z.array(DataQualityIssue),
    /** Whether the viewer may change it (the enrolling or operating agency). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'Enrollment' })
export type Enrollment = z.infer<typeof Enrollment>

export const EnrollmentList = z.array(Enrollment).meta({ id: 'EnrollmentList' })

export const EnrollmentMemberParams = z.object({ id: uuid, clientId: uuid })

/** HUD APR Q6-style completeness of one element at one stage, across a project's enrollments. */
export const DataQualityElementShare = z
  .object({
    element: z.string(),
    stage: z.enum(['project start', 'project exit']),
    applicable: z.number().int(),
    complete: z.number().int(),
    clientDoesntKnow: z.number().int(),
    clientPrefersNotToAnswer: z.number().int(),
    notCollected: z.number().int(),
    missing: z.number().int(),
    /** Percentages of `applicable`, one decimal. */
    percent: z.object({
      complete: z.number(),
      clientDoesntKnow: z.number(),
      clientPrefersNotToAnswer: z.number(),
      notCollected: z.number(),
      missing: z.number(),
    }),
  })
  .meta({ id: 'DataQualityElementShare' })

export const ProjectDataQuality = z
  .object({
    projectId: z.string(),
    projectName: z.string(),
    enrollments: z.number().int(),
    elements: z.array(DataQualityElementShare),
  })
  .meta({ id: 'ProjectDataQuality' })
export type ProjectDataQuality = z.infer<typeof ProjectDataQuality>
