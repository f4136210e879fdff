import { describe, expect, it } from 'vitest'
import {
  DisabilityAnswer,
  EnrollmentMemberExit,
  HealthAndDvAnswers,
  IncomeBenefitsAnswers,
  NewCurrentLivingSituation,
  NewEnrollment,
  PriorLivingSituation,
  snakeCase,
} from '../src/index'

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []

describe('income, benefits and insurance answers (4.02–4.04)', () => {
  it('accepts sources under "any source: Yes" with amounts in dollars and cents', () => {
    const answers = {
      incomeFromAnySource: 1,
      earned: 1,
      earnedAmount: 1200.5,
      insuranceFromAnySource: 0,
      medicaid: 0,
      noMedicaidReason: 1,
    }
    expect(IncomeBenefitsAnswers.safeParse(answers).success).toBe(true)
  })

  it('needs a marked source when any source is Yes, and Yes when a source is marked', () => {
    expect(messages(IncomeBenefitsAnswers.safeParse({ incomeFromAnySource: 1 }))).toEqual([
      'Income from any source is Yes, so mark at least one source',
    ])
    expect(messages(IncomeBenefitsAnswers.safeParse({ benefitsFromAnySource: 0, snap: 1 }))).toEqual([
      'A source is marked Yes, so benefits from any source must be Yes',
    ])
  })

  it('takes an amount only for a source marked Yes, and a "no" reason only for insurance marked No', () => {
    expect(messages(IncomeBenefitsAnswers.safeParse({ incomeFromAnySource: 0, earnedAmount: 10 }))).toEqual([
      'earnedAmount is recorded only when earned is Yes',
    ])
    expect(
      messages(
        IncomeBenefitsAnswers.safeParse({ insuranceFromAnySource: 1, medicaid: 1, noMedicaidReason: 1 }),
      ),
    ).toEqual(['noMedicaidReason is recorded only when medicaid is No'])
  })

  it('refuses negative amounts, fractions of a cent, codes outside the HUD list and unknown fields', () => {
    expect(IncomeBenefitsAnswers.safeParse({ incomeFromAnySource: 1, ssi: 1, ssiAmount: -1 }).success).toBe(
      false,
    )
    expect(
      IncomeBenefitsAnswers.safeParse({ incomeFromAnySource: 1, ssi: 1, ssiAmount: 1.005 }).success,
    ).toBe(false)
    expect(IncomeBenefitsAnswers.safeParse({ incomeFromAnySource: 2 }).success).toBe(false)
    expect(IncomeBenefitsAnswers.safeParse({ salary: 1 }).success).toBe(false)
  })

  it('maps API names to the snake_case columns', () => {
    expect(snakeCase('vaDisabilityNonServiceAmount')).toBe('va_disability_non_service_amount')
    expect(snakeCase('noSchipReason')).toBe('no_schip_reason')
    expect(snakeCase('leaveSituation14Days')).toBe('leave_situation14_days')
  })
})

describe('the other stage answers', () => {
  it('answers 2 and 3 only for substance use disorder (4.10)', () => {
    expect(DisabilityAnswer.safeParse({ disabilityType: 10, disabilityResponse: 3 }).success).toBe(true)
    expect(DisabilityAnswer.safeParse({ disabilityType: 9, disabilityResponse: 2 }).success).toBe(false)
    expect(DisabilityAnswer.safeParse({ disabilityType: 4, disabilityResponse: 1 }).success).toBe(false)
  })

  it('asks when and whether fleeing only of a DV survivor (4.11)', () => {
    expect(
      HealthAndDvAnswers.safeParse({ domesticViolenceSurvivor: 1, whenOccurred: 1, currentlyFleeing: 0 })
        .success,
    ).toBe(true)
    expect(HealthAndDvAnswers.safeParse({ domesticViolenceSurvivor: 0, whenOccurred: 1 }).success).toBe(false)
  })

  it('takes a rental subsidy type exactly for rental with an ongoing subsidy (3.917.A)', () => {
    expect(PriorLivingSituation.safeParse({ livingSituation: 435, rentalSubsidyType: 419 }).success).toBe(
      true,
    )
    expect(PriorLivingSituation.safeParse({ livingSituation: 435 }).success).toBe(false)
    expect(PriorLivingSituation.safeParse({ livingSituation: 116, rentalSubsidyType: 419 }).success).toBe(
      false,
    )
    // 312 is a destination only, never a prior living situation.
    expect(PriorLivingSituation.safeParse({ livingSituation: 312 }).success).toBe(false)
  })

  it('asks the 14-day follow-ups of 4.12 only when the client must leave', () => {
    const contact = { informationDate: '2026-01-05', currentLivingSituation: 335 }
    expect(
      NewCurrentLivingSituation.safeParse({ ...contact, leaveSituation14Days: 1, subsequentResidence: 0 })
        .success,
    ).toBe(true)
    expect(
      NewCurrentLivingSituation.safeParse({ ...contact, leaveSituation14Days: 0, subsequentResidence: 0 })
        .success,
    ).toBe(false)
  })
})

describe('enrollment and exit requests', () => {
  const member = { clientId: '00000000-0000-4000-8000-000000000001', relationshipToHoh: 1 }

  it('enrolls each client once, with a CoC code and a real date', () => {
    const enrollment = {
      projectId: '00000000-0000-4000-8000-000000000009',
      entryDate: '2026-01-05',
      members: [member],
    }
    expect(NewEnrollment.safeParse(enrollment).success).toBe(true)
    expect(messages(NewEnrollment.safeParse({ ...enrollment, members: [member, member] }))).toEqual([
      'each client once',
    ])
    expect(NewEnrollment.safeParse({ ...enrollment, enrollmentCoc: 'GA502' }).success).toBe(false)
    expect(NewEnrollment.safeParse({ ...enrollment, entryDate: '2023-02-30' }).success).toBe(false)
  })

  it('takes a destination from the FY2026 destination list with its details', () => {
    const exit = { exitDate: '2026-03-01', destination: 410 }
    expect(EnrollmentMemberExit.safeParse(exit).success).toBe(true)
    expect(EnrollmentMemberExit.safeParse({ ...exit, destination: 336 }).success).toBe(false)
    expect(EnrollmentMemberExit.safeParse({ ...exit, destination: 435 }).success).toBe(false)
    expect(
      EnrollmentMemberExit.safeParse({ ...exit, destination: 435, destinationSubsidyType: 439 }).success,
    ).toBe(true)
    expect(EnrollmentMemberExit.safeParse({ ...exit, otherDestination: 'Abroad' }).success).toBe(false)
    expect(
      EnrollmentMemberExit.safeParse({ ...exit, destination: 17, otherDestination: 'Abroad' }).success,
    ).toBe(true)
  })
})
