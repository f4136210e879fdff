import { ADULT_AGE } from '../clients/client-record'
import { ageOnDate, OLDEST_YOUTH_AGE } from './age'
import { anyMemberFact, type DerivedFact, derivedFact, missingAnswerReason } from './fact'

// Household-level facts from the members' client and enrollment data (HUD CSV names in camelCase).

const SELF = 1
const CHILD_OF_HEAD = 2
const SPOUSE_OR_PARTNER = 3

export interface HouseholdMemberFacts {
  /** Client.csv DOB ('YYYY-MM-DD'), null when unknown. */
  dob: string | null
  /** Enrollment.csv RelationshipToHoH (list 3.15.1). */
  relationshipToHoh: number
  /** Client.csv VeteranStatus (list 1.8). */
  veteranStatus?: number | null
}

/** HUD's household types (the column groups of the APR/CE APR). */
export type HouseholdType = 'adults_only' | 'adults_and_children' | 'children_only' | 'unknown'

export function householdType(
  members: readonly Pick<HouseholdMemberFacts, 'dob'>[],
  asOf: string,
): HouseholdType {
  const ages = members.map((member) => ageOnDate(member.dob, asOf))
  const adults = ages.filter((age) => age !== null && age >= ADULT_AGE).length
  const children = ages.filter((age) => age !== null && age < ADULT_AGE).length
  // One adult and one child settle the type even when another member's age is unknown.
  if (adults > 0 && children > 0) return 'adults_and_children'
  if (ages.includes(null) || members.length === 0) return 'unknown'
  return adults > 0 ? 'adults_only' : 'children_only'
}

/** HUD: a veteran household has at least one adult veteran (3.07 is collected for adults only). */
export function veteranHousehold(members: readonly HouseholdMemberFacts[], asOf: string): DerivedFact {
  const possibleAdults = members.filter((member) => {
    const age = ageOnDate(member.dob, asOf)
    return age === null || age >= ADULT_AGE
  })
  if (members.length > 0 && possibleAdults.length === 0)
    return derivedFact('no', 'Veteran household: no adults')
  return anyMemberFact(
    possibleAdults.map((member) => {
      if (member.veteranStatus === 1) return derivedFact('yes', 'a member is a veteran')
      const missing = missingAnswerReason(member.veteranStatus, 'Veteran status')
      return missing ? derivedFact('unknown', missing) : derivedFact('no', 'not a veteran')
    }),
    'Veteran household',
  )
}

export type YouthHouseholdKind = 'unaccompanied_youth' | 'parenting_youth'

export interface YouthHouseholdFact extends DerivedFact {
  kind: YouthHouseholdKind | null
}

/**
 * A youth household: every member is 18–24 (unaccompanied youth, alone or as a couple), or a parenting youth
 * household — a head of household aged 24 or under with at least one of their own children, where nobody
 * (the head's partner included) is over 24 (HUD Reporting Glossary, "parenting youth").
 */
export function youthHousehold(members: readonly HouseholdMemberFacts[], asOf: string): YouthHouseholdFact {
  const aged = members.map((member) => ({ ...member, age: ageOnDate(member.dob, asOf) }))
  if (aged.length === 0) return { ...derivedFact('unknown', 'no members to judge'), kind: null }
  if (aged.some((member) => member.age !== null && member.age > OLDEST_YOUTH_AGE))
    return { ...derivedFact('no', 'a member is over 24'), kind: null }
  if (aged.some((member) => member.age === null))
    return { ...derivedFact('unknown', 'a member’s age is unknown'), kind: null }
  if (aged.every((member) => member.age !== null && member.age >= ADULT_AGE))
    return { ...derivedFact('yes', 'every member is 18–24'), kind: 'unaccompanied_youth' }
  const head = aged.find((member) => member.relationshipToHoh === SELF)
  const hasOwnChild = aged.some((member) => member.relationshipToHoh === CHILD_OF_HEAD)
  const onlyParentsAndTheirChildren = aged.every((member) =>
    [SELF, SPOUSE_OR_PARTNER, CHILD_OF_HEAD].includes(member.relationshipToHoh),
  )
  if (head && hasOwnChild && onlyParentsAndTheirChildren)
    return { ...derivedFact('yes', 'a parent aged 24 or under with their children'), kind: 'parenting_youth' }
  return { ...derivedFact('no', 'minors without a youth parent of their own in the household'), kind: null }
}

/**
 * HUD: a household is chronically homeless when its head or any adult member is (the children take the
 * household's status). Each member's own fact comes from `chronicallyHomeless`.
 */
export function chronicallyHomelessHousehold(
  members: readonly (Pick<HouseholdMemberFacts, 'dob' | 'relationshipToHoh'> & { chronic: DerivedFact })[],
  asOf: string,
): DerivedFact {
  const headOrAdults = members.filter((member) => {
    const age = ageOnDate(member.dob, asOf)
    return member.relationshipToHoh === SELF || age === null || age >= ADULT_AGE
  })
  return anyMemberFact(
    headOrAdults.map((member) => member.chronic),
    'Chronically homeless household',
  )
}
