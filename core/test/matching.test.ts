import { describe, expect, it } from 'vitest'
import {
  areNicknames,
  compareDob,
  compareSsn,
  editDistance,
  foldName,
  jaroWinkler,
  type MatchPerson,
  nameParts,
  nearDobs,
  nearSsns,
  nicknameVariants,
  parseSearchText,
  parseSuffix,
  phoneticKey,
  scoreMatch,
  splitTrailingSuffix,
} from '../src/index'

// The hand-written adversarial suite for Find Client matching: every case here is a mistake (or a trap)
// caseworkers meet at intake. It must pass in full.

const maria: MatchPerson = {
  firstName: 'María',
  lastName: 'García-López',
  dob: '1985-03-14',
  ssn: '123456789',
}

describe('name folding', () => {
  it('strips accents, case and punctuation', () => {
    expect(foldName('Muñoz')).toBe('munoz')
    expect(foldName('Nguyễn')).toBe('nguyen')
    expect(foldName('ZOË')).toBe('zoe')
    expect(foldName("O'Brien")).toBe('obrien')
    expect(foldName('Strauß')).toBe('strauss')
    expect(foldName('  ')).toBe('')
    expect(foldName(null)).toBe('')
  })

  it('splits double surnames into their words', () => {
    expect(nameParts('García-López')).toEqual(['garcia', 'lopez'])
    expect(nameParts('de la  Cruz')).toEqual(['de', 'la', 'cruz'])
  })
})

describe('string distance and sound', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('masno', 'mason')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('scores shared beginnings higher (Jaro-Winkler)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
  })

  it('gives sound-alike names one phonetic key', () => {
    expect(phoneticKey('smith')).toBe(phoneticKey('smyth'))
    expect(phoneticKey('john')).toBe(phoneticKey('jon'))
    expect(phoneticKey('knight')).toBe(phoneticKey('night'))
    expect(phoneticKey('macdonald')).toBe(phoneticKey('mcdonald'))
    expect(phoneticKey('smith')).not.toBe(phoneticKey('jones'))
  })
})

describe('nicknames (one hop only)', () => {
  it.each([
    ['Bill', 'William'],
    ['Bob', 'Robert'],
    ['Peggy', 'Margaret'],
    ['Kate', 'Catherine'],
    ['Pepe', 'José'],
    ['Chuy', 'Jesús'],
    ['Lupe', 'Guadalupe'],
    ['Paco', 'Francisco'],
    ['Nacho', 'Ignacio'],
    ['Lola', 'Dolores'],
  ])('%s is a nickname of %s, both ways', (nickname, formal) => {
    expect(areNicknames(foldName(nickname), foldName(formal))).toBe(true)
    expect(areNicknames(foldName(formal), foldName(nickname))).toBe(true)
  })

  it('never follows two hops (William–Bill–Fred does not make William–Fred)', () => {
    expect(areNicknames('bill', 'fred')).toBe(true)
    expect(areNicknames('william', 'fred')).toBe(false)
    expect(areNicknames('alberto', 'roberto')).toBe(false)
  })

  it('expands a typed first name to its direct variants for searching', () => {
    const variants = nicknameVariants('Pepe')
    expect(variants[0]).toBe('pepe')
    expect(variants).toContain('jose')
    expect(variants).not.toContain('josefa')
    expect(nicknameVariants('%')).toEqual([])
  })
})

describe('generational suffixes', () => {
  it('reads suffix fields and trailing suffixes of a last name', () => {
    expect(parseSuffix('Jr.')).toBe('jr')
    expect(parseSuffix('III')).toBe('iii')
    expect(parseSuffix('Esq')).toBeNull()
    expect(splitTrailingSuffix('Smith Jr.')).toEqual({ lastName: 'Smith', suffix: 'jr' })
    expect(splitTrailingSuffix('Smith V')).toEqual({ lastName: 'Smith V', suffix: null })
    expect(splitTrailingSuffix('Junior')).toEqual({ lastName: 'Junior', suffix: null })
  })
})

