import { describe, expect, it } from 'vitest'
import {
  ageOnDate,
  anyMemberFact,
  type ChronicHomelessnessInput,
  chronicallyHomeless,
  chronicallyHomelessHousehold,
  currentLivingSituationStaleness,
  daysHomelessPastThreeYears,
  derivedFact,
  fleeingDomesticViolence,
  householdType,
  PROJECT_TYPES,
  type PriorLivingSituationFacts,
  veteranHousehold,
  youthHousehold,
} from '../src/index'

const ON = '2026-06-15'
const born = (years: number, monthsExtra = 0) => {
  const month = 6 - monthsExtra
  return `${2026 - years}-${String(month).padStart(2, '0')}-01`
}
const adult = { dob: born(40), relationshipToHoh: 1 }
const child = { dob: born(6), relationshipToHoh: 2 }

describe('age on a date', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOnDate('2000-06-15', ON)).toBe(26)
    expect(ageOnDate('2000-06-16', ON)).toBe(25)
  })
  it('is unknown without a date of birth or with one after the date', () => {
    expect(ageOnDate(null, ON)).toBeNull()
    expect(ageOnDate('2027-01-01', ON)).toBeNull()
  })
})

describe('household type (HUD APR household types)', () => {
  it('adults only: every member 18 or over', () => {
    expect(householdType([adult, { dob: born(35), relationshipToHoh: 3 }], ON)).toBe('adults_only')
  })
  it('adults and children: at least one adult and one child', () => {
    expect(householdType([adult, child], ON)).toBe('adults_and_children')
  })
  it('adults and children even when a third member’s age is unknown', () => {
    expect(householdType([adult, child, { dob: null }], ON)).toBe('adults_and_children')
  })
  it('children only: every member under 18', () => {
    expect(householdType([{ dob: born(16) }, child], ON)).toBe('children_only')
  })
  it('unknown: a member of unknown age and no adult–child pair', () => {
    expect(householdType([adult, { dob: null }], ON)).toBe('unknown')
    expect(householdType([], ON)).toBe('unknown')
  })
  it('an 18th birthday on the date makes the member an adult', () => {
    expect(householdType([{ dob: '2008-06-15' }], ON)).toBe('adults_only')
    expect(householdType([{ dob: '2008-06-16' }], ON)).toBe('children_only')
  })
})

describe('veteran household (at least one adult veteran)', () => {
  it('yes when an adult member is a veteran', () => {
    const result = veteranHousehold(
      [
        { ...adult, veteranStatus: 0 },
        { dob: born(30), relationshipToHoh: 3, veteranStatus: 1 },
      ],
      ON,
    )
    expect(result.value).toBe('yes')
  })
  it('no when every adult answered No, whatever the children have recorded', () => {
    expect(
      veteranHousehold(
        [
          { ...adult, veteranStatus: 0 },
          { ...child, veteranStatus: 99 },
        ],
        ON,
      ).value,
    ).toBe('no')
  })
  it('unknown when an adult’s status is client doesn’t know / prefers not / not collected', () => {
    for (const code of [8, 9, 99, null]) {
      const result = veteranHousehold(
        [
          { ...adult, veteranStatus: 0 },
          { dob: born(30), relationshipToHoh: 3, veteranStatus: code },
        ],
        ON,
      )
      expect(result.value).toBe('unknown')
    }
    expect(veteranHousehold([{ ...adult, veteranStatus: 9 }], ON).reason).toContain('prefers not to answer')
  })
  it('no for a household of children only', () => {
    expect(veteranHousehold([{ ...child, relationshipToHoh: 1, veteranStatus: 99 }], ON).value).toBe('no')
  })
})

