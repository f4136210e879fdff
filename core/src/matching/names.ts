import { foldName, nameParts } from './fold'
import { areNicknames } from './nicknames'
import { phoneticKey } from './phonetic'
import { editDistance, jaroWinkler } from './string-distance'

// How two names compare, from strongest to weakest. Names are folded first (accents, case, punctuation),
// and double names are also compared word by word: "García-López" contains "Lopez", "Maria Guadalupe"
// contains "Guadalupe".

export type NameComparison =
  | 'exact'
  | 'nickname'
  | 'onePart'
  | 'oneLetterOff'
  | 'soundsLike'
  | 'similar'
  | 'initial'
  | 'different'
  | 'missing'

/** Strongest first: used to pick the better of several readings (straight, swapped, alias). */
export const NAME_COMPARISON_ORDER: readonly NameComparison[] = [
  'exact',
  'nickname',
  'onePart',
  'oneLetterOff',
  'soundsLike',
  'similar',
  'initial',
  'different',
  'missing',
]

/** A name, folded once: whole (letters only), its words, and its phonetic key. */
export interface FoldedName {
  whole: string
  parts: string[]
  sound: string
}

/** Folded names by their raw value: a search folds the same few hundred names again and again. */
const folded = new Map<string, FoldedName>()
const FOLDED_CACHE_SIZE = 20_000

export function foldFullName(value: string | null | undefined): FoldedName {
  const key = value ?? ''
  const known = folded.get(key)
  if (known) return known
  const whole = foldName(value)
  const name: FoldedName = { whole, parts: nameParts(value), sound: phoneticKey(whole) }
  // A bounded cache: when full, start again rather than track recency (cheap, and rare).
  if (folded.size >= FOLDED_CACHE_SIZE) folded.clear()
  folded.set(key, name)
  return name
}

/** Two spellings one or two edits apart that still read as the same name (Jonathon / Johnathan). */
function spelledSimilarly(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length)
  if (shorter < 4) return false
  // The length difference is a lower bound of the edit distance: skip the table when it decides alone.
  const lengthGap = Math.abs(a.length - b.length)
  if (lengthGap > 3 || (lengthGap > 2 && shorter < 8)) return jaroWinkler(a, b) >= 0.9
  const distance = editDistance(a, b)
  return distance <= 2 || (distance <= 3 && shorter >= 8) || jaroWinkler(a, b) >= 0.9
}

function isOneLetterOff(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 3 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) === 1
}

function sharesAPart(a: FoldedName, b: FoldedName): boolean {
  if (a.parts.length < 2 && b.parts.length < 2) return false
  return a.parts.some((part) => part.length > 1 && b.parts.includes(part))
}

/**
 * Compares names. `givenName` allows nicknames and initials, which only make sense for first names.
 * Double names count as equal when their words are the same in any order (Lopez Garcia / García-López).
 */
export function compareNames(query: FoldedName, candidate: FoldedName, givenName: boolean): NameComparison {
  const a = query.whole
  const b = candidate.whole
  if (!a || !b) return 'missing'
  if (a === b) return 'exact'
  if (givenName && areNicknames(a, b)) return 'nickname'
  if (sharesAPart(query, candidate)) return 'onePart'
  if (givenName && query.parts.some((part) => candidate.parts.some((other) => areNicknames(part, other)))) {
    return 'nickname'
  }
  if (isOneLetterOff(a, b)) return 'oneLetterOff'
  if (query.sound.length > 1 && query.sound === candidate.sound) return 'soundsLike'
  if (spelledSimilarly(a, b)) return 'similar'
  if (givenName && (a.length === 1 || b.length === 1) && a[0] === b[0]) return 'initial'
  return 'different'
}

export const strongerName = (a: NameComparison, b: NameComparison): boolean =>
  NAME_COMPARISON_ORDER.indexOf(a) < NAME_COMPARISON_ORDER.indexOf(b)
