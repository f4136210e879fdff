import type {
  CeAssessmentStepDraft,
  CeMissingElement,
  CeWorkflowStep,
  CurrentLivingSituationStepDraft,
  DisabilitiesStepDraft,
  DomesticViolenceStepDraft,
  EnrollmentStepDraft,
  OutcomeStepDraft,
  PriorLivingSituationDraft,
  UniversalDataStepDraft,
} from '../api/ce-workflow'
import { DESTINATION_WITH_SUBSIDY } from '../enrollments/rules'
import { DISABILITY_TYPES } from '../enrollments/stage-fields'

// The required HUD elements each step of the CE workflow still lacks, per member where HUD asks per member.
// The web lists them beside the form; completing a step with any left answers 422 with the same list.

export interface CeMemberContext {
  enrollmentId: string
  isHead: boolean
  isAdult: boolean
}

const YES = 1
const DATA_NOT_COLLECTED = 99
/** 3.917 codes 100–199: literally homeless (street, shelter, safe haven). */
const isHomelessSituation = (code: number) => code >= 100 && code < 200
const isReason = (code: number) => code === 8 || code === 9 || code === DATA_NOT_COLLECTED
/** 4.05, 4.07, 4.09 and 4.10 ask whether a Yes is long-lasting and impairing; 4.06 and 4.08 do not. */
const ASKS_INDEFINITE: readonly number[] = [
  DISABILITY_TYPES.physical,
  DISABILITY_TYPES.chronicHealth,
  DISABILITY_TYPES.mentalHealth,
  DISABILITY_TYPES.substanceUse,
]
const DISABILITY_ELEMENTS: Record<string, string> = {
  '5': '4.05 Physical Disability',
  '6': '4.06 Developmental Disability',
  '7': '4.07 Chronic Health Condition',
  '8': '4.08 HIV/AIDS',
  '9': '4.09 Mental Health Disorder',
  '10': '4.10 Substance Use Disorder',
}

const absent = (value: unknown) => value === undefined || value === null || value === ''
/** HUD elements count as collected only with a real answer: "Data not collected" is missing. */
const uncollected = (value: unknown) => absent(value) || value === DATA_NOT_COLLECTED

/** 3.917's dependent parts, by the answers given so far. */
export function priorLivingSituationMissing(answer: PriorLivingSituationDraft | undefined): string[] {
  const missing: string[] = []
  const situation = answer?.livingSituation
  if (uncollected(situation)) return ['3.917.1 Type of residence']
  if (situation === DESTINATION_WITH_SUBSIDY && absent(answer?.rentalSubsidyType))
    missing.push('3.917.1A Rental subsidy type')
  if (uncollected(answer?.lengthOfStay)) missing.push('3.917.2 Length of stay')
  const homeless = isHomelessSituation(situation as number)
  if (!homeless && !isReason(situation as number)) {
    if (uncollected(answer?.losUnderThreshold)) missing.push('3.917.2A Length of stay under the threshold')
    else if (answer?.losUnderThreshold === YES && uncollected(answer?.previousStreetEssh))
      missing.push('3.917.2B On the night before, stayed on the streets, ES or SH')
  }
  if (homeless || answer?.previousStreetEssh === YES) {
    if (absent(answer?.dateToStreetEssh)) missing.push('3.917.3 Approximate date homelessness started')
    if (uncollected(answer?.timesHomelessPastThreeYears))
      missing.push('3.917.4 Times homeless in the past three years')
    if (uncollected(answer?.monthsHomelessPastThreeYears))
      missing.push('3.917.5 Months homeless in the past three years')
  }
  return missing
}

type StepInput =
  | { step: 'enrollment'; data: EnrollmentStepDraft }
  | { step: 'universal_data'; data: UniversalDataStepDraft }
  | { step: 'disabilities'; data: DisabilitiesStepDraft }
  | { step: 'domestic_violence'; data: DomesticViolenceStepDraft }
  | { step: 'current_living_situation'; data: CurrentLivingSituationStepDraft }
  | { step: 'ce_assessment'; data: CeAssessmentStepDraft; unansweredQuestions?: readonly string[] }
  | { step: 'outcome'; data: OutcomeStepDraft }
  | { step: 'documents'; data: unknown }