describe('DOB comparisons', () => {
  it.each([
    ['1985-03-14', '1985-03-14', 'exact'],
    ['1985-03-04', '1985-04-03', 'dayMonthSwapped'],
    ['1985-03-14', '1985-03-15', 'oneDigitOff'],
    ['1985-03-14', '1958-03-14', 'digitsTransposed'],
    ['1985-03-14', '1986-03-14', 'yearOffByOne'],
    ['1989-12-31', '1990-12-31', 'yearOffByOne'],
    ['1985-03-14', '1972-11-02', 'different'],
    ['1985-03-14', null, 'missing'],
  ] as const)('%s against %s is %s', (a, b, expected) => {
    expect(compareDob(a, b)).toBe(expected)
  })

  it('lists the near dates that exist, for retrieval', () => {
    const near = nearDobs('1985-03-04')
    expect(near).toContain('1985-03-04')
    expect(near).toContain('1985-04-03')
    expect(near).toContain('1984-03-04')
    expect(near).toContain('1985-03-05')
    expect(near).not.toContain('1985-13-04')
    expect(nearDobs('2024-02-29')).not.toContain('2023-02-29')
  })
})

describe('SSN comparisons', () => {
  it.each([
    [{ ssn: '123456789' }, { ssn: '123456789' }, 'exact'],
    [{ ssn: '123456789' }, { ssn: '123456780' }, 'oneDigitOff'],
    [{ ssn: '123456789' }, { ssn: '123546789' }, 'digitsTransposed'],
    [{ ssnLast4: '6789' }, { ssn: '123456789' }, 'last4'],
    [{ ssn: '999456789' }, { ssnLast4: '6789' }, 'last4'],
    [{ ssn: '123456789' }, { ssn: '987654321' }, 'different'],
    [{ ssn: '123456789' }, { ssn: '129456781' }, 'different'],
    [{ ssnLast4: '6789' }, {}, 'missing'],
  ])('%o against %o is %s', (a, b, expected) => {
    expect(compareSsn(a, b)).toBe(expected)
  })

  it('lists the SSNs one typing error away, for retrieval', () => {
    const near = nearSsns('123456789')
    expect(near).toHaveLength(1 + 81 + 8)
    expect(near).toContain('213456789')
    expect(near).toContain('123456780')
  })
})