describe('youth household', () => {
  it('unaccompanied youth: every member 18–24', () => {
    const result = youthHousehold(
      [
        { dob: born(19), relationshipToHoh: 1 },
        { dob: born(24), relationshipToHoh: 3 },
      ],
      ON,
    )
    expect(result).toMatchObject({ value: 'yes', kind: 'unaccompanied_youth' })
  })
  it('not youth once a member turns 25', () => {
    expect(youthHousehold([{ dob: born(25), relationshipToHoh: 1 }], ON).value).toBe('no')
  })
  it('parenting youth: a head aged 24 or under with their own child and nobody over 24', () => {
    const result = youthHousehold(
      [
        { dob: born(20), relationshipToHoh: 1 },
        { dob: born(1), relationshipToHoh: 2 },
      ],
      ON,
    )
    expect(result).toMatchObject({ value: 'yes', kind: 'parenting_youth' })
  })
  it('parenting youth includes a head under 18 with their child', () => {
    const result = youthHousehold(
      [
        { dob: born(17), relationshipToHoh: 1 },
        { dob: born(0, 3), relationshipToHoh: 2 },
      ],
      ON,
    )
    expect(result.kind).toBe('parenting_youth')
  })
  it('not youth: a young head with a minor who is not their child (e.g. a sibling)', () => {
    expect(
      youthHousehold(
        [
          { dob: born(20), relationshipToHoh: 1 },
          { dob: born(12), relationshipToHoh: 4 },
        ],
        ON,
      ).value,
    ).toBe('no')
  })
  it('not youth: a parent over 24 with a child', () => {
    expect(youthHousehold([adult, child], ON).value).toBe('no')
  })
  it('unknown when an age is unknown and nobody is known to be over 24', () => {
    expect(
      youthHousehold(
        [
          { dob: born(20), relationshipToHoh: 1 },
          { dob: null, relationshipToHoh: 3 },
        ],
        ON,
      ).value,
    ).toBe('unknown')
  })
})

describe('fleeing domestic violence (4.11.B currently fleeing)', () => {
  it('yes for a survivor currently fleeing', () => {
    expect(fleeingDomesticViolence({ domesticViolenceSurvivor: 1, currentlyFleeing: 1 }).value).toBe('yes')
  })
  it('no for a survivor not currently fleeing, or someone not a survivor', () => {
    expect(fleeingDomesticViolence({ domesticViolenceSurvivor: 1, currentlyFleeing: 0 }).value).toBe('no')
    expect(fleeingDomesticViolence({ domesticViolenceSurvivor: 0, currentlyFleeing: null }).value).toBe('no')
  })
  it('unknown when 4.11 is missing or answered 8/9/99', () => {
    expect(fleeingDomesticViolence(null).value).toBe('unknown')
    expect(fleeingDomesticViolence({ domesticViolenceSurvivor: 8, currentlyFleeing: null }).value).toBe(
      'unknown',
    )
    const refused = fleeingDomesticViolence({ domesticViolenceSurvivor: 1, currentlyFleeing: 9 })
    expect(refused).toEqual({ value: 'unknown', reason: 'Currently fleeing: client prefers not to answer' })
  })
})

describe('household facts from members (any qualifying member)', () => {
  it('yes beats unknown, unknown beats no', () => {
    const yes = derivedFact('yes', 'fleeing')
    const no = derivedFact('no', 'not')
    const unknown = derivedFact('unknown', 'missing')
    expect(anyMemberFact([no, unknown, yes], 'Fleeing DV').value).toBe('yes')
    expect(anyMemberFact([no, unknown], 'Fleeing DV').value).toBe('unknown')
    expect(anyMemberFact([no, no], 'Fleeing DV').value).toBe('no')
  })
})

describe('chronically homeless household (the head or any adult)', () => {
  const yes = derivedFact('yes', 'chronic')
  const no = derivedFact('no', 'not chronic')
  const unknown = derivedFact('unknown', 'missing')
  it('is chronic when an adult other than the head is', () => {
    expect(
      chronicallyHomelessHousehold(
        [
          { ...adult, chronic: no },
          { dob: born(30), relationshipToHoh: 3, chronic: yes },
        ],
        ON,
      ).value,
    ).toBe('yes')
  })
  it('is chronic when a minor head of household is', () => {
    expect(
      chronicallyHomelessHousehold([{ dob: born(17), relationshipToHoh: 1, chronic: yes }], ON).value,
    ).toBe('yes')
  })
  it('ignores children other than the head', () => {
    expect(
      chronicallyHomelessHousehold(
        [
          { ...adult, chronic: no },
          { ...child, chronic: unknown },
        ],
        ON,
      ).value,
    ).toBe('no')
  })
  it('is unknown when no adult is chronic and one adult’s status is unknown', () => {
    expect(
      chronicallyHomelessHousehold(
        [
          { ...adult, chronic: no },
          { dob: born(30), relationshipToHoh: 3, chronic: unknown },
        ],
        ON,
      ).value,
    ).toBe('unknown')
  })
})

