import type { AreaMedianIncome } from '../api/eligibility'
import { ADULT_AGE } from '../clients/client-record'
import { ageOnDate } from '../derived-facts/age'
import { type ChronicHomelessnessInput, chronicallyHomeless } from '../derived-facts/chronic-homelessness'
import { type DomesticViolenceRecord, fleeingDomesticViolence } from '../derived-facts/domestic-violence'
import { anyMemberFact, type DerivedFact, derivedFact, missingAnswerReason } from '../derived-facts/fact'
import {
  chronicallyHomelessHousehold,
  type HouseholdType,
  householdType,
  veteranHousehold,
  youthHousehold,
} from '../derived-facts/household'

// The facts an eligibility rule reads, built from one household's stored records (the server loads the rows
// set-based; everything that derives or interprets them lives here and is unit-tested).

const SELF = 1

/** One member of the household, as stored (client record + their enrollment + their latest 4.02). */
export interface EligibilityMemberRecord {
  dob: string | null
  relationshipToHoh: number
  veteranStatus: number | null
  /** 3.08 on the member's enrollment. */
  disablingCondition: number | null
  /** The member's enrollment data that chronic homelessness reads (null: no enrollment, e.g. the client alone). */
  chronic: Omit<ChronicHomelessnessInput, 'disablingCondition'> | null
  /** 4.02.18 Total monthly income of the member's latest 4.02 record; undefined when there is no record. */
  latestMonthlyIncome: number | null | undefined
}

export interface EligibilityHouseholdRecord {
  asOf: string
  members: EligibilityMemberRecord[]
  /** The head of household's latest 4.11 record. */
  domesticViolence: DomesticViolenceRecord | null
  /** The latest CE assessment score of the head's CE enrollment. */
  ceScore: number | null
  /** The CE project (type 14) of the household's CE enrollment. */
  ceProjectId: string | null
  areaMedianIncome: AreaMedianIncome | null
}

export interface IncomeFact {
  /** The household's monthly income, or null when a member's is unknown. */
  monthly: number | null
  /** Why it is unknown. */
  missing: string | null
}

export interface EligibilityFacts {
  asOf: string
  householdSize: number
  /** The head's age (null when unknown or there is no head). */
  headAge: number | null
  memberAges: (number | null)[]
  householdType: HouseholdType
  flags: Record<'veteran' | 'chronic' | 'disabling_condition' | 'fleeing_dv' | 'youth_household', DerivedFact>
  ceScore: number | null
  ceProjectId: string | null
  income: IncomeFact
  /** The annual area median income for this household's size, null when the CoC has not set it. */
  areaMedianIncome: number | null
}

/** HUD's family-size adjustments of the 4-person figure for 1–8 people (each further person adds 8 points). */
export const AMI_SIZE_FACTORS: readonly number[] = [0.7, 0.8, 0.9, 1, 1.08, 1.16, 1.24, 1.32]

/** Annual AMI for households of 1–8 from the 4-person figure (HUD's adjustments, rounded to $50). */
export function amiAmountsFromFourPerson(fourPerson: number): number[] {
  return AMI_SIZE_FACTORS.map((factor) => Math.round((fourPerson * factor) / 50) * 50)
}

/** The table's amount for a household size; beyond 8 people, 8% of the 4-person amount per extra person. */
export function areaMedianIncomeFor(table: AreaMedianIncome, householdSize: number): number | null {
  if (householdSize < 1) return null
  const index = Math.min(householdSize, table.amounts.length) - 1
  const amount = table.amounts[index]
  const fourPerson = table.amounts[3]
  if (amount === undefined) return null
  if (householdSize <= table.amounts.length || fourPerson === undefined) return amount
  return Math.round(amount + fourPerson * 0.08 * (householdSize - table.amounts.length))
}

/** Household income: the sum of each adult's (and the head's) latest 4.02 total; unknown if any is missing. */
export function householdIncome(members: readonly EligibilityMemberRecord[], asOf: string): IncomeFact {
  let monthly = 0
  for (const member of members) {
    const age = ageOnDate(member.dob, asOf)
    const collected = member.relationshipToHoh === SELF || age === null || age >= ADULT_AGE
    if (!collected) continue
    const who = member.relationshipToHoh === SELF ? 'the head of household' : 'an adult member'
    if (member.latestMonthlyIncome === undefined)
      return { monthly: null, missing: `Income (4.02) of ${who} is not recorded` }
    if (member.latestMonthlyIncome === null)
      return { monthly: null, missing: `Total monthly income (4.02) of ${who} is not known` }
    monthly += member.latestMonthlyIncome
  }
  return { monthly, missing: null }
}

function disablingConditionFact(code: number | null): DerivedFact {
  if (code === 1) return derivedFact('yes', 'a member has a disabling condition (3.08)')
  if (code === 0) return derivedFact('no', 'no disabling condition')
  return derivedFact(
    'unknown',
    missingAnswerReason(code, 'Disabling condition (3.08)') ?? 'not a valid answer',
  )
}

export function buildEligibilityFacts(record: EligibilityHouseholdRecord): EligibilityFacts {
  const { asOf, members } = record
  const head = members.find((member) => member.relationshipToHoh === SELF)
  const chronicMembers = members.map((member) => ({
    ...member,
    chronic: member.chronic
      ? chronicallyHomeless({ ...member.chronic, disablingCondition: member.disablingCondition })
      : derivedFact('unknown', 'no enrollment records prior living situation (3.917)'),
  }))
  const size = members.length
  return {
    asOf,
    householdSize: size,
    headAge: head ? ageOnDate(head.dob, asOf) : null,
    memberAges: members.map((member) => ageOnDate(member.dob, asOf)),
    householdType: householdType(members, asOf),
    flags: {
      veteran: veteranHousehold(members, asOf),
      chronic: chronicallyHomelessHousehold(chronicMembers, asOf),
      disabling_condition: anyMemberFact(
        members.map((member) => disablingConditionFact(member.disablingCondition)),
        'Disabling condition',
      ),
      fleeing_dv: fleeingDomesticViolence(record.domesticViolence),
      youth_household: youthHousehold(members, asOf),
    },
    ceScore: record.ceScore,
    ceProjectId: record.ceProjectId,
    income: householdIncome(members, asOf),
    areaMedianIncome: record.areaMedianIncome ? areaMedianIncomeFor(record.areaMedianIncome, size) : null,
  }
}