describe('scoreMatch: likely matches', () => {
  const likely = (query: MatchPerson, candidate: MatchPerson) => {
    const result = scoreMatch(query, candidate)
    expect(result.matchLevel).toBe('likely')
    return result
  }

  it('scores a perfect match 1 with plain reasons', () => {
    const result = likely(maria, maria)
    expect(result.score).toBe(1)
    expect(result.reasons).toEqual(['first name matches', 'last name matches', 'DOB matches', 'SSN matches'])
  })

  it.each([
    ['Bill', 'William'],
    ['Bob', 'Robert'],
    ['Peggy', 'Margaret'],
    ['Pepe', 'José'],
    ['Chuy', 'Jesús'],
    ['Lupe', 'Guadalupe'],
  ])('%s Smith matches %s Smith born the same day', (typed, stored) => {
    const result = likely(
      { firstName: typed, lastName: 'Smith', dob: '1970-01-02' },
      { firstName: stored, lastName: 'Smith', dob: '1970-01-02' },
    )
    expect(result.reasons).toContain('first name is a nickname or formal form of the name searched')
  })

  it('matches accents typed or not (Muñoz/Munoz, Nguyễn/Nguyen, Zoë/Zoe)', () => {
    const result = likely(
      { firstName: 'Zoe', lastName: 'Munoz', dob: '2001-07-30' },
      { firstName: 'Zoë', lastName: 'Muñoz', dob: '2001-07-30' },
    )
    expect(result.score).toBe(1)
    likely(
      { firstName: 'Thi', lastName: 'Nguyen', dob: '1990-05-06' },
      { firstName: 'Thị', lastName: 'Nguyễn', dob: '1990-05-06' },
    )
  })

  it('finds first and last names entered the wrong way round', () => {
    const result = likely(
      { firstName: 'Smith', lastName: 'John', dob: '1970-01-02' },
      { firstName: 'John', lastName: 'Smith', dob: '1970-01-02' },
    )
    expect(result.reasons).toContain('first and last names swapped')
    expect(result.score).toBeGreaterThan(0.9)
  })

  it('matches one half of a hyphenated or double surname, and the double surname without its hyphen', () => {
    const query = { firstName: 'Maria', dob: '1985-03-14' }
    for (const lastName of ['Garcia', 'López', 'Garcia Lopez', 'Lopez Garcia']) {
      const result = likely({ ...query, lastName }, maria)
      expect(result.reasons).toContain(
        lastName === 'Garcia Lopez' ? 'last name matches' : 'last name matches one of the surnames',
      )
    }
    likely(
      { firstName: 'María', lastName: 'García-López', dob: '1985-03-14' },
      { firstName: 'Maria', lastName: 'Garcia', dob: '1985-03-14' },
    )
  })

  it('tolerates a one-letter typo and sound-alike spellings in both names', () => {
    likely(
      { firstName: 'Jon', lastName: 'Smyth', dob: '1970-01-02' },
      { firstName: 'John', lastName: 'Smith', dob: '1970-01-02' },
    )
    const result = likely(
      { firstName: 'Katherine', lastName: 'Jonson', dob: '1970-01-02' },
      { firstName: 'Katherine', lastName: 'Johnson', dob: '1970-01-02' },
    )
    expect(result.reasons).toContain('last name differs by one letter')
  })

  it.each([
    ['1985-04-03', 'DOB day and month swapped'],
    ['1985-03-05', 'DOB one digit off'],
    ['1958-03-04', 'DOB two digits transposed'],
    ['1986-03-04', 'DOB year off by one'],
  ])('matches with DOB %s typed for 1985-03-04 (%s)', (dob, reason) => {
    const result = likely(
      { firstName: 'Ana', lastName: 'Reyes', dob },
      { firstName: 'Ana', lastName: 'Reyes', dob: '1985-03-04' },
    )
    expect(result.reasons).toContain(reason)
  })

  it.each([
    ['123456780', 'SSN one digit off'],
    ['123546789', 'SSN two digits transposed'],
  ])('matches with SSN %s typed for 123456789 (%s)', (ssn, reason) => {
    const result = likely({ ...maria, ssn }, maria)
    expect(result.reasons).toContain(reason)
  })

  it('takes the last 4 of the SSN with the names', () => {
    const result = scoreMatch({ firstName: 'Maria', lastName: 'Garcia', ssnLast4: '6789' }, maria)
    expect(result.reasons).toContain('SSN last 4 match')
    expect(result.matchLevel).toBe('possible')
  })

  it('trusts the same full name and DOB over a different SSN (a mistyped or borrowed number)', () => {
    const result = likely({ ...maria, ssn: '987654321' }, maria)
    expect(result.reasons).toContain('SSN differs')
    expect(result.score).toBeLessThan(0.6)
  })

  it('takes a typed Client ID as decisive', () => {
    const result = likely({ clientNumber: 100042 }, { ...maria, clientNumber: 100042 })
    expect(result).toMatchObject({ score: 1, reasons: ['Client ID matches'] })
    expect(scoreMatch({ clientNumber: 100042 }, { ...maria, clientNumber: 100043 }).score).toBe(0)
  })

  it('recognises a former name', () => {
    const result = likely(
      { firstName: 'Maria', lastName: 'Ortiz', dob: '1985-03-14' },
      { ...maria, aliases: [{ kind: 'former_name', firstName: 'Maria', lastName: 'Ortiz' }] },
    )
    expect(result.reasons).toContain('matches a former name')
  })

  it('recognises someone who goes by the middle name', () => {
    const result = likely(
      { firstName: 'Robert', lastName: 'Hale', dob: '1960-10-10' },
      { firstName: 'James', middleName: 'Robert', lastName: 'Hale', dob: '1960-10-10' },
    )
    expect(result.reasons).toContain('first name matches the middle name')
  })
})

