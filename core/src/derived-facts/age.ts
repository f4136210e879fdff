import { ageOn } from '../clients/dob'

/** HUD's youth are 24 or younger (Reporting Glossary: "youth" = under 25). */
export const OLDEST_YOUTH_AGE = 24

/** Age in whole years on a date, or null when the date of birth is unknown or after the date. */
export function ageOnDate(dob: string | null | undefined, date: string): number | null {
  if (!dob || dob > date) return null
  return ageOn(dob, date)
}
