import { StageAnswers } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { emptyStageValues, toStageAnswers } from './stage-answers'

describe('toStageAnswers', () => {
  it('leaves out every part nobody answered (cleared selects included)', () => {
    expect(toStageAnswers(emptyStageValues())).toEqual({})
    expect(
      toStageAnswers({
        ...emptyStageValues(),
        incomeFromAnySource: null as unknown as string,
        disabilities: { 5: '' },
      }),
    ).toEqual({})
  })

  it('marks chosen sources Yes and the others No under "any source: Yes", with amounts, as the API accepts', () => {
    const answers = toStageAnswers({
      ...emptyStageValues(),
      incomeFromAnySource: '1',
      incomeSources: ['earned', 'ssi'],
      incomeAmounts: { earned: 1250.5, ssi: '', tanf: 300 },
      insuranceFromAnySource: '1',
      insurance: ['medicaid'],
      benefitsFromAnySource: '0',
      disabilities: { 5: '0', 10: '2' },
      domesticViolenceSurvivor: '1',
      whenOccurred: '4',
      currentlyFleeing: '0',
    })
    expect(answers.incomeBenefits).toMatchObject({
      incomeFromAnySource: 1,
      earned: 1,
      earnedAmount: 1250.5,
      ssi: 1,
      tanf: 0,
      benefitsFromAnySource: 0,
      insuranceFromAnySource: 1,
      medicaid: 1,
      medicare: 0,
    })
    // An amount without its source chosen, or left blank, is not sent.
    expect(answers.incomeBenefits).not.toHaveProperty('tanfAmount')
    expect(answers.incomeBenefits).not.toHaveProperty('ssiAmount')
    expect(answers.disabilities).toEqual([
      { disabilityType: 5, disabilityResponse: 0, indefiniteAndImpairs: null },
      { disabilityType: 10, disabilityResponse: 2, indefiniteAndImpairs: null },
    ])
    expect(answers.healthAndDv).toEqual({ domesticViolenceSurvivor: 1, whenOccurred: 4, currentlyFleeing: 0 })
    expect(StageAnswers.safeParse(answers).success).toBe(true)
  })

  it('drops the DV follow-ups when the client is not a survivor, so the contract holds', () => {
    const answers = toStageAnswers({
      ...emptyStageValues(),
      domesticViolenceSurvivor: '0',
      whenOccurred: '2',
    })
    expect(answers.healthAndDv).toEqual({
      domesticViolenceSurvivor: 0,
      whenOccurred: null,
      currentlyFleeing: null,
    })
    expect(StageAnswers.safeParse(answers).success).toBe(true)
  })
})