const ENTRY = '2026-03-01'
const prior = (overrides: Partial<PriorLivingSituationFacts> = {}): PriorLivingSituationFacts => ({
  livingSituation: 116,
  lengthOfStay: 5,
  losUnderThreshold: null,
  previousStreetEssh: null,
  dateToStreetEssh: '2025-01-10',
  timesHomelessPastThreeYears: 1,
  monthsHomelessPastThreeYears: 113,
  ...overrides,
})
const chronic = (
  overrides: Partial<ChronicHomelessnessInput> = {},
  priorOverrides: Partial<PriorLivingSituationFacts> = {},
) =>
  chronicallyHomeless({
    entryDate: ENTRY,
    projectType: PROJECT_TYPES.CE,
    disablingCondition: 1,
    priorLivingSituation: prior(priorOverrides),
    ...overrides,
  })

describe('chronic homelessness (24 CFR 578.3 via 3.08 and 3.917)', () => {
  it('requires a disabling condition: No disabling condition is never chronic', () => {
    expect(chronic({ disablingCondition: 0 })).toEqual({
      value: 'no',
      reason: 'no disabling condition (3.08)',
    })
  })
  it('disabling condition 8/9/99 or missing gives unknown with the reason', () => {
    expect(chronic({ disablingCondition: 8 }).reason).toBe('Disabling condition (3.08): client doesn’t know')
    expect(chronic({ disablingCondition: 99 }).value).toBe('unknown')
    expect(chronic({ disablingCondition: null }).value).toBe('unknown')
  })
  it('12 continuous months: on the street since 365+ days before project start', () => {
    expect(chronic({}, { dateToStreetEssh: '2025-03-01' }).value).toBe('yes')
    expect(chronic({}, { dateToStreetEssh: '2025-03-01', timesHomelessPastThreeYears: 1 }).reason).toContain(
      '12 months',
    )
  })
  it('an episode of 364 days is not 12 continuous months', () => {
    expect(chronic({}, { dateToStreetEssh: '2025-03-02', timesHomelessPastThreeYears: 1 }).value).toBe('no')
  })
  it('4+ occasions in 3 years totalling 12 months is chronic', () => {
    const recent = { dateToStreetEssh: '2026-01-01', timesHomelessPastThreeYears: 4 }
    expect(chronic({}, { ...recent, monthsHomelessPastThreeYears: 112 }).value).toBe('yes')
    expect(chronic({}, { ...recent, monthsHomelessPastThreeYears: 113 }).value).toBe('yes')
  })
  it('4+ occasions totalling under 12 months is not chronic', () => {
    expect(
      chronic(
        {},
        { dateToStreetEssh: '2026-01-01', timesHomelessPastThreeYears: 4, monthsHomelessPastThreeYears: 111 },
      ).value,
    ).toBe('no')
  })
  it('fewer than 4 occasions and under 12 continuous months is not chronic', () => {
    expect(chronic({}, { dateToStreetEssh: '2026-01-01', timesHomelessPastThreeYears: 3 }).value).toBe('no')
  })
  it('times or months homeless answered 8/9/99 gives unknown', () => {
    const recent = { dateToStreetEssh: '2026-01-01' }
    expect(chronic({}, { ...recent, timesHomelessPastThreeYears: 9 }).reason).toBe(
      'Times homeless in the past 3 years (3.917.4): client prefers not to answer',
    )
    expect(
      chronic({}, { ...recent, timesHomelessPastThreeYears: 4, monthsHomelessPastThreeYears: 99 }).value,
    ).toBe('unknown')
    expect(chronic({}, { dateToStreetEssh: null, timesHomelessPastThreeYears: null }).value).toBe('unknown')
  })
  it('institutional stay under 90 days after the street does not break homelessness', () => {
    const result = chronic(
      {},
      {
        livingSituation: 207,
        lengthOfStay: 3,
        losUnderThreshold: 1,
        previousStreetEssh: 1,
        dateToStreetEssh: '2024-12-01',
      },
    )
    expect(result.value).toBe('yes')
  })
  it('institutional stay of 90 days or more breaks homelessness', () => {
    const result = chronic(
      {},
      {
        livingSituation: 207,
        lengthOfStay: 4,
        losUnderThreshold: 0,
        previousStreetEssh: null,
        dateToStreetEssh: null,
      },
    )
    expect(result).toEqual({ value: 'no', reason: 'the stay in the prior institution was not under 90 days' })
  })
  it('institutional length of stay decides when LOSUnderThreshold was not recorded', () => {
    const base = {
      livingSituation: 204,
      losUnderThreshold: null,
      previousStreetEssh: 1,
      dateToStreetEssh: '2024-12-01',
    }
    expect(chronic({}, { ...base, lengthOfStay: 2 }).value).toBe('yes')
    expect(chronic({}, { ...base, lengthOfStay: 5 }).value).toBe('no')
  })
  it('temporary or permanent housing for 7 nights or more breaks homelessness', () => {
    expect(chronic({}, { livingSituation: 335, lengthOfStay: 2, losUnderThreshold: 0 }).value).toBe('no')
  })
  it('under 7 nights housed after the street continues to the homelessness history', () => {
    expect(
      chronic(
        {},
        {
          livingSituation: 314,
          lengthOfStay: 11,
          losUnderThreshold: 1,
          previousStreetEssh: 1,
          dateToStreetEssh: '2025-01-01',
        },
      ).value,
    ).toBe('yes')
  })
  it('not on the street/ES/SH the night before the short stay breaks homelessness', () => {
    expect(chronic({}, { livingSituation: 314, losUnderThreshold: 1, previousStreetEssh: 0 }).value).toBe(
      'no',
    )
  })
  it('short-stay questions answered 99 give unknown', () => {
    expect(chronic({}, { livingSituation: 207, losUnderThreshold: 99 }).value).toBe('unknown')
    expect(chronic({}, { livingSituation: 207, losUnderThreshold: 1, previousStreetEssh: 99 }).value).toBe(
      'unknown',
    )
  })
  it('prior living situation 8/9/99 or not recorded gives unknown', () => {
    expect(chronic({}, { livingSituation: 99 }).reason).toBe(
      'Prior living situation (3.917.1): data not collected',
    )
    expect(chronic({ priorLivingSituation: null }).value).toBe('unknown')
  })
  it('ES, SO and SH projects judge the homelessness history whatever the prior situation', () => {
    const housedLongTime = { livingSituation: 410, losUnderThreshold: 0, dateToStreetEssh: '2024-12-01' }
    expect(chronic({ projectType: PROJECT_TYPES.SO }, housedLongTime).value).toBe('yes')
    expect(chronic({ projectType: PROJECT_TYPES.CE }, housedLongTime).value).toBe('no')
  })
})

