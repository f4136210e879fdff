// Hand-written helpers over the generated HUD FY2026 lists (./generated.ts,
// produced by core/scripts/generate-hud.ts; never edit that file by hand).

import { z } from 'zod'
import { HUD_LISTS, type PROJECT_TYPE } from './generated'

export * from './generated'

/** A HUD response code: an integer, except VAMC station numbers (V6.1). */
export type HudCodeValue = number | string

export interface HudEntry {
  readonly code: HudCodeValue
  readonly label: string
}

/** A named list of `{ code, label }` entries (a HUD list or one of its subsets). */
export interface HudListDef {
  readonly name: string
  readonly entries: readonly HudEntry[]
}

/** A HUD list number as used in the CSV spec, e.g. `'2.02.6'` (ProjectType). */
export type HudListNumber = keyof typeof HUD_LISTS

/**
 * A HUD list: its number (`'3.12.1'`) or a list object such as
 * `HUD_LISTS['3.12.1']` or `HUD_LIST_SUBSETS.destination`.
 */
export type HudList = HudListNumber | HudListDef

type ListDefOf<L extends HudList> = L extends HudListNumber ? (typeof HUD_LISTS)[L] : L

/** The union of codes of a list, e.g. `HudCodeOf<'2.02.6'>` = `0 | 1 | 2 | … | 14`. */
export type HudCodeOf<L extends HudList> = ListDefOf<L>['entries'][number]['code']

function resolveList(list: HudList): HudListDef {
  if (typeof list !== 'string') return list
  const def: HudListDef | undefined = (HUD_LISTS as Record<string, HudListDef>)[list]
  if (!def) throw new Error(`Unknown HUD list "${list}"`)
  return def
}

const labelMaps = new WeakMap<HudListDef, ReadonlyMap<HudCodeValue, string>>()

function labelMap(def: HudListDef): ReadonlyMap<HudCodeValue, string> {
  let map = labelMaps.get(def)
  if (!map) {
    map = new Map(def.entries.map((entry) => [entry.code, entry.label]))
    labelMaps.set(def, map)
  }
  return map
}

/** The list's name as given by HUD (e.g. `'ProjectType'`). */
export function hudListName(list: HudList): string {
  return resolveList(list).name
}

/** HUD's label for a code, or `undefined` if the code is not in the list. */
export function hudLabel(list: HudList, code: HudCodeValue | null | undefined): string | undefined {
  if (code === null || code === undefined) return undefined
  return labelMap(resolveList(list)).get(code)
}

/** The list's codes, in order. */
export function hudCodes<L extends HudList>(list: L): readonly HudCodeOf<L>[] {
  return resolveList(list).entries.map((entry) => entry.code) as HudCodeOf<L>[]
}

/** Whether `code` is one of the list's codes (narrows the type). */
export function isHudCode<L extends HudList>(list: L, code: unknown): code is HudCodeOf<L> {
  return (typeof code === 'number' || typeof code === 'string') && labelMap(resolveList(list)).has(code)
}

/**
 * A zod schema accepting exactly the list's codes (numbers, not numeric
 * strings), e.g. `hudCode('2.02.6')` or `hudCode(HUD_LIST_SUBSETS.destination)`.
 */
export function hudCode<L extends HudList>(list: L): z.ZodType<HudCodeOf<L>> {
  const def = resolveList(list)
  const codes = def.entries.map((entry) => entry.code)
  const [first, ...rest] = codes
  if (first === undefined) throw new Error(`HUD list "${def.name}" has no codes`)
  return z.literal([first, ...rest], {
    error: `must be one of the HUD codes for ${def.name}`,
  }) as unknown as z.ZodType<HudCodeOf<L>>
}

// Data-quality responses shared by most HUD lists (see list 1.8).

/** "Client doesn’t know" */
export const CLIENT_DOESNT_KNOW = 8
/** "Client prefers not to answer" */
export const CLIENT_PREFERS_NOT_TO_ANSWER = 9
/** "Data not collected" */
export const DATA_NOT_COLLECTED = 99

export type ProjectTypeCode = (typeof PROJECT_TYPE)[number]['code']

/**
 * Named HUD project types (list 2.02.6). Labels: `hudLabel('2.02.6', code)`,
 * e.g. 13 → 'PH – Rapid Re-Housing'. There is no code 5.
 */
export const PROJECT_TYPES = {
  /** Emergency Shelter – Entry Exit */
  ES_ENTRY_EXIT: 0,
  /** Emergency Shelter – Night-by-Night */
  ES_NIGHT_BY_NIGHT: 1,
  /** Transitional Housing */
  TH: 2,
  /** PH – Permanent Supportive Housing */
  PSH: 3,
  /** Street Outreach */
  SO: 4,
  /** Services Only */
  SSO: 6,
  /** Other */
  OTHER: 7,
  /** Safe Haven */
  SAFE_HAVEN: 8,
  /** PH – Housing Only */
  PH_HOUSING_ONLY: 9,
  /** PH – Housing with Services (no disability required for entry) */
  PH_HOUSING_WITH_SERVICES: 10,
  /** Day Shelter */
  DAY_SHELTER: 11,
  /** Homelessness Prevention */
  HP: 12,
  /** PH – Rapid Re-Housing */
  RRH: 13,
  /** Coordinated Entry */
  CE: 14,
} as const satisfies Record<string, ProjectTypeCode>
