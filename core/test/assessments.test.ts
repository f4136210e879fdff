import { describe, expect, it } from 'vitest'
import {
  type AssessmentAnswers,
  AssessmentToolDefinition,
  DEMO_ASSESSMENT_TOOL,
  maximumScore,
  questionsFor,
  type ScorableToolVersion,
  scoreAssessment,
} from '../src/index'

const demo: ScorableToolVersion = {
  id: 'version-1',
  version: 1,
  definition: AssessmentToolDefinition.parse(DEMO_ASSESSMENT_TOOL),
}

const commonAnswers: AssessmentAnswers = {
  sleep_location: 'outside',
  months_without_home: 14,
  times_without_home: 'two_three',
  evicted_last_year: false,
  er_visits: 3,
  health_conditions: ['mental', 'substance'],
  feels_unsafe: 'often',
  harmed_since_homeless: true,
  income_sources: 'none',
  needs_help_daily_tasks: false,
  missed_appointments: 'sometimes',
  has_id: false,
  support_person: false,
}

const scored = (
  tool: ScorableToolVersion,
  variant: 'single_adult' | 'family' | 'youth',
  answers: AssessmentAnswers,
) => {
  const outcome = scoreAssessment(tool, variant, answers)
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues))
  return outcome.score
}

describe('the demo tool', () => {
  it('is a valid definition with four sections', () => {
    expect(demo.definition.sections.map((section) => section.title)).toEqual([
      'Housing history',
      'Health and safety',
      'Daily functioning',
      'Household needs',
    ])
  })
  it('asks families about children and youth about leaving care, and neither of single adults', () => {
    const ids = (variant: 'single_adult' | 'family' | 'youth') =>
      questionsFor(demo.definition, variant).flatMap((entry) =>
        entry.questions.map((question) => question.id),
      )
    expect(ids('family')).toContain('children_in_household')
    expect(ids('family')).not.toContain('left_care_system')
    expect(ids('youth')).toContain('left_care_system')
    expect(ids('single_adult')).not.toContain('children_in_household')
    expect(ids('single_adult')).not.toContain('left_care_system')
  })
})

describe('scoring per household type', () => {
  it('scores a single adult with sub-scores adding up to the total', () => {
    const score = scored(demo, 'single_adult', commonAnswers)
    expect(score.subScores).toEqual({
      housing_history: 9,
      health_safety: 8,
      daily_functioning: 4,
      household_needs: 1,
    })
    expect(score.total).toBe(22)
    expect(score).toMatchObject({
      toolVersionId: 'version-1',
      version: 1,
      variant: 'single_adult',
      complete: true,
    })
    expect(score.answered).toBe(13)
  })
  it('gives youth the youth points for the same answers and scores youth-only questions', () => {
    const score = scored(demo, 'youth', {
      ...commonAnswers,
      left_care_system: true,
      left_home_conflict: false,
    })
    // outside 5 (not 4), unsafe often 3 (not 2), no support person 2 (not 1), left care 2
    expect(score.subScores).toEqual({
      housing_history: 10,
      health_safety: 9,
      daily_functioning: 4,
      household_needs: 4,
    })
    expect(score.total).toBe(27)
  })
  it('scores family questions with number bands', () => {
    const family = {
      ...commonAnswers,
      children_in_household: 3,
      child_under_five: true,
      children_missed_school: false,
    }
    expect(scored(demo, 'family', family).subScores.household_needs).toBe(1 + 2 + 2)
    expect(scored(demo, 'family', { ...family, children_in_household: 5 }).subScores.household_needs).toBe(6)
  })
  it('caps a multiple-choice question at its maximum points', () => {
    const all = ['physical', 'mental', 'substance', 'memory', 'pregnancy']
    const score = scored(demo, 'single_adult', { ...commonAnswers, health_conditions: all })
    expect(score.questionPoints.health_conditions).toBe(4)
  })
  it('scores a number outside every band as 0 and an optional date as 0', () => {
    const score = scored(demo, 'single_adult', {
      ...commonAnswers,
      er_visits: 0,
      last_stable_home: '2021-04-30',
    })
    expect(score.questionPoints.er_visits).toBe(0)
    expect(score.questionPoints.last_stable_home).toBe(0)
  })
})

describe('maximum score', () => {
  it('adds each asked question’s best points for the household type, capped multi-choice included', () => {
    // housing 4+4+2+1, health 2+4+2+2, functioning 2+2+2+1, support person 1
    expect(maximumScore(demo.definition, 'single_adult')).toBe(29)
    // outside 5, pregnancy does not raise the capped 4, unsafe 3, support 2, left care 2, conflict 1
    expect(maximumScore(demo.definition, 'youth')).toBe(29 + 1 + 1 + 1 + 2 + 1)
    // outside 5, children 3, under five 2, school 1
    expect(maximumScore(demo.definition, 'family')).toBe(29 + 1 + 3 + 2 + 1)
  })
})

describe('required questions', () => {
  it('lists required questions without an answer and marks the result incomplete', () => {
    const { times_without_home: _times, support_person: _support, ...partial } = commonAnswers
    const score = scored(demo, 'family', { ...partial, child_under_five: null })
    expect(score.unansweredRequired).toEqual([
      'times_without_home',
      'children_in_household',
      'child_under_five',
      'children_missed_school',
      'support_person',
    ])
    expect(score.complete).toBe(false)
  })
  it('does not require optional questions (an empty choice list counts as unanswered)', () => {
    const score = scored(demo, 'single_adult', { ...commonAnswers, health_conditions: [] })
    expect(score.complete).toBe(true)
    expect(score.questionPoints.health_conditions).toBeUndefined()
  })
})