/** What a step still lacks; an empty list means it can be completed. */
export function ceStepMissingElements(
  input: StepInput,
  members: readonly CeMemberContext[],
): CeMissingElement[] {
  const household = (element: string): CeMissingElement => ({ element, memberEnrollmentId: null })
  const member =
    (id: string) =>
    (element: string): CeMissingElement => ({ element, memberEnrollmentId: id })
  const headAndAdults = members.filter((candidate) => candidate.isHead || candidate.isAdult)
  switch (input.step) {
    case 'enrollment': {
      const missing: CeMissingElement[] = []
      if (absent(input.data.enrollmentCoc)) missing.push(household('3.16 Enrollment CoC'))
      if (absent(input.data.caseManagerUserId)) missing.push(household('Case manager'))
      return missing
    }
    case 'universal_data':
      return members.flatMap(({ enrollmentId, isHead, isAdult }) => {
        const answers = input.data.members[enrollmentId]
        const missing: string[] = []
        if (uncollected(answers?.disablingCondition)) missing.push('3.08 Disabling Condition')
        if (isHead || isAdult) missing.push(...priorLivingSituationMissing(answers?.priorLivingSituation))
        return missing.map(member(enrollmentId))
      })
    case 'disabilities':
      return members.flatMap(({ enrollmentId }) => {
        const answers = input.data.members[enrollmentId] ?? {}
        return Object.entries(DISABILITY_ELEMENTS).flatMap(([type, element]) => {
          const answer = answers[type as keyof typeof answers]
          if (uncollected(answer?.disabilityResponse)) return [member(enrollmentId)(element)]
          const yes = answer?.disabilityResponse !== 0 && !isReason(answer?.disabilityResponse as number)
          if (yes && ASKS_INDEFINITE.includes(Number(type)) && uncollected(answer?.indefiniteAndImpairs))
            return [member(enrollmentId)(`${element}: expected to be of long-continued duration`)]
          return []
        })
      })
    case 'domestic_violence':
      return headAndAdults.flatMap(({ enrollmentId }) => {
        const answers = input.data.members[enrollmentId]
        if (uncollected(answers?.domesticViolenceSurvivor))
          return [member(enrollmentId)('4.11 Domestic violence survivor')]
        if (answers?.domesticViolenceSurvivor !== YES) return []
        return [
          ...(uncollected(answers.whenOccurred) ? ['4.11A When the experience occurred'] : []),
          ...(uncollected(answers.currentlyFleeing) ? ['4.11B Currently fleeing'] : []),
        ].map(member(enrollmentId))
      })
    case 'current_living_situation': {
      const { data } = input
      const missing: CeMissingElement[] = []
      if (absent(data.informationDate)) missing.push(household('4.12 Information date'))
      if (uncollected(data.currentLivingSituation)) missing.push(household('4.12.1 Living situation'))
      else if (data.currentLivingSituation === DESTINATION_WITH_SUBSIDY && absent(data.clsSubsidyType))
        missing.push(household('4.12.1A Rental subsidy type'))
      return missing
    }
    case 'ce_assessment': {
      const { data } = input
      const fields: [unknown, string][] = [
        [data.assessmentDate, '4.19.1 Date of assessment'],
        [data.assessmentLocationProjectId, '4.19.2 Assessment location'],
        [data.assessmentType, '4.19.3 Assessment type'],
        [data.assessmentLevel, '4.19.4 Assessment level'],
        [data.toolVersionId, '4.19.5 Assessment questions (prioritization tool)'],
        [data.variant, 'Household type of the prioritization tool'],
        [data.prioritizationStatus, '4.19.7 Prioritization status'],
      ]
      return [
        ...fields.filter(([value]) => absent(value)).map(([, element]) => household(element)),
        ...(input.unansweredQuestions ?? []).map((question) => household(`Unanswered question: ${question}`)),
      ]
    }
    case 'outcome': {
      const missing: CeMissingElement[] = []
      if (absent(input.data.outcome)) missing.push(household('Outcome (diverted or placed on the queue)'))
      if (absent(input.data.outcomeDate)) missing.push(household('Outcome date'))
      return missing
    }
    case 'documents':
      return []
  }
}

/** Steps that must be completed before the household may be placed on the queue. */
export const CE_STEPS_BEFORE_QUEUE: readonly CeWorkflowStep[] = [
  'enrollment',
  'universal_data',
  'disabilities',
  'domestic_violence',
  'current_living_situation',
  'ce_assessment',
]
