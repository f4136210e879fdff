import { z } from 'zod'

// HUD 3.03 Date of Birth. The earliest accepted year follows the HUD "approximate DOB" convention
// (1900); anyone over 105 is allowed but flagged for a second look.

export const EARLIEST_BIRTH_YEAR = 1900
export const OLDEST_PLAUSIBLE_AGE = 105

/** A real calendar date as YYYY-MM-DD, not before 1900 (whether it is in the future needs today's date). */
export const birthDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'is not a real calendar date', abort: true })
  .refine(
    (value) => Number(value.slice(0, 4)) >= EARLIEST_BIRTH_YEAR,
    `must not be before ${EARLIEST_BIRTH_YEAR}`,
  )

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Whole years between a birth date and `today` (both YYYY-MM-DD). */
export function ageOn(dob: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dob.slice(0, 4))
  return today.slice(5) < dob.slice(5) ? years - 1 : years
}
