import { describe, expect, it } from 'vitest'
import {
  type AreaMedianIncome,
  amiAmountsFromFourPerson,
  areaMedianIncomeFor,
  buildEligibilityFacts,
  describeNode,
  type EligibilityHouseholdRecord,
  type EligibilityMemberRecord,
  type EligibilityNode,
  EligibilityRuleSet,
  eligibleProjectTypes,
  evaluateRuleSet,
} from '../src/index'

const AS_OF = '2026-11-26'
const AMI: AreaMedianIncome = { year: 2026, amounts: amiAmountsFromFourPerson(80_000) }
const CE_NORTH = '00000000-0000-4000-8000-000000000001'
const CE_SOUTH = '00000000-0000-4000-8000-000000000002'

const member = (overrides: Partial<EligibilityMemberRecord> = {}): EligibilityMemberRecord => ({
  dob: '1999-01-15',
  relationshipToHoh: 1,
  veteranStatus: 0,
  disablingCondition: 0,
  chronic: {
    entryDate: '2026-10-01',
    projectType: 14,
    priorLivingSituation: {
      livingSituation: 116,
      losUnderThreshold: null,
      previousStreetEssh: null,
      dateToStreetEssh: '2025-06-01',
      timesHomelessPastThreeYears: 1,
      monthsHomelessPastThreeYears: 113,
    },
  },
  latestMonthlyIncome: 1000,
  ...overrides,
})

const household = (overrides: Partial<EligibilityHouseholdRecord> = {}) =>
  buildEligibilityFacts({
    asOf: AS_OF,
    members: [member()],
    domesticViolence: { domesticViolenceSurvivor: 0, currentlyFleeing: null },
    ceScore: 12,
    ceProjectId: CE_NORTH,
    areaMedianIncome: AMI,
    ...overrides,
  })

const rules = (...nodes: EligibilityNode[]) => EligibilityRuleSet.parse({ rules: nodes })
const youthAge: EligibilityNode = { kind: 'age', subject: 'head', min: 18, max: 24 }

describe('eligibility facts', () => {
  it('derives ages, household type, flags and income from the stored records', () => {
    const facts = household({
      members: [
        member({ disablingCondition: 1, latestMonthlyIncome: 1200 }),
        member({ dob: '2020-03-01', relationshipToHoh: 2, latestMonthlyIncome: undefined }),
      ],
    })
    expect(facts.headAge).toBe(27)
    expect(facts.memberAges).toEqual([27, 6])
    expect(facts.householdType).toBe('adults_and_children')
    expect(facts.flags.disabling_condition.value).toBe('yes')
    expect(facts.flags.chronic.value).toBe('yes')
    expect(facts.flags.fleeing_dv.value).toBe('no')
    // Children's income is not collected, so it does not make the household's unknown.
    expect(facts.income).toEqual({ monthly: 1200, missing: null })
    expect(facts.areaMedianIncome).toBe(64_000)
  })

  it('calls income unknown when an adult has no 4.02 record, and says whose', () => {
    const facts = household({
      members: [member(), member({ relationshipToHoh: 3, latestMonthlyIncome: undefined })],
    })
    expect(facts.income).toEqual({
      monthly: null,
      missing: 'Income (4.02) of an adult member is not recorded',
    })
  })

  it('scales area median income by household size, beyond 8 people by 8% of the 4-person figure', () => {
    expect(amiAmountsFromFourPerson(80_000)).toEqual([
      56_000, 64_000, 72_000, 80_000, 86_400, 92_800, 99_200, 105_600,
    ])
    expect(areaMedianIncomeFor(AMI, 1)).toBe(56_000)
    expect(areaMedianIncomeFor(AMI, 10)).toBe(105_600 + 2 * 6_400)
    expect(areaMedianIncomeFor(AMI, 0)).toBeNull()
  })
})

