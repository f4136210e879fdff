import { describe, expect, it } from 'vitest'
import { csvCell } from './list-queue'

describe('csvCell', () => {
  it('quotes separators and keeps spreadsheets from running a cell as a formula', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(12)).toBe('12')
    expect(csvCell('Lee, Ana')).toBe('"Lee, Ana"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('-3')).toBe("'-3")
  })
})