describe('scoreMatch: must NOT be likely', () => {
  it('twins: same DOB and last name, different first names', () => {
    const result = scoreMatch(
      { firstName: 'Jacob', lastName: 'Miller', dob: '2010-06-01' },
      { firstName: 'Joshua', lastName: 'Miller', dob: '2010-06-01' },
    )
    expect(result.matchLevel).not.toBe('likely')
    expect(result.reasons).toContain('first name differs')
  })

  it('twins, even with their SSNs one digit apart', () => {
    const result = scoreMatch(
      { firstName: 'Sofia', lastName: 'Diaz', dob: '2010-06-01', ssn: '555123401' },
      { firstName: 'Isabella', lastName: 'Diaz', dob: '2010-06-01', ssn: '555123402' },
    )
    expect(result.matchLevel).not.toBe('likely')
  })

  it('John Smith Jr against John Smith Sr, even on the same DOB', () => {
    for (const [query, candidate] of [
      [{ lastName: 'Smith Jr' }, { lastName: 'Smith', nameSuffix: 'Sr.' }],
      [
        { lastName: 'Smith', nameSuffix: 'Jr' },
        { lastName: 'Smith', nameSuffix: 'Sr' },
      ],
    ] as const) {
      const result = scoreMatch(
        { firstName: 'John', dob: '1950-02-02', ...query },
        { firstName: 'John', dob: '1950-02-02', ...candidate },
      )
      expect(result.matchLevel).not.toBe('likely')
      expect(result.reasons).toContain('generational suffix differs (e.g. Jr and Sr)')
    }
  })

  it('two different people born the same day', () => {
    const result = scoreMatch(
      { firstName: 'Tyrone', lastName: 'Baker', dob: '1977-09-09' },
      { firstName: 'Li', lastName: 'Wong', dob: '1977-09-09' },
    )
    expect(result.matchLevel).toBeNull()
    expect(result.score).toBeLessThan(0.3)
  })

  it('same name, different DOB and different SSN', () => {
    const result = scoreMatch(
      { firstName: 'James', lastName: 'Johnson', dob: '1980-01-01', ssn: '111223333' },
      { firstName: 'James', lastName: 'Johnson', dob: '1962-07-19', ssn: '444556666' },
    )
    expect(result.matchLevel).not.toBe('likely')
    expect(result.reasons).toEqual(['first name matches', 'last name matches', 'DOB differs', 'SSN differs'])
  })

  it('a different SSN with only a similar name', () => {
    const result = scoreMatch({ ...maria, firstName: 'Mario', ssn: '987654321' }, maria)
    expect(result.matchLevel).not.toBe('likely')
  })

  it('ranks the real match above a namesake', () => {
    const query = { firstName: 'Bill', lastName: 'Jones', dob: '1975-05-05' }
    const real = scoreMatch(query, { firstName: 'William', lastName: 'Jones', dob: '1975-05-05' })
    const namesake = scoreMatch(query, { firstName: 'Bill', lastName: 'Jones', dob: '1991-11-23' })
    expect(real.score).toBeGreaterThan(namesake.score)
  })
})

describe('free-text search box', () => {
  it('reads dates, SSNs, last 4, Client IDs and names by their shape', () => {
    expect(parseSearchText('smith john 3/14/1985 123-45-6789')).toEqual({
      dob: '1985-03-14',
      ssn: '123456789',
      names: [
        { firstName: 'smith', lastName: 'john' },
        { firstName: 'john', lastName: 'smith' },
      ],
      problems: [],
    })
    expect(parseSearchText('1985-03-14 xxx-xx-6789 100023')).toMatchObject({
      dob: '1985-03-14',
      ssnLast4: '6789',
      clientNumber: 100023,
      names: [],
    })
  })

  it('takes a comma as "last, first", keeps suffixes and tries a lone name both ways', () => {
    expect(parseSearchText('Garcia Lopez, Maria').names).toEqual([
      { lastName: 'Garcia Lopez', firstName: 'Maria' },
    ])
    expect(parseSearchText('john smith jr').names[0]).toEqual({
      firstName: 'john',
      lastName: 'smith',
      nameSuffix: 'jr',
    })
    expect(parseSearchText('Nguyen').names).toEqual([{ lastName: 'Nguyen' }, { firstName: 'Nguyen' }])
  })

  it('reports numbers it cannot read instead of guessing', () => {
    expect(parseSearchText('13/45/1990').problems).toEqual(['"13/45/1990" is not a real date'])
    expect(parseSearchText('123').problems[0]).toMatch(/not a date, an SSN/)
  })
})