describe('eligibility evaluation', () => {
  it('fails an age rule with the reason, and passes it when the head is in range', () => {
    const older = evaluateRuleSet(rules(youthAge), household({ members: [member({ dob: '1999-01-15' })] }))
    expect(older.outcome).toBe('fail')
    expect(older.rules[0]).toMatchObject({
      description: 'Head of household is 18–24',
      why: 'HoH is 27: rule needs 18–24',
    })
    const young = evaluateRuleSet(rules(youthAge), household({ members: [member({ dob: '2004-02-01' })] }))
    expect(young.outcome).toBe('pass')
    expect(young.rules[0]?.why).toBe('HoH is 22')
  })

  it('answers unknown, naming the missing fact, when a fact is missing', () => {
    const result = evaluateRuleSet(rules(youthAge), household({ members: [member({ dob: null })] }))
    expect(result.outcome).toBe('unknown')
    expect(result.missing).toEqual(['Date of birth of the head of household'])
  })

  it('reads every member and any member ages', () => {
    const family = household({
      members: [member({ dob: '1960-01-01' }), member({ dob: '2010-05-05', relationshipToHoh: 2 })],
    })
    const senior: EligibilityNode = { kind: 'age', subject: 'any_member', min: 62, max: null }
    const allAdults: EligibilityNode = { kind: 'age', subject: 'every_member', min: 18, max: null }
    const result = evaluateRuleSet(rules(senior, allAdults), family)
    expect(result.rules.map((rule) => rule.outcome)).toEqual(['pass', 'fail'])
    expect(result.rules[1]?.why).toBe('A member is 16: rule needs every member 18 or older')
    expect(result.outcome).toBe('fail')
  })

  it('combines groups three-valued: a failure beats unknown in all-of, a pass beats unknown in any-of', () => {
    const unknownScore = household({ ceScore: null })
    const veteranOrScore: EligibilityNode = {
      kind: 'any_of',
      conditions: [
        { kind: 'flag', flag: 'veteran', is: true },
        { kind: 'ce_score', min: 10, max: null },
      ],
    }
    expect(evaluateRuleSet(rules(veteranOrScore), unknownScore).outcome).toBe('unknown')
    expect(evaluateRuleSet(rules(veteranOrScore), household({ ceScore: 10 })).outcome).toBe('pass')
    const failing = evaluateRuleSet(rules(veteranOrScore), household({ ceScore: 4 }))
    expect(failing.outcome).toBe('fail')
    expect(failing.rules[0]?.why).toBe(
      'None holds: Not a veteran household (Veteran household: no member qualifies): rule needs “Veteran household”; CE score is 4: rule needs 10 or more',
    )
    const nested: EligibilityNode = { kind: 'all_of', conditions: [veteranOrScore, youthAge] }
    const result = evaluateRuleSet(rules(nested), unknownScore)
    expect(result.outcome).toBe('fail')
    expect(result.rules[0]?.why).toBe('HoH is 27: rule needs 18–24')
  })

  it('computes income as a percentage of area median for the household size', () => {
    const lowIncome: EligibilityNode = { kind: 'income_ami', maxPercent: 30 }
    // $1,000/month = $12,000/year against $56,000 for one person: 21%.
    const pass = evaluateRuleSet(rules(lowIncome), household())
    expect(pass.outcome).toBe('pass')
    expect(pass.rules[0]?.why).toBe(
      'Income is 21% of area median ($1,000/month; area median for 1 is $56,000/year)',
    )
    const fail = evaluateRuleSet(
      rules(lowIncome),
      household({ members: [member({ latestMonthlyIncome: 2000 })] }),
    )
    expect(fail.rules[0]?.why).toMatch(/^Income is 43% of area median .*: rule needs 30% or less$/)
    const noAmi = evaluateRuleSet(rules(lowIncome), household({ areaMedianIncome: null }))
    expect(noAmi.outcome).toBe('unknown')
    expect(noAmi.missing).toEqual(['Area median income for the CoC (an administrator sets it)'])
  })

  it('checks household type, DV, CE project, and uses the admin’s own wording when given', () => {
    const facts = household()
    const result = evaluateRuleSet(
      rules(
        { kind: 'household_type', types: ['adults_and_children'] },
        { kind: 'flag', flag: 'fleeing_dv', is: false },
        { kind: 'ce_project', projectIds: [CE_SOUTH], description: 'South county only' },
      ),
      facts,
      { projectNames: { [CE_NORTH]: 'North Fulton CE', [CE_SOUTH]: 'South Fulton CE' } },
    )
    expect(result.rules.map((rule) => [rule.outcome, rule.description, rule.why])).toEqual([
      [
        'fail',
        'Household type is With children and adults',
        'Household is Without children: rule needs With children and adults',
      ],
      [
        'pass',
        'Not fleeing domestic violence',
        'Not fleeing domestic violence (not a survivor of domestic violence)',
      ],
      ['fail', 'South county only', 'Assessed at North Fulton CE: rule needs South Fulton CE'],
    ])
  })

  it('passes a project without rules, and lists the project types a household is eligible for', () => {
    expect(evaluateRuleSet(rules(), household()).outcome).toBe('pass')
    const projects = [
      { projectType: 13, ruleSet: rules({ kind: 'ce_score', min: 5, max: 15 }) },
      { projectType: 3, ruleSet: rules({ kind: 'flag', flag: 'chronic', is: true }) },
      { projectType: 2, ruleSet: rules(youthAge) },
    ]
    const disabled = [member({ disablingCondition: 1 })]
    expect(eligibleProjectTypes(projects, household())).toEqual(new Set([13]))
    expect(eligibleProjectTypes(projects, household({ members: disabled }))).toEqual(new Set([13, 3]))
    const unscored = household({ members: disabled, ceScore: null })
    expect(eligibleProjectTypes(projects, unscored, { includeUnknown: true })).toEqual(new Set([13, 3]))
    expect(eligibleProjectTypes(projects, unscored)).toEqual(new Set([3]))
  })
})

describe('eligibility rule set contract', () => {
  it('refuses inverted bounds, empty groups, unknown fields and too deep nesting', () => {
    expect(
      EligibilityRuleSet.safeParse({ rules: [{ kind: 'age', subject: 'head', min: 30, max: 18 }] }).success,
    ).toBe(false)
    expect(
      EligibilityRuleSet.safeParse({ rules: [{ kind: 'age', subject: 'head', min: null, max: null }] })
        .success,
    ).toBe(false)
    expect(EligibilityRuleSet.safeParse({ rules: [{ kind: 'any_of', conditions: [] }] }).success).toBe(false)
    expect(
      EligibilityRuleSet.safeParse({ rules: [{ kind: 'flag', flag: 'veteran', is: true, extra: 1 }] })
        .success,
    ).toBe(false)
    let deep: EligibilityNode = youthAge
    for (let level = 0; level < 5; level++) deep = { kind: 'all_of', conditions: [deep] }
    expect(EligibilityRuleSet.safeParse({ rules: [deep] }).success).toBe(false)
    expect(
      describeNode({ kind: 'any_of', conditions: [youthAge, { kind: 'ce_score', min: null, max: 8 }] }),
    ).toBe('Any of: Head of household is 18–24; CE assessment score 8 or less')
  })
})
