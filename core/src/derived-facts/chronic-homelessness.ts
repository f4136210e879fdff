import { addDays } from '../enrollments/dates'
import { PROJECT_TYPES } from '../hud/index'
import { type DerivedFact, derivedFact, missingAnswerReason } from './fact'

// HUD's chronic homelessness (24 CFR 578.3) at project start, following the HMIS Reporting Glossary's
// steps over 3.08 and 3.917: a disabling condition, and homelessness (street, emergency shelter or safe
// haven) either continuously for 12 months or on 4+ occasions in 3 years adding up to 12+ months. Stays in
// an institution under 90 days (or elsewhere under 7 nights) right after the street/ES/SH do not break it.

/** 3.917 Prior Living Situation as the enrollment stores it. */
export interface PriorLivingSituationFacts {
  livingSituation: number | null
  lengthOfStay?: number | null
  losUnderThreshold: number | null
  previousStreetEssh: number | null
  dateToStreetEssh: string | null
  timesHomelessPastThreeYears: number | null
  monthsHomelessPastThreeYears: number | null
}

export interface ChronicHomelessnessInput {
  /** 3.10 Project Start Date: the information date of 3.917. */
  entryDate: string
  /** 2.02.6 of the enrolling project: ES, SO and SH ask every 3.917 field whatever the prior situation. */
  projectType: number
  disablingCondition: number | null
  priorLivingSituation: PriorLivingSituationFacts | null
}

export const HOMELESS_SITUATIONS: readonly number[] = [116, 101, 118]
export const INSTITUTIONAL_SITUATIONS: readonly number[] = [215, 206, 207, 225, 204, 205]
/** Temporary, permanent and other situations (HUD's 300s and 400s). */
const isHousedSituation = (code: number) => code >= 300 && code < 500

const STREET_SHELTER_PROJECT_TYPES: readonly number[] = [
  PROJECT_TYPES.ES_ENTRY_EXIT,
  PROJECT_TYPES.ES_NIGHT_BY_NIGHT,
  PROJECT_TYPES.SO,
  PROJECT_TYPES.SAFE_HAVEN,
]

/** 3.917.4 "Four or more times". */
export const FOUR_OR_MORE_TIMES = 4
/** 3.917.5 codes: 101..112 = 1..12 months, 113 = more than 12 months. */
export const TWELVE_MONTHS = 112
export const MORE_THAN_TWELVE_MONTHS = 113
/** 3.917.2 codes for a stay under 90 days and under 7 nights. */
const UNDER_90_DAYS: readonly number[] = [10, 11, 2, 3]
const UNDER_7_NIGHTS: readonly number[] = [10, 11]

const NO = 0
const YES = 1

export function chronicallyHomeless(input: ChronicHomelessnessInput): DerivedFact {
  if (input.disablingCondition === NO) return derivedFact('no', 'no disabling condition (3.08)')
  const disabilityMissing = missingAnswerReason(input.disablingCondition, 'Disabling condition (3.08)')
  if (disabilityMissing) return derivedFact('unknown', disabilityMissing)
  if (input.disablingCondition !== YES)
    return derivedFact('unknown', 'Disabling condition (3.08) is not a valid answer')

  const prior = input.priorLivingSituation
  if (!prior) return derivedFact('unknown', 'Prior living situation (3.917) is not recorded')
  const situation = prior.livingSituation
  const askedOfEveryone = STREET_SHELTER_PROJECT_TYPES.includes(input.projectType)
  if (!askedOfEveryone && !(situation !== null && HOMELESS_SITUATIONS.includes(situation))) {
    const breakInHomelessness = stayBreaksHomelessness(prior)
    if (breakInHomelessness) return breakInHomelessness
  }
  return homelessLongEnough(prior, input.entryDate)
}

/** A fact ending the evaluation when the prior stay outside the street/ES/SH breaks homelessness. */
function stayBreaksHomelessness(prior: PriorLivingSituationFacts): DerivedFact | null {
  const situation = prior.livingSituation
  const situationMissing = missingAnswerReason(situation, 'Prior living situation (3.917.1)')
  if (situationMissing || situation === null) return derivedFact('unknown', situationMissing ?? '')
  const institutional = INSTITUTIONAL_SITUATIONS.includes(situation)
  if (!institutional && !isHousedSituation(situation))
    return derivedFact('unknown', 'Prior living situation (3.917.1) is not a valid answer')
  const threshold = institutional ? 'under 90 days' : 'under 7 nights'
  const underThreshold = stayUnderThreshold(prior, institutional ? UNDER_90_DAYS : UNDER_7_NIGHTS)
  if (underThreshold === NO)
    return derivedFact(
      'no',
      `the stay in the prior ${institutional ? 'institution' : 'situation'} was not ${threshold}`,
    )
  const thresholdMissing = missingAnswerReason(underThreshold, `Length of stay ${threshold} (3.917.2)`)
  if (thresholdMissing) return derivedFact('unknown', thresholdMissing)
  if (prior.previousStreetEssh === NO)
    return derivedFact('no', 'not on the street, in shelter or a safe haven the night before (3.917.2C)')
  const previousMissing = missingAnswerReason(
    prior.previousStreetEssh,
    'Street/ES/SH the night before (3.917.2C)',
  )
  if (previousMissing) return derivedFact('unknown', previousMissing)
  return null
}

/** 3.917.2A/B (LOSUnderThreshold), falling back on the 3.917.2 length of stay when it was not recorded. */
function stayUnderThreshold(prior: PriorLivingSituationFacts, shortStay: readonly number[]): number | null {
  if (prior.losUnderThreshold !== null) return prior.losUnderThreshold
  const length = prior.lengthOfStay ?? null
  if (length === null || missingAnswerReason(length, '')) return length
  return shortStay.includes(length) ? YES : NO
}

/** 12 continuous months from 3.917.3, or 4+ times in 3 years totalling 12+ months (3.917.4/5). */
function homelessLongEnough(prior: PriorLivingSituationFacts, entryDate: string): DerivedFact {
  if (prior.dateToStreetEssh !== null && prior.dateToStreetEssh <= addDays(entryDate, -365))
    return derivedFact('yes', 'homeless continuously for at least 12 months (3.917.3)')
  const times = prior.timesHomelessPastThreeYears
  if (times !== null && times >= 1 && times < FOUR_OR_MORE_TIMES)
    return derivedFact(
      'no',
      'homeless fewer than 4 times in the past 3 years and not for 12 continuous months',
    )
  const timesMissing = missingAnswerReason(times, 'Times homeless in the past 3 years (3.917.4)')
  if (timesMissing) return derivedFact('unknown', timesMissing)
  const months = prior.monthsHomelessPastThreeYears
  if (months === TWELVE_MONTHS || months === MORE_THAN_TWELVE_MONTHS)
    return derivedFact(
      'yes',
      'homeless 4 or more times in the past 3 years, 12 months or more in total (3.917.4/5)',
    )
  if (months !== null && months > 100 && months < TWELVE_MONTHS)
    return derivedFact('no', 'homeless fewer than 12 months in total in the past 3 years (3.917.5)')
  return derivedFact(
    'unknown',
    missingAnswerReason(months, 'Months homeless in the past 3 years (3.917.5)') ??
      'Months homeless in the past 3 years (3.917.5) is not a valid answer',
  )
}