describe('invalid answers', () => {
  const issuesFor = (
    answers: AssessmentAnswers,
    variant: 'single_adult' | 'family' | 'youth' = 'single_adult',
  ) => {
    const outcome = scoreAssessment(demo, variant, { ...commonAnswers, ...answers })
    if (outcome.ok) throw new Error('expected issues')
    return outcome.issues
  }
  it('names each question whose answer does not fit its type', () => {
    expect(
      issuesFor({
        sleep_location: 'castle',
        months_without_home: 2.5,
        evicted_last_year: 'yes',
        last_stable_home: '2021-02-30',
      }),
    ).toEqual([
      {
        questionId: 'sleep_location',
        message: 'Where did you sleep most nights this past week?: "castle" is not one of the options',
      },
      {
        questionId: 'months_without_home',
        message:
          'In the past three years, about how many months in total have you been without a home?: enter a whole number',
      },
      { questionId: 'last_stable_home', message: expect.stringContaining('enter a date as YYYY-MM-DD') },
      { questionId: 'evicted_last_year', message: expect.stringContaining('answer yes or no') },
    ])
  })
  it('checks number limits and multiple-choice lists', () => {
    const issues = issuesFor({
      months_without_home: 40,
      health_conditions: ['mental', 'mental'],
      income_sources: ['none'],
    })
    expect(issues.map((issue) => issue.message.split(': ')[1])).toEqual([
      'must be at most 36',
      'an option is chosen twice',
      'choose one option',
    ])
  })
  it('refuses answers to questions not asked of the household type or not in the tool', () => {
    expect(issuesFor({ children_in_household: 2, favourite_colour: 'blue' })).toEqual([
      {
        questionId: 'children_in_household',
        message: '"children_in_household" is not asked of single adult households',
      },
      { questionId: 'favourite_colour', message: '"favourite_colour" is not a question of this tool' },
    ])
  })
  it('refuses a household type the tool is not offered for', () => {
    const singlesOnly = { ...demo, definition: { ...demo.definition, variants: ['single_adult' as const] } }
    expect(scoreAssessment(singlesOnly, 'family', commonAnswers)).toEqual({
      ok: false,
      issues: [
        {
          questionId: '',
          message: 'Fulton Housing Needs Assessment (demo) is not given to "family" households',
        },
      ],
    })
  })
})

describe('definition validation', () => {
  const minimal = {
    name: 'Tiny',
    subScores: [{ id: 'need', label: 'Need' }],
    sections: [
      {
        id: 'only',
        title: 'Only',
        questions: [
          { id: 'q', type: 'yes_no', text: 'Q?', subScores: ['need'], yes: { points: 1 }, no: { points: 0 } },
        ],
      },
    ],
  }
  const messages = (definition: unknown) => {
    const result = AssessmentToolDefinition.safeParse(definition)
    return result.success ? [] : result.error.issues.map((issue) => issue.message)
  }
  it('accepts a minimal tool and applies defaults (all variants, questions required)', () => {
    const tool = AssessmentToolDefinition.parse(minimal)
    expect(tool.variants).toEqual(['single_adult', 'family', 'youth'])
    expect(tool.sections[0]?.questions[0]?.required).toBe(true)
  })
  it('refuses unknown sub-scores, duplicate question ids and overlapping bands', () => {
    const question = minimal.sections[0]?.questions[0]
    expect(
      messages({
        ...minimal,
        sections: [
          {
            id: 'only',
            title: 'Only',
            questions: [
              { ...question, subScores: ['nope'] },
              { ...question },
              {
                id: 'n',
                type: 'number',
                text: 'N?',
                bands: [
                  { min: 0, max: 5, points: 1 },
                  { min: 5, points: 2 },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual(['unknown sub-score "nope"', 'question id "q" is used twice', 'number bands must not overlap'])
  })
  it('refuses a question shown to a household type the tool is not offered for', () => {
    const question = { ...minimal.sections[0]?.questions[0], variants: ['youth'] }
    expect(
      messages({
        ...minimal,
        variants: ['family'],
        sections: [{ id: 'only', title: 'Only', questions: [question] }],
      }),
    ).toEqual(['the tool is not offered for "youth" households'])
  })
})

describe('versions', () => {
  it('a new version with different points never changes a score stored with the old version', () => {
    const stored = scored(demo, 'single_adult', commonAnswers)
    const revised = structuredClone(DEMO_ASSESSMENT_TOOL)
    const sleep = revised.sections[0]?.questions[0]
    if (sleep?.type !== 'single_choice') throw new Error('demo changed')
    sleep.options = sleep.options.map((option) =>
      option.value === 'outside' ? { ...option, points: 10, variantPoints: {} } : option,
    )
    const version2: ScorableToolVersion = {
      id: 'version-2',
      version: 2,
      definition: AssessmentToolDefinition.parse(revised),
    }

    const rescoredWithNew = scored(version2, 'single_adult', commonAnswers)
    expect(rescoredWithNew.total).toBe(stored.total + 6)
    expect(rescoredWithNew.toolVersionId).toBe('version-2')
    // The stored result names its version; scoring again with that version gives the same result.
    expect(stored.toolVersionId).toBe('version-1')
    expect(scored(demo, stored.variant, commonAnswers)).toEqual(stored)
    expect(DEMO_ASSESSMENT_TOOL.sections[0]?.questions[0]).not.toEqual(sleep)
  })
})
