import { type DerivedFact, derivedFact, missingAnswerReason } from './fact'

/** The 4.11 part of HealthAndDV.csv (latest information date first is the caller's choice). */
export interface DomesticViolenceRecord {
  domesticViolenceSurvivor: number | null
  currentlyFleeing: number | null
}

/** 4.11.B: currently fleeing applies only to a survivor (4.11.2 = Yes). */
export function fleeingDomesticViolence(record: DomesticViolenceRecord | null | undefined): DerivedFact {
  if (!record) return derivedFact('unknown', 'Domestic violence (4.11) is not recorded')
  if (record.domesticViolenceSurvivor === 0) return derivedFact('no', 'not a survivor of domestic violence')
  const survivorMissing = missingAnswerReason(record.domesticViolenceSurvivor, 'Domestic violence survivor')
  if (survivorMissing) return derivedFact('unknown', survivorMissing)
  if (record.currentlyFleeing === 1) return derivedFact('yes', 'survivor currently fleeing domestic violence')
  if (record.currentlyFleeing === 0) return derivedFact('no', 'survivor not currently fleeing')
  return derivedFact(
    'unknown',
    missingAnswerReason(record.currentlyFleeing, 'Currently fleeing') ?? 'unknown',
  )
}
