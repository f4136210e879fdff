import { describe, expect, it } from 'vitest'
import { evaluateDocumentChecklists } from '../src/queue/document-checklist'
import { queueHouseholdFacts } from '../src/queue/household-facts'
import {
  compareRanked,
  DEFAULT_RANKING_KEYS,
  explainRanking,
  type RankingFacts,
  rankingKeyProblems,
  summarizeRankingImpact,
} from '../src/queue/ranking'

const facts = (id: string, overrides: Partial<RankingFacts> & { tieBreak?: number } = {}) => ({
  id,
  tieBreak: 0.5,
  score: 10,
  chronic: 'no' as const,
  daysHomeless: 100,
  ceStartDate: '2026-01-01',
  assessmentDate: '2026-01-02',
  veteran: 'no' as const,
  youth: 'no' as const,
  fleeingDv: 'no' as const,
  householdSize: 1,
  ...overrides,
})

describe('compareRanked', () => {
  it('orders by each key in turn, missing values last, then the tie-break and the id', () => {
    const entries = [
      facts('a', { score: null }),
      facts('b', { score: 12 }),
      facts('c', { score: 10, chronic: 'yes' }),
      facts('d', { score: 10, chronic: 'unknown', daysHomeless: 300 }),
      facts('e', { score: 10, daysHomeless: 300, ceStartDate: '2025-06-01' }),
      facts('f', { score: 10, daysHomeless: null }),
      facts('h', { score: 10, daysHomeless: 5, tieBreak: 0.2 }),
      facts('g', { score: 10, daysHomeless: 5, tieBreak: 0.2 }),
    ]
    const order = [...entries].sort(compareRanked(DEFAULT_RANKING_KEYS)).map((entry) => entry.id)
    expect(order).toEqual(['b', 'c', 'e', 'd', 'g', 'h', 'f', 'a'])
    const byStartOnly = [...entries]
      .sort(compareRanked([{ key: 'ce_start_date', direction: 'desc' }]))
      .map((entry) => entry.id)
    expect(byStartOnly[byStartOnly.length - 1]).toBe('e')
  })

  it('explains each key with its value', () => {
    expect(explainRanking(DEFAULT_RANKING_KEYS, facts('x', { chronic: 'yes' }))).toEqual([
      { key: 'score', label: 'Assessment score', direction: 'desc', value: 10 },
      { key: 'chronic', label: 'Chronically homeless', direction: 'desc', value: 1 },
      { key: 'days_homeless', label: 'Days homeless (past 3 years)', direction: 'desc', value: 100 },
      { key: 'ce_start_date', label: 'CE start date', direction: 'asc', value: '2026-01-01' },
    ])
  })

  it('refuses empty and repeated key lists', () => {
    expect(rankingKeyProblems([])).toEqual(['a ranking needs at least one key'])
    expect(
      rankingKeyProblems([
        { key: 'score', direction: 'desc' },
        { key: 'score', direction: 'asc' },
      ]),
    ).toEqual(['Assessment score is listed twice'])
    expect(rankingKeyProblems(DEFAULT_RANKING_KEYS)).toEqual([])
  })
})

describe('summarizeRankingImpact', () => {
  it('counts moves and the top N crossings', () => {
    const impact = summarizeRankingImpact(
      [
        { before: 1, after: 1 },
        { before: 2, after: 4 },
        { before: 3, after: 2 },
        { before: 4, after: 3 },
        { before: 5, after: 5 },
      ],
      2,
    )
    expect(impact).toEqual({
      changedPosition: 3,
      leaveTop: 1,
      enterTop: 1,
      top: 2,
      largestRise: 1,
      largestFall: 2,
    })
  })
})

describe('document checklists', () => {
  it('needs disability, 12 months and ID for PSH; homelessness, ID and an assessment for RRH', () => {
    expect(evaluateDocumentChecklists({ documentKinds: [], hasAssessment: false })).toEqual({
      completeFor: [],
      missing: {
        psh: ['disability_verification', 'homelessness_12_months', 'identification'],
        rrh: ['homelessness', 'identification', 'assessment'],
        th: ['homelessness', 'identification', 'assessment'],
      },
    })
    const psh = evaluateDocumentChecklists({
      documentKinds: ['disability_verification', 'chronic_homelessness_documentation', 'identification'],
      hasAssessment: false,
    })
    expect(psh.completeFor).toEqual(['psh'])
    expect(psh.missing.rrh).toEqual(['assessment'])
  })
})

describe('queueHouseholdFacts', () => {
  it('derives the household facts from its members', () => {
    const adult = {
      dob: '1990-01-01',
      veteranStatus: 1,
      relationshipToHoh: 1,
      entryDate: '2026-01-10',
      projectType: 14,
      disablingCondition: 1,
      priorLivingSituation: {
        livingSituation: 116,
        losUnderThreshold: null,
        previousStreetEssh: null,
        dateToStreetEssh: '2024-01-01',
        timesHomelessPastThreeYears: null,
        monthsHomelessPastThreeYears: null,
      },
      domesticViolence: { domesticViolenceSurvivor: 1, currentlyFleeing: 1 },
    }
    const child = {
      ...adult,
      dob: '2020-05-05',
      veteranStatus: null,
      relationshipToHoh: 2,
      domesticViolence: null,
    }
    const result = queueHouseholdFacts(
      {
        members: [adult, child],
        latestAssessment: { score: 12, assessmentDate: '2026-01-11' },
        lastCurrentLivingSituationDate: '2026-01-20',
        documentKinds: ['identification', 'homelessness_documentation'],
      },
      '2026-02-01',
    )
    expect(result).toMatchObject({
      ceStartDate: '2026-01-10',
      householdType: 'adults_and_children',
      householdSize: 2,
      chronic: 'yes',
      veteran: 'yes',
      youth: 'no',
      fleeingDv: 'yes',
      daysHomeless: 762,
      score: 12,
      disabilityVerified: false,
      documentsCompleteFor: ['rrh', 'th'],
    })
  })
})
