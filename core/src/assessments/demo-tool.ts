import type { AssessmentToolDefinitionInput } from './tool-definition'

// An original demo tool written for Threshold (not derived from the VI-SPDAT or any other published
// instrument). Higher scores mean greater need; the points are illustrative, for trying the product out.

const never = { value: 'never', label: 'Never', points: 0 }

export const DEMO_ASSESSMENT_TOOL: AssessmentToolDefinitionInput = {
  name: 'Fulton Housing Needs Assessment (demo)',
  description:
    'A short, plain-language housing needs assessment written for the Threshold demo. Ask every question in ' +
    'the person’s own words if needed; they may decline any question.',
  variants: ['single_adult', 'family', 'youth'],
  subScores: [
    { id: 'housing_history', label: 'Housing history' },
    { id: 'health_safety', label: 'Health and safety' },
    { id: 'daily_functioning', label: 'Daily functioning' },
    { id: 'household_needs', label: 'Household needs' },
  ],
  sections: [
    {
      id: 'housing_history',
      title: 'Housing history',
      questions: [
        {
          id: 'sleep_location',
          type: 'single_choice',
          text: 'Where did you sleep most nights this past week?',
          subScores: ['housing_history'],
          options: [
            {
              value: 'outside',
              label: 'Outside, in a car, or somewhere not meant for sleeping',
              points: 4,
              variantPoints: { youth: 5, family: 5 },
            },
            { value: 'shelter', label: 'An emergency shelter', points: 2 },
            {
              value: 'couch',
              label: 'With friends or family, short term',
              points: 1,
              variantPoints: { youth: 2 },
            },
            { value: 'other', label: 'Somewhere else', points: 1 },
          ],
        },
        {
          id: 'months_without_home',
          type: 'number',
          text: 'In the past three years, about how many months in total have you been without a home?',
          help: 'A rough count is fine.',
          subScores: ['housing_history'],
          min: 0,
          max: 36,
          bands: [
            { min: 0, max: 2, points: 0 },
            { min: 3, max: 5, points: 1 },
            { min: 6, max: 11, points: 2 },
            { min: 12, max: 36, points: 4 },
          ],
        },
        {
          id: 'times_without_home',
          type: 'single_choice',
          text: 'How many separate times have you lost your housing in the past three years?',
          subScores: ['housing_history'],
          options: [
            { value: 'once', label: 'Once (this time)', points: 0 },
            { value: 'two_three', label: 'Two or three times', points: 1 },
            { value: 'four_plus', label: 'Four or more times', points: 2 },
          ],
        },
        {
          id: 'last_stable_home',
          type: 'date',
          text: 'When did you last have a place of your own, or that you shared, for a year or more?',
          required: false,
        },
        {
          id: 'evicted_last_year',
          type: 'yes_no',
          text: 'Have you had to leave a home because of an eviction in the past year?',
          subScores: ['housing_history'],
          yes: { points: 1 },
          no: { points: 0 },
        },
      ],
    },
    {
      id: 'health_safety',
      title: 'Health and safety',
      questions: [
        {
          id: 'er_visits',
          type: 'number',
          text: 'How many times have you gone to an emergency room in the past six months?',
          subScores: ['health_safety'],
          min: 0,
          max: 100,
          bands: [
            { min: 0, max: 0, points: 0 },
            { min: 1, max: 2, points: 1 },
            { min: 3, points: 2 },
          ],
        },
        {
          id: 'health_conditions',
          type: 'multi_choice',
          text: 'Do any of these make it harder for you to keep housing? Choose all that apply.',
          subScores: ['health_safety'],
          required: false,
          maxPoints: 4,
          options: [
            { value: 'physical', label: 'A long-lasting physical health condition', points: 1 },
            { value: 'mental', label: 'A mental health condition', points: 1 },
            { value: 'substance', label: 'Alcohol or drug use', points: 1 },
            { value: 'memory', label: 'Trouble with memory or understanding', points: 1 },
            {
              value: 'pregnancy',
              label: 'A current pregnancy',
              points: 1,
              variantPoints: { youth: 2, family: 2 },
            },
          ],
        },
        {
          id: 'feels_unsafe',
          type: 'single_choice',
          text: 'How often do you feel unsafe where you are staying now?',
          subScores: ['health_safety'],
          options: [
            never,
            { value: 'sometimes', label: 'Sometimes', points: 1 },
            { value: 'often', label: 'Often or always', points: 2, variantPoints: { youth: 3 } },
          ],
        },
        {
          id: 'harmed_since_homeless',
          type: 'yes_no',
          text: 'Has anyone hurt you or tried to hurt you since you lost your housing?',
          subScores: ['health_safety'],
          yes: { points: 2 },
          no: { points: 0 },
        },
      ],
    },
    {
      id: 'daily_functioning',
      title: 'Daily functioning',
      questions: [
        {
          id: 'income_sources',
          type: 'single_choice',
          text: 'Do you have any regular money coming in right now?',
          subScores: ['daily_functioning'],
          options: [
            { value: 'none', label: 'No regular income', points: 2 },
            { value: 'some', label: 'Some, but not enough to pay rent', points: 1 },
            { value: 'enough', label: 'Enough to pay rent with a little help', points: 0 },
          ],
        },
        {
          id: 'needs_help_daily_tasks',
          type: 'yes_no',
          text: 'Do you need help with everyday tasks like cooking, bathing, or taking medicine?',
          subScores: ['daily_functioning'],
          yes: { points: 2 },
          no: { points: 0 },
        },
        {
          id: 'missed_appointments',
          type: 'single_choice',
          text: 'How often do you miss appointments you meant to keep?',
          subScores: ['daily_functioning'],
          options: [
            never,
            { value: 'sometimes', label: 'Sometimes', points: 1 },
            { value: 'often', label: 'Often', points: 2 },
          ],
        },
        {
          id: 'has_id',
          type: 'yes_no',
          text: 'Do you have a photo ID you can get to?',
          subScores: ['daily_functioning'],
          yes: { points: 0 },
          no: { points: 1 },
        },
      ],
    },
    {
      id: 'household_needs',
      title: 'Household needs',
      questions: [
        {
          id: 'children_in_household',
          type: 'number',
          text: 'How many children under 18 are with you?',
          variants: ['family'],
          subScores: ['household_needs'],
          min: 1,
          max: 15,
          bands: [
            { min: 1, max: 2, points: 1 },
            { min: 3, max: 4, points: 2 },
            { min: 5, points: 3 },
          ],
        },
        {
          id: 'child_under_five',
          type: 'yes_no',
          text: 'Is any child in your household under five years old?',
          variants: ['family'],
          subScores: ['household_needs'],
          yes: { points: 2 },
          no: { points: 0 },
        },
        {
          id: 'children_missed_school',
          type: 'yes_no',
          text: 'Have your children had to change schools or miss school because of housing?',
          variants: ['family'],
          subScores: ['household_needs'],
          yes: { points: 1 },
          no: { points: 0 },
        },
        {
          id: 'left_care_system',
          type: 'yes_no',
          text: 'Did you leave foster care, a group home, or juvenile detention in the past two years?',
          variants: ['youth'],
          subScores: ['household_needs'],
          yes: { points: 2 },
          no: { points: 0 },
        },
        {
          id: 'left_home_conflict',
          type: 'yes_no',
          text: 'Did you leave home because of conflict, or because you were asked to leave?',
          variants: ['youth'],
          subScores: ['household_needs'],
          yes: { points: 1 },
          no: { points: 0 },
        },
        {
          id: 'support_person',
          type: 'yes_no',
          text: 'Is there someone you can count on to help you if you get housing?',
          subScores: ['household_needs'],
          yes: { points: 0 },
          no: { points: 1, variantPoints: { youth: 2 } },
        },
      ],
    },
  ],
}