describe('days homeless in the past 3 years', () => {
  it('counts the current episode from the approximate start date (3.917.3)', () => {
    expect(
      daysHomelessPastThreeYears(
        prior({ dateToStreetEssh: '2026-05-16', monthsHomelessPastThreeYears: null }),
        ON,
      ),
    ).toEqual({
      days: 30,
      basis: 'episode_start',
    })
  })
  it('clips a long episode to the 3-year window', () => {
    expect(daysHomelessPastThreeYears(prior({ dateToStreetEssh: '2019-01-01' }), ON)).toEqual({
      days: 1096,
      basis: 'episode_start',
    })
  })
  it('uses the months reported (3.917.5) when they say more than the episode', () => {
    const result = daysHomelessPastThreeYears(
      prior({ dateToStreetEssh: '2026-06-01', monthsHomelessPastThreeYears: 106 }),
      ON,
    )
    expect(result).toEqual({ days: 183, basis: 'months_reported' })
    expect(
      daysHomelessPastThreeYears(prior({ dateToStreetEssh: null, monthsHomelessPastThreeYears: 113 }), ON)
        .days,
    ).toBe(366)
  })
  it('is unknown when neither answer is usable (8/9/99)', () => {
    expect(
      daysHomelessPastThreeYears(prior({ dateToStreetEssh: null, monthsHomelessPastThreeYears: 8 }), ON),
    ).toEqual({ days: null, basis: null })
    expect(daysHomelessPastThreeYears(null, ON).days).toBeNull()
  })
})

describe('days since the last current living situation (4.12)', () => {
  const contacts = [
    { informationDate: '2026-02-01' },
    { informationDate: '2026-04-01' },
    { informationDate: '2026-07-01' },
  ]
  it('counts from the latest contact on or before the date', () => {
    expect(currentLivingSituationStaleness(contacts, ON)).toEqual({
      lastInformationDate: '2026-04-01',
      daysSince: 75,
      stale: false,
    })
  })
  it('is stale after 90 days by default', () => {
    expect(currentLivingSituationStaleness([{ informationDate: '2026-03-17' }], ON).stale).toBe(false)
    expect(currentLivingSituationStaleness([{ informationDate: '2026-03-16' }], ON)).toMatchObject({
      daysSince: 91,
      stale: true,
    })
  })
  it('takes a configurable threshold', () => {
    expect(currentLivingSituationStaleness(contacts, ON, 60).stale).toBe(true)
  })
  it('is stale with no contact recorded', () => {
    expect(currentLivingSituationStaleness([], ON)).toEqual({
      lastInformationDate: null,
      daysSince: null,
      stale: true,
    })
  })
})
