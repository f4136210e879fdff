import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SPEC_PATH, GENERATED_PATH, type HudSpec, renderHudModule } from '../scripts/generate-hud'
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  DESTINATION,
  HUD_CSV_VERSION,
  HUD_LIST_SUBSETS,
  HUD_LISTS,
  type HudListDef,
  hudCode,
  hudCodes,
  hudLabel,
  hudListName,
  isHudCode,
  LIVING_SITUATION,
  NO_YES_REASONS_FOR_MISSING_DATA,
  PROJECT_TYPE,
  PROJECT_TYPES,
  VAMC_STATION_NUMBER,
} from '../src/index'

describe('HUD FY2026 lists', () => {
  it('exports the FY2026 CSV version and all 88 lists', () => {
    expect(HUD_CSV_VERSION).toBe('2026 v1.0')
    expect(Object.keys(HUD_LISTS)).toHaveLength(88)
    expect(HUD_LISTS['2.02.6'].entries).toBe(PROJECT_TYPE)
    expect(hudListName('2.02.6')).toBe('ProjectType')
  })

  it('knows the project types (list 2.02.6) by their HUD labels', () => {
    expect(hudLabel('2.02.6', 14)).toBe('Coordinated Entry')
    expect(hudLabel('2.02.6', 13)).toBe('PH – Rapid Re-Housing')
    expect(hudLabel('2.02.6', 5)).toBeUndefined()
    expect(hudCodes('2.02.6')).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14])
  })

  it('names every project type constant after the code with that spec label', () => {
    const expected: Record<keyof typeof PROJECT_TYPES, string> = {
      ES_ENTRY_EXIT: 'Emergency Shelter – Entry Exit',
      ES_NIGHT_BY_NIGHT: 'Emergency Shelter – Night-by-Night',
      TH: 'Transitional Housing',
      PSH: 'PH – Permanent Supportive Housing',
      SO: 'Street Outreach',
      SSO: 'Services Only',
      OTHER: 'Other',
      SAFE_HAVEN: 'Safe Haven',
      PH_HOUSING_ONLY: 'PH – Housing Only',
      PH_HOUSING_WITH_SERVICES: 'PH – Housing with Services (no disability required for entry)',
      DAY_SHELTER: 'Day Shelter',
      HP: 'Homelessness Prevention',
      RRH: 'PH – Rapid Re-Housing',
      CE: 'Coordinated Entry',
    }
    for (const [name, code] of Object.entries(PROJECT_TYPES)) {
      expect(hudLabel('2.02.6', code), name).toBe(expected[name as keyof typeof PROJECT_TYPES])
    }
    expect(Object.keys(PROJECT_TYPES)).toHaveLength(PROJECT_TYPE.length)
  })

  it('restricts destinations (3.12) to the destination subset of 3.12.1', () => {
    const destinations: readonly number[] = hudCodes(HUD_LIST_SUBSETS.destination)
    // Rental by client, with ongoing housing subsidy; subsidy type then comes from 3.12.A.
    expect(hudLabel(HUD_LIST_SUBSETS.destination, 435)).toBe('Rental by client, with ongoing housing subsidy')
    // Deceased and "No exit interview completed" are destinations only.
    expect(destinations).toContain(24)
    expect(destinations).toContain(30)
    // Not valid destinations: family/friend's room (prior/current only), worker unable to determine.
    for (const code of [335, 336, 37]) expect(destinations).not.toContain(code)
    // 419 (VASH) is a rental subsidy type (3.12.A), not a living situation.
    expect(hudLabel('3.12.1', 419)).toBeUndefined()
    expect(hudLabel('3.12.A', 419)).toBe('VASH housing subsidy')
    expect(DESTINATION).toHaveLength(29)
    expect(LIVING_SITUATION).toHaveLength(32)
    expect(HUD_LIST_SUBSETS.destination.list).toBe('3.12.1')
  })

  it('has unique codes and non-empty labels in every list and subset', () => {
    const all: HudListDef[] = [...Object.values(HUD_LISTS), ...Object.values(HUD_LIST_SUBSETS)]
    for (const list of all) {
      const codes = list.entries.map((entry) => entry.code)
      expect(new Set(codes).size, list.name).toBe(codes.length)
      for (const entry of list.entries)
        expect(entry.label.length, `${list.name} ${entry.code}`).toBeGreaterThan(0)
    }
  })

  it('uses integer codes everywhere except VAMC station numbers (V6.1)', () => {
    for (const [number, list] of Object.entries(HUD_LISTS) as [string, HudListDef][]) {
      const expected = number === 'V6.1' ? 'string' : 'number'
      for (const entry of list.entries) {
        expect(typeof entry.code, `${number} ${entry.code}`).toBe(expected)
        if (expected === 'number') expect(Number.isInteger(entry.code)).toBe(true)
      }
    }
    expect(hudLabel('V6.1', '459GE')).toBe('(459GE) Guam')
    expect(VAMC_STATION_NUMBER).toHaveLength(143)
  })

  it('labels the data-quality codes 8/9/99 as in list 1.8', () => {
    expect(HUD_LISTS['1.8'].entries).toBe(NO_YES_REASONS_FOR_MISSING_DATA)
    expect(hudLabel('1.8', CLIENT_DOESNT_KNOW)).toBe('Client doesn’t know')
    expect(hudLabel('1.8', CLIENT_PREFERS_NOT_TO_ANSWER)).toBe('Client prefers not to answer')
    expect(hudLabel('1.8', DATA_NOT_COLLECTED)).toBe('Data not collected')
    expect(hudCodes('1.8')).toEqual([0, 1, 8, 9, 99])
  })

  it('keeps retired funding sources valid but marked', () => {
    expect(HUD_LISTS['2.06.1'].retired).toEqual([47, 48])
    expect(hudLabel('2.06.1', 56)).toBe('HUD: CoC Builds')
  })
})

describe('hudCode (zod)', () => {
  it('accepts the list codes', () => {
    expect(hudCode('2.02.6').parse(14)).toBe(14)
    expect(hudCode(HUD_LIST_SUBSETS.destination).parse(435)).toBe(435)
    expect(isHudCode('2.02.6', 13)).toBe(true)
    expect(isHudCode('2.02.6', 5)).toBe(false)
  })

  it('rejects an unknown code with a message naming the list', () => {
    const result = hudCode('2.02.6').safeParse(5)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('must be one of the HUD codes for ProjectType')
    expect(hudCode(HUD_LIST_SUBSETS.destination).safeParse(335).error?.issues[0]?.message).toBe(
      'must be one of the HUD codes for Destination',
    )
  })

  it('rejects numeric strings and non-numbers', () => {
    expect(hudCode('1.8').safeParse('1').success).toBe(false)
    expect(hudCode('1.8').safeParse(null).success).toBe(false)
  })

  it('throws for an unknown list number', () => {
    expect(() => hudCode('9.99' as never)).toThrow(/Unknown HUD list/)
  })
})

describe('generated.ts', () => {
  it('is byte-identical to a fresh render of ../shared/hud/hud-csv-spec.json', () => {
    if (!existsSync(DEFAULT_SPEC_PATH)) {
      console.log(`skipped: ../shared not present (${DEFAULT_SPEC_PATH})`)
      return
    }
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as HudSpec
    // On failure: run `npx tsx core/scripts/generate-hud.ts` and commit core/src/hud/generated.ts.
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderHudModule(spec))
  })
})
