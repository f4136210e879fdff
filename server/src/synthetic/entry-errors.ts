import { NICKNAMES } from './names'
import type { Random } from './random'

// The slips intake staff make when a person they don't recognise is entered again: these turn a person's
// record into a realistic, imperfect duplicate.

/** 'Nguyễn' → 'Nguyen', 'Muñoz' → 'Munoz' (Đ has no decomposition, so it is mapped by hand). */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd')
}

export function hasAccents(text: string): boolean {
  return stripAccents(text) !== text
}

const NICKNAMES_UNACCENTED = new Map(
  Object.entries(NICKNAMES).map(([name, short]) => [stripAccents(name), short]),
)

/** Nicknames of a given name, whether or not it was typed with its accents (José, Jose). */
export function nicknamesFor(firstName: string): readonly string[] {
  return NICKNAMES_UNACCENTED.get(stripAccents(firstName)) ?? []
}

// Neighbouring keys on a QWERTY keyboard, for substitutions that look like real typing slips.
const KEY_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'qwsz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
}

/** One typing slip: a neighbouring key, a dropped or doubled letter, or two letters swapped. */
export function typo(text: string, random: Random): string {
  if (text.length < 3) return `${text}${text.at(-1) ?? ''}`
  // Slips rarely hit the first letter, which people check; keep it.
  const at = random.int(1, text.length - 1)
  const letter = text[at] as string
  const kind = random.weighted([
    ['substitute', 4],
    ['delete', 3],
    ['double', 2],
    ['swap', 3],
  ] as const)
  if (kind === 'substitute') {
    const neighbours = KEY_NEIGHBOURS[letter.toLowerCase()]
    if (neighbours) return `${text.slice(0, at)}${random.pick([...neighbours])}${text.slice(at + 1)}`
  }
  if (kind === 'swap' && at < text.length - 1 && text[at + 1] !== letter) {
    return `${text.slice(0, at)}${text[at + 1]}${letter}${text.slice(at + 2)}`
  }
  if (kind === 'double') return `${text.slice(0, at)}${letter}${text.slice(at)}`
  return `${text.slice(0, at)}${text.slice(at + 1)}`
}

/** 'García-López' or 'García López' → both parts; 'de la Cruz' and single surnames → one part. */
export function surnameParts(lastName: string): string[] {
  return lastName.split(/[- ]/).filter((part) => /^\p{Lu}/u.test(part))
}

/** 'YYYY-MM-DD' with day and month swapped, or null when the swap gives the same or no valid date. */
export function swapDayAndMonth(date: string): string | null {
  const [year, month, day] = date.split('-')
  if (!year || !month || !day || month === day || Number(day) > 12) return null
  return `${year}-${day}-${month}`
}
