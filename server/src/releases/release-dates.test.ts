import { describe, expect, it } from 'vitest'
import { addMonths } from './release-dates'

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-03-10', 6, '2026-09-10'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-10', -12 * 9, '2017-01-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })
})
