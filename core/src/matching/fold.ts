// Name folding: the one normal form every comparison works on, so "Muñoz", "MUNOZ" and "Munoz" are equal
// and "García-López" splits into the surnames a caseworker may type alone.

/** Letters NFD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}

const COMBINING_MARKS = /\p{M}/gu
const NOT_LETTER_OR_SPACE = /[^a-z\s-]/g

/** Lower-case ASCII letters, spaces and hyphens: accents stripped, punctuation (O'Brien) dropped. */
function foldKeepingSeparators(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(NOT_LETTER_OR_SPACE, '')
}

/** A name folded to its letters only: `foldName('Nguyễn')` = 'nguyen', `foldName("O'Brien")` = 'obrien'. */
export function foldName(value: string | null | undefined): string {
  return value ? foldKeepingSeparators(value).replace(/[\s-]/g, '') : ''
}

/** The folded words of a name: `nameParts('García-López')` = ['garcia', 'lopez']. */
export function nameParts(value: string | null | undefined): string[] {
  return value
    ? foldKeepingSeparators(value)
        .split(/[\s-]+/)
        .filter(Boolean)
    : []
}

/** Folded words joined by single spaces: the form sent to trigram search ('garcia lopez'). */
export function foldNameForSearch(value: string | null | undefined): string {
  return nameParts(value).join(' ')
}
