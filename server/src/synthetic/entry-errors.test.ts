import { editDistance } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { hasAccents, nicknamesFor, stripAccents, surnameParts, swapDayAndMonth, typo } from './entry-errors'
import { createRandom } from './random'

describe('stripAccents', () => {
  it('drops accents the way intake staff type names, keeping capitals and punctuation', () => {
    expect(stripAccents('Nguyễn')).toBe('Nguyen')
    expect(stripAccents('Muñoz')).toBe('Munoz')
    expect(stripAccents('Đặng')).toBe('Dang')
    expect(stripAccents("José O'Brien-Peña")).toBe("Jose O'Brien-Pena")
    expect(hasAccents('Zúñiga')).toBe(true)
    expect(hasAccents('Smith')).toBe(false)
  })
})

describe('typo', () => {
  it('always makes exactly one typing slip and never touches the first letter', () => {
    const random = createRandom(3)
    for (const name of ['Washington', 'Lee', 'Katherine', 'Ng', 'Rodríguez']) {
      for (let i = 0; i < 200; i++) {
        const slipped = typo(name, random)
        expect(slipped).not.toBe(name)
        expect(editDistance(slipped, name)).toBe(1)
        expect(slipped[0]).toBe(name[0])
      }
    }
  })
})

describe('nicknamesFor', () => {
  it('knows English and Spanish nicknames, with or without accents', () => {
    expect(nicknamesFor('William')).toContain('Bill')
    expect(nicknamesFor('José')).toContain('Pepe')
    expect(nicknamesFor('Jesus')).toContain('Chuy')
    expect(nicknamesFor('Tyrone')).toEqual([])
  })
})

describe('surnameParts', () => {
  it('splits hyphenated and double surnames but keeps particles with their name', () => {
    expect(surnameParts('García-López')).toEqual(['García', 'López'])
    expect(surnameParts('Castillo Pérez')).toEqual(['Castillo', 'Pérez'])
    expect(surnameParts('de la Cruz')).toEqual(['Cruz'])
    expect(surnameParts('Smith')).toEqual(['Smith'])
  })
})

describe('swapDayAndMonth', () => {
  it('swaps when the result is another real date, otherwise says it cannot', () => {
    expect(swapDayAndMonth('1980-03-07')).toBe('1980-07-03')
    expect(swapDayAndMonth('1980-03-25')).toBeNull()
    expect(swapDayAndMonth('1980-04-04')).toBeNull()
  })
})
