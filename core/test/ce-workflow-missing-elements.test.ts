import { describe, expect, it } from 'vitest'
import { DisabilitiesStepDraft } from '../src/api/ce-workflow'
import { ceStepMissingElements, priorLivingSituationMissing } from '../src/ce-workflow/missing-elements'

const head = { enrollmentId: 'head', isHead: true, isAdult: true }
/** Draft answers are keyed by enrollment ids. */
const HEAD_ID = '11111111-1111-4111-8111-111111111111'
const child = { enrollmentId: 'child', isHead: false, isAdult: false }

describe('priorLivingSituationMissing', () => {
  it('asks when homelessness started, and how often, of someone coming from the street', () => {
    expect(priorLivingSituationMissing({ livingSituation: 116, lengthOfStay: 4 })).toEqual([
      '3.917.3 Approximate date homelessness started',
      '3.917.4 Times homeless in the past three years',
      '3.917.5 Months homeless in the past three years',
    ])
  })

  it('follows the institutional path: a short stay, then the night before, then the homeless history', () => {
    expect(priorLivingSituationMissing({ livingSituation: 215, lengthOfStay: 10 })).toEqual([
      '3.917.2A Length of stay under the threshold',
    ])
    expect(
      priorLivingSituationMissing({ livingSituation: 215, lengthOfStay: 10, losUnderThreshold: 1 }),
    ).toEqual(['3.917.2B On the night before, stayed on the streets, ES or SH'])
    expect(
      priorLivingSituationMissing({
        livingSituation: 215,
        lengthOfStay: 10,
        losUnderThreshold: 1,
        previousStreetEssh: 0,
      }),
    ).toEqual([])
  })

  it('counts "Data not collected" as missing and asks the subsidy type of a subsidized rental', () => {
    expect(priorLivingSituationMissing({ livingSituation: 99 })).toEqual(['3.917.1 Type of residence'])
    expect(
      priorLivingSituationMissing({ livingSituation: 435, lengthOfStay: 5, losUnderThreshold: 0 }),
    ).toEqual(['3.917.1A Rental subsidy type'])
  })
})

describe('ceStepMissingElements', () => {
  it('asks 3.08 of every member but 3.917 of the head and adults only', () => {
    const missing = ceStepMissingElements({ step: 'universal_data', data: { members: {} } }, [head, child])
    expect(missing.filter((element) => element.memberEnrollmentId === 'child')).toEqual([
      { element: '3.08 Disabling Condition', memberEnrollmentId: 'child' },
    ])
    expect(missing).toContainEqual({ element: '3.917.1 Type of residence', memberEnrollmentId: 'head' })
  })

  it('asks whether a Yes disability is long-lasting, except developmental and HIV/AIDS', () => {
    const allNo = Object.fromEntries(
      ['5', '6', '7', '8', '9', '10'].map((type) => [type, { disabilityResponse: 0 }]),
    )
    const data = DisabilitiesStepDraft.parse({
      members: { [HEAD_ID]: { ...allNo, '6': { disabilityResponse: 1 }, '10': { disabilityResponse: 2 } } },
    })
    expect(
      ceStepMissingElements({ step: 'disabilities', data }, [{ ...head, enrollmentId: HEAD_ID }]),
    ).toEqual([
      {
        element: '4.10 Substance Use Disorder: expected to be of long-continued duration',
        memberEnrollmentId: HEAD_ID,
      },
    ])
  })

  it('lists the unanswered prioritization questions with the 4.19 fields', () => {
    const missing = ceStepMissingElements(
      {
        step: 'ce_assessment',
        data: { answers: {}, assessmentType: 3 },
        unansweredQuestions: ['sleep_location'],
      },
      [head],
    ).map((element) => element.element)
    expect(missing).toContain('4.19.1 Date of assessment')
    expect(missing).not.toContain('4.19.3 Assessment type')
    expect(missing).toContain('Unanswered question: sleep_location')
  })
})
