import { describe, expect, it } from 'vitest'
import { isValidSsn, ssnForPerson, ssnTranspositions } from './ssn'

describe('isValidSsn', () => {
  it('follows the SSA rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial', () => {
    expect(isValidSsn('123456789')).toBe(true)
    expect(isValidSsn('001010001')).toBe(true)
    expect(isValidSsn('899999999')).toBe(true)
    for (const ssn of ['000123456', '666123456', '900123456', '987654321', '123004567', '123450000']) {
      expect(isValidSsn(ssn)).toBe(false)
    }
    expect(isValidSsn('12345678')).toBe(false)
    expect(isValidSsn('12345678x')).toBe(false)
  })
})

describe('ssnForPerson', () => {
  it('gives every person a different valid SSN, without patterns between neighbours', () => {
    const ssns = Array.from({ length: 200_000 }, (_, person) => ssnForPerson(person, 12345))
    expect(ssns.filter((ssn) => !isValidSsn(ssn))).toEqual([])
    const seen = new Set(ssns)
    const areas = new Set(ssns.slice(0, 2_000).map((ssn) => ssn.slice(0, 3)))
    expect(seen.size).toBe(200_000)
    // 2,000 consecutive people spread over the 898 area numbers as random draws would (≈ 800).
    expect(areas.size).toBeGreaterThan(750)
  })

  it('depends on the key, and only on the key and the person', () => {
    expect(ssnForPerson(10, 1)).toBe(ssnForPerson(10, 1))
    expect(ssnForPerson(10, 1)).not.toBe(ssnForPerson(10, 2))
  })
})

describe('ssnTranspositions', () => {
  it('swaps two neighbouring different digits and keeps only valid results', () => {
    expect(ssnTranspositions('123456789')).toEqual([
      '213456789',
      '132456789',
      '124356789',
      '123546789',
      '123465789',
      '123457689',
      '123456879',
      '123456798',
    ])
    expect(ssnTranspositions('896123456')).not.toContain('986123456')
    expect(ssnTranspositions('665612345')).not.toContain('666512345')
    expect(ssnTranspositions('123040567')).not.toContain('123004567')
    expect(ssnTranspositions('123401000')).not.toContain('123410000')
    expect(ssnTranspositions('123401000')).toContain('124301000')
  })
})
