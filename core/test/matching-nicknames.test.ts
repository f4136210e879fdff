import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GENERATED_NICKNAMES_PATH, generateNicknameModule } from '../scripts/generate-nicknames'

describe('generated nickname module', () => {
  it('is what the generator makes from core/data/names (regenerate after editing the lists)', () => {
    expect(readFileSync(GENERATED_NICKNAMES_PATH, 'utf8')).toBe(generateNicknameModule())
  })

  it('folds accents and links each formal name to its variants', () => {
    const module = generateNicknameModule()
    expect(module).toContain("  'jesus chucho chus chuy',")
    expect(module).toContain("  'concepcion concha conchi conchita connie',")
    // Only ASCII in the data (the one typographic apostrophe is in the header comment).
    expect([...module].filter((character) => character.charCodeAt(0) > 127)).toEqual(['’'])
  })
})
