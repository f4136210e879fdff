import { nameParts } from './fold'

// Generational suffixes. A father and son share name and address and often a birthday month: a suffix
// conflict (Jr against Sr) is strong evidence of two people even when everything else agrees.

export type GenerationalSuffix = 'jr' | 'sr' | 'ii' | 'iii' | 'iv' | 'v'

const SUFFIX_WORDS: Record<string, GenerationalSuffix> = {
  jr: 'jr',
  jnr: 'jr',
  junior: 'jr',
  sr: 'sr',
  snr: 'sr',
  senior: 'sr',
  ii: 'ii',
  '2nd': 'ii',
  iii: 'iii',
  '3rd': 'iii',
  iv: 'iv',
  '4th': 'iv',
  v: 'v',
  '5th': 'v',
}

/** Reads a suffix field as typed ("Jr.", "III", "2nd"); null when it is not a generational suffix. */
export function parseSuffix(value: string | null | undefined): GenerationalSuffix | null {
  if (!value) return null
  const word = value.trim().toLowerCase().replace(/\./g, '')
  return SUFFIX_WORDS[word] ?? null
}

/**
 * Splits a trailing suffix off a last name typed as "Smith Jr." or "Smith III". A lone trailing "V" is
 * left alone: in a name field it is more often an initial than "the fifth".
 */
export function splitTrailingSuffix(lastName: string | null | undefined): {
  lastName: string | null
  suffix: GenerationalSuffix | null
} {
  if (!lastName) return { lastName: lastName ?? null, suffix: null }
  const words = lastName.trim().split(/[\s,]+/)
  const trailing = words.length > 1 ? words[words.length - 1]! : ''
  const suffix = trailing.toLowerCase().replace(/\./g, '') === 'v' ? null : parseSuffix(trailing)
  if (!suffix || nameParts(words.slice(0, -1).join(' ')).length === 0) return { lastName, suffix: null }
  return { lastName: words.slice(0, -1).join(' '), suffix }
}

/** True when both records carry a suffix and they differ (Jr against Sr, II against III). */
export function suffixesConflict(a: GenerationalSuffix | null, b: GenerationalSuffix | null): boolean {
  return a !== null && b !== null && a !== b
}
