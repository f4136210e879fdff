import { PROJECT_TYPES } from '../hud/index'
import { PERMANENT_HOUSING_PROJECT_TYPES } from './rules'
import { DISABILITY_TYPES, type DisabilityTypeCode } from './stage-fields'

// Which HUD elements an enrollment must have, for whom, at which data collection stage, by project type.
// Funder-specific elements (HOPWA, PATH, RHY, SSVF, VA) are not listed: projects carry no funder yet.

/** Who answers: everyone, the head of household only, or the head and every adult (18+ at start). */
export type ElementSubject = 'all' | 'head' | 'head_and_adults'
export type CompletenessStage = 'project start' | 'project exit'

export type ElementSource =
  | {
      kind: 'enrollment'
      column: 'disabling_condition' | 'living_situation' | 'enrollment_coc' | 'destination'
    }
  | {
      kind: 'income_benefits'
      column: 'income_from_any_source' | 'benefits_from_any_source' | 'insurance_from_any_source'
    }
  | { kind: 'disability'; disabilityType: DisabilityTypeCode }
  | { kind: 'health_and_dv' }
  | { kind: 'current_living_situation' }
  /** Recorded when it happens, never "missing" (a household may never move in). */
  | { kind: 'occurrence' }

export interface RequiredElement {
  element: string
  subject: ElementSubject
  /** Stages checked for completeness; empty for elements recorded when they occur. */
  stages: readonly CompletenessStage[]
  /** Project types (2.02.6) that collect it. */
  projectTypes: readonly number[]
  source: ElementSource
}

const ALL_PROJECT_TYPES: readonly number[] = Object.values(PROJECT_TYPES)
/** Coordinated Entry records the CE elements (4.19, 4.20), not income, insurance or disabilities. */
const SERVICE_PROJECT_TYPES = ALL_PROJECT_TYPES.filter((type) => type !== PROJECT_TYPES.CE)
/** Contact-based projects record 4.12 at each contact. */
const CONTACT_PROJECT_TYPES: readonly number[] = [
  PROJECT_TYPES.ES_NIGHT_BY_NIGHT,
  PROJECT_TYPES.SO,
  PROJECT_TYPES.CE,
]
const START: readonly CompletenessStage[] = ['project start']
const START_AND_EXIT: readonly CompletenessStage[] = ['project start', 'project exit']

const disability = (element: string, disabilityType: DisabilityTypeCode): RequiredElement => ({
  element,
  subject: 'all',
  stages: START_AND_EXIT,
  projectTypes: SERVICE_PROJECT_TYPES,
  source: { kind: 'disability', disabilityType },
})

export const REQUIRED_ELEMENTS: readonly RequiredElement[] = [
  {
    element: '3.08 Disabling Condition',
    subject: 'all',
    stages: START,
    projectTypes: ALL_PROJECT_TYPES,
    source: { kind: 'enrollment', column: 'disabling_condition' },
  },
  {
    element: '3.917 Prior Living Situation',
    subject: 'head_and_adults',
    stages: START,
    projectTypes: ALL_PROJECT_TYPES,
    source: { kind: 'enrollment', column: 'living_situation' },
  },
  {
    element: '3.16 Enrollment CoC',
    subject: 'head',
    stages: START,
    projectTypes: ALL_PROJECT_TYPES,
    source: { kind: 'enrollment', column: 'enrollment_coc' },
  },
  {
    element: '3.12 Destination',
    subject: 'all',
    stages: ['project exit'],
    projectTypes: ALL_PROJECT_TYPES,
    source: { kind: 'enrollment', column: 'destination' },
  },
  {
    element: '3.20 Housing Move-In Date',
    subject: 'head',
    stages: [],
    projectTypes: PERMANENT_HOUSING_PROJECT_TYPES,
    source: { kind: 'occurrence' },
  },
  {
    element: '4.02 Income and Sources',
    subject: 'head_and_adults',
    stages: START_AND_EXIT,
    projectTypes: SERVICE_PROJECT_TYPES,
    source: { kind: 'income_benefits', column: 'income_from_any_source' },
  },
  {
    element: '4.03 Non-Cash Benefits',
    subject: 'head_and_adults',
    stages: START_AND_EXIT,
    projectTypes: SERVICE_PROJECT_TYPES,
    source: { kind: 'income_benefits', column: 'benefits_from_any_source' },
  },
  {
    element: '4.04 Health Insurance',
    subject: 'all',
    stages: START_AND_EXIT,
    projectTypes: SERVICE_PROJECT_TYPES,
    source: { kind: 'income_benefits', column: 'insurance_from_any_source' },
  },
  disability('4.05 Physical Disability', DISABILITY_TYPES.physical),
  disability('4.06 Developmental Disability', DISABILITY_TYPES.developmental),
  disability('4.07 Chronic Health Condition', DISABILITY_TYPES.chronicHealth),
  disability('4.08 HIV/AIDS', DISABILITY_TYPES.hivAids),
  disability('4.09 Mental Health Disorder', DISABILITY_TYPES.mentalHealth),
  disability('4.10 Substance Use Disorder', DISABILITY_TYPES.substanceUse),
  {
    element: '4.11 Domestic Violence',
    subject: 'head_and_adults',
    stages: START,
    projectTypes: SERVICE_PROJECT_TYPES,
    source: { kind: 'health_and_dv' },
  },
  {
    element: '4.12 Current Living Situation',
    subject: 'head_and_adults',
    stages: START,
    projectTypes: CONTACT_PROJECT_TYPES,
    source: { kind: 'current_living_situation' },
  },
]

/** The elements a member owes at a stage of an enrollment in a project of this type. */
export function requiredElementsFor(input: {
  projectType: number
  stage: CompletenessStage
  isHead: boolean
  isAdult: boolean
}): RequiredElement[] {
  return REQUIRED_ELEMENTS.filter(
    (required) =>
      required.projectTypes.includes(input.projectType) &&
      required.stages.includes(input.stage) &&
      (required.subject === 'all' ||
        input.isHead ||
        (required.subject === 'head_and_adults' && input.isAdult)),
  )
}
