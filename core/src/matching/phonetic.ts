// A phonetic key for names: NYSIIS (New York State Identification and Intelligence System, 1970), which
// was designed for surnames, with one change: a Y after the first letter counts as a vowel, so Smith and
// Smyth get the same key. Candidate retrieval in SQL uses the database's double metaphone columns; this key
// only explains a score ("sounds like"), so the two need not agree.

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U'])
const isVowel = (letter: string | undefined, position: number) =>
  letter !== undefined && (VOWELS.has(letter) || (letter === 'Y' && position > 0))

const LEADING: [RegExp, string][] = [
  [/^MAC/, 'MCC'],
  [/^KN/, 'NN'],
  [/^K/, 'C'],
  [/^P[HF]/, 'FF'],
  [/^SCH/, 'SSS'],
]
const TRAILING: [RegExp, string][] = [
  [/(EE|IE)$/, 'Y'],
  [/(DT|RT|RD|NT|ND)$/, 'D'],
]

/** The NYSIIS key of a folded name (letters a–z); '' for an empty name. */
export function phoneticKey(folded: string): string {
  let name = folded.toUpperCase().replace(/[^A-Z]/g, '')
  if (name.length === 0) return ''
  for (const [pattern, replacement] of LEADING) {
    if (pattern.test(name)) {
      name = name.replace(pattern, replacement)
      break
    }
  }
  for (const [pattern, replacement] of TRAILING) {
    if (pattern.test(name)) {
      name = name.replace(pattern, replacement)
      break
    }
  }
  const letters = name.split('')
  let key = letters[0]!
  for (let i = 1; i < letters.length; i++) {
    const letter = letters[i]!
    const next = letters[i + 1]
    if (letter === 'E' && next === 'V') {
      letters[i] = 'A'
      letters[i + 1] = 'F'
    } else if (isVowel(letter, i)) letters[i] = 'A'
    else if (letter === 'Q') letters[i] = 'G'
    else if (letter === 'Z') letters[i] = 'S'
    else if (letter === 'M') letters[i] = 'N'
    else if (letter === 'K') letters[i] = next === 'N' ? 'N' : 'C'
    else if (letter === 'S' && next === 'C' && letters[i + 2] === 'H') letters.splice(i, 3, 'S', 'S', 'S')
    else if (letter === 'P' && next === 'H') letters.splice(i, 2, 'F', 'F')
    else if (letter === 'H' && (!isVowel(letters[i - 1], i - 1) || !isVowel(next, i + 1))) {
      letters[i] = letters[i - 1]!
    } else if (letter === 'W' && isVowel(letters[i - 1], i - 1)) letters[i] = letters[i - 1]!
    if (letters[i] !== key[key.length - 1]) key += letters[i]
  }
  if (key.length > 1 && key.endsWith('S')) key = key.slice(0, -1)
  if (key.length > 1 && key.endsWith('AY')) key = `${key.slice(0, -2)}Y`
  if (key.length > 1 && key.endsWith('A')) key = key.slice(0, -1)
  return key
}
