// Generates core/src/hud/generated.ts (HUD FY2026 code lists as typed
// constants) from the HUD CSV spec JSON.
//
//   npx tsx core/scripts/generate-hud.ts [path/to/hud-csv-spec.json]
//
// Default input: ../shared/hud/hud-csv-spec.json relative to the repo root.
// The product never reads the spec at run time: only the generated file is
// imported. The output is already in the project's Biome style (2 spaces,
// single quotes, no semicolons, 110 columns), so `biome format` leaves it alone
// and the byte-for-byte regeneration test in core/test/hud.test.ts holds.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export interface HudListInfo {
  name: string
  notes?: string
  retired?: string[]
  aliases?: string[]
  unverified?: boolean
  applicability?: Record<string, string[]>
}

export interface HudSpec {
  version: {
    csvSpec: string
    dataStandards: string
    CSVVersionValue: string
  }
  lists: Record<string, Record<string, string>>
  listInfo: Record<string, HudListInfo>
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEFAULT_SPEC_PATH = resolve(REPO_ROOT, '..', 'shared', 'hud', 'hud-csv-spec.json')
export const GENERATED_PATH = resolve(REPO_ROOT, 'core', 'src', 'hud', 'generated.ts')

const LINE_WIDTH = 110

/** Names whose mechanical conversion would read badly. */
const NAME_OVERRIDES: Record<string, string> = {
  RelationshipToHoH: 'RELATIONSHIP_TO_HOH',
  RHYNumberofYears: 'RHY_NUMBER_OF_YEARS',
}

/** `ProjectType` -> `PROJECT_TYPE`, `No/Yes/Missing` -> `NO_YES_MISSING`. */
export function constantName(listName: string): string {
  const override = NAME_OVERRIDES[listName]
  if (override) return override
  const base = listName.replace(/\s*\(.*\)\s*$/, '')
  const words = base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((token) =>
      token
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .replace(/([A-Za-z])([0-9])/g, '$1_$2'),
    )
  const name = words.join('_').toUpperCase()
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) {
    throw new Error(`Cannot derive a constant name from list name "${listName}"`)
  }
  return name
}

/** `destination_3.12` -> { key: 'destination', element: '3.12' } */
function parseApplicability(key: string): { key: string; element: string } {
  const match = /^([a-zA-Z]+)_(.+)$/.exec(key)
  if (!match?.[1] || !match[2]) {
    throw new Error(`Unexpected applicability key "${key}"`)
  }
  return { key: match[1], element: match[2] }
}

function naturalKey(code: string): [number, string] {
  const match = /^(\d*)(.*)$/.exec(code)
  return [Number(match?.[1] || 0), match?.[2] ?? '']
}

function compareCodes(a: string, b: string): number {
  const [an, as] = naturalKey(a)
  const [bn, bs] = naturalKey(b)
  if (an !== bn) return an - bn
  return as < bs ? -1 : as > bs ? 1 : 0
}

/** A string literal the way Biome prints it (single quotes preferred). */
function quote(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
  const singles = (value.match(/'/g) ?? []).length
  const doubles = (value.match(/"/g) ?? []).length
  if (singles > doubles) return `"${escaped.replace(/"/g, '\\"')}"`
  return `'${escaped.replace(/'/g, "\\'")}'`
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key)
}

function codeLiteral(code: string, numeric: boolean): string {
  return numeric ? String(Number(code)) : quote(code)
}

/** One `{ code, label }` element of an entries array, indented by 2. */
function renderEntry(code: string, label: string, numeric: boolean): string {
  const c = codeLiteral(code, numeric)
  const q = quote(label)
  const oneLine = `  { code: ${c}, label: ${q} },`
  if (oneLine.length <= LINE_WIDTH) return oneLine
  const labelLine = `    label: ${q},`
  const labelPart = labelLine.length <= LINE_WIDTH ? labelLine : `    label:\n      ${q},`
  return `  {\n    code: ${c},\n${labelPart}\n  },`
}

function renderEntries(constName: string, entries: Array<[string, string]>, numeric: boolean): string {
  const only = entries.length === 1 ? entries[0] : undefined
  if (only) {
    // Biome keeps a one-element array on one line when it fits.
    const [code, label] = only
    const c = codeLiteral(code, numeric)
    const oneLine = `export const ${constName} = [{ code: ${c}, label: ${quote(label)} }] as const`
    if (oneLine.length <= LINE_WIDTH) return oneLine
  }
  const lines = entries.map(([code, label]) => renderEntry(code, label, numeric))
  return `export const ${constName} = [\n${lines.join('\n')}\n] as const`
}

/** A JSDoc block, wrapped at the line width. */
function renderDoc(paragraphs: string[]): string {
  const clean = paragraphs.map((p) => p.replace(/\*\//g, '*\\/').trim())
  const single = `/** ${clean.join(' ')} */`
  if (clean.length === 1 && single.length <= LINE_WIDTH) return single
  const out: string[] = ['/**']
  clean.forEach((paragraph, index) => {
    if (index > 0) out.push(' *')
    let line = ' *'
    for (const word of paragraph.split(/\s+/)) {
      if (line.length + 1 + word.length > LINE_WIDTH && line !== ' *') {
        out.push(line)
        line = ' *'
      }
      line += ` ${word}`
    }
    out.push(line)
  })
  out.push(' */')
  return out.join('\n')
}

/** `  key: { a: 1, b: 2 },` on one line if it fits, else expanded. */
function renderObjectProperty(key: string, props: Array<[string, string]>): string {
  const inner = props.map(([k, v]) => `${k}: ${v}`).join(', ')
  const oneLine = `  ${key}: { ${inner} },`
  if (oneLine.length <= LINE_WIDTH) return oneLine
  const lines = props.map(([k, v]) => `    ${k}: ${v},`)
  return `  ${key}: {\n${lines.join('\n')}\n  },`
}

function renderArray(values: string[]): string {
  return `[${values.join(', ')}]`
}

/** Renders the whole generated module. Pure: no file system access. */
export function renderHudModule(spec: HudSpec): string {
  const listNumbers = Object.keys(spec.lists).sort(compareListNumbers)
  const usedNames = new Map<string, string>()
  const claim = (name: string, owner: string) => {
    const previous = usedNames.get(name)
    if (previous) {
      throw new Error(`Constant ${name} derived for both ${previous} and ${owner}`)
    }
    usedNames.set(name, owner)
  }
  claim('HUD_CSV_VERSION', 'the CSV version')
  claim('HUD_LISTS', 'the list registry')
  claim('HUD_LIST_SUBSETS', 'the subset registry')

  const csvVersion = spec.version.CSVVersionValue
  const out: string[] = [
    '// GENERATED FILE: DO NOT EDIT.',
    '// Generated by core/scripts/generate-hud.ts from hud-csv-spec.json',
    '// (regenerate: npx tsx core/scripts/generate-hud.ts [path/to/spec.json]).',
    `// Source: ${spec.version.csvSpec}`,
    `// Data standards: ${spec.version.dataStandards}`,
    `// CSV version: ${csvVersion}`,
    '',
    renderDoc(['Value of `Export.CSVVersion` for files under this spec.']),
    `export const HUD_CSV_VERSION = ${quote(csvVersion)}`,
  ]

  const registry: string[] = []
  const subsets: string[] = []
  const subsetRegistry: string[] = []

  for (const number of listNumbers) {
    const codes = spec.lists[number] ?? {}
    const info = spec.listInfo[number]
    if (!info?.name) throw new Error(`listInfo["${number}"].name is missing`)
    const constName = constantName(info.name)
    claim(constName, `list ${number}`)
    const sortedCodes = Object.keys(codes).sort(compareCodes)
    if (sortedCodes.length === 0) throw new Error(`List ${number} is empty`)
    const numeric = sortedCodes.every((code) => /^\d+$/.test(code))
    const entries: Array<[string, string]> = sortedCodes.map((code) => [code, codes[code] ?? ''])

    const doc = [`HUD list ${number}: ${info.name}.`]
    if (info.unverified) doc.push('Unverified against the FY2026 PDF.')
    if (info.retired?.length) {
      doc.push(`Retired codes (valid for history, not for new data): ${info.retired.join(', ')}.`)
    }
    if (info.aliases?.length) doc.push(`Also known as ${info.aliases.join(', ')}.`)
    if (!numeric) doc.push('Codes are strings (the CSV column is a string).')
    if (info.notes) doc.push(info.notes)
    out.push('', renderDoc(doc), renderEntries(constName, entries, numeric))

    const props: Array<[string, string]> = [
      ['name', quote(info.name)],
      ['entries', constName],
    ]
    if (info.retired?.length) {
      const retired = info.retired.map((code) => codeLiteral(code, numeric))
      props.push(['retired', renderArray(retired)])
    }
    if (info.aliases?.length) {
      props.push(['aliases', renderArray(info.aliases.map(quote))])
    }
    if (info.unverified) props.push(['unverified', 'true'])
    registry.push(renderObjectProperty(propertyKey(number), props))

    for (const [rawKey, subsetCodes] of Object.entries(info.applicability ?? {})) {
      const { key, element } = parseApplicability(rawKey)
      const subsetName = key.charAt(0).toUpperCase() + key.slice(1)
      const subsetConst = constantName(subsetName)
      claim(subsetConst, `subset ${rawKey} of list ${number}`)
      const subsetEntries: Array<[string, string]> = subsetCodes.map((code) => {
        const label = codes[code]
        if (label === undefined) {
          throw new Error(`Subset ${rawKey} of ${number} has unknown code ${code}`)
        }
        return [code, label]
      })
      subsets.push(
        '',
        renderDoc([
          `${subsetName} (data element ${element}): the codes of HUD list ${number} allowed there, in HUD's display order.`,
        ]),
        renderEntries(subsetConst, subsetEntries, numeric),
      )
      subsetRegistry.push(
        renderObjectProperty(propertyKey(key), [
          ['list', quote(number)],
          ['element', quote(element)],
          ['name', quote(subsetName)],
          ['entries', subsetConst],
        ]),
      )
    }
  }

  out.push(...subsets)
  out.push(
    '',
    renderDoc(['Every HUD list, keyed by HUD list number (as numbered in the CSV spec).']),
    `export const HUD_LISTS = {\n${registry.join('\n')}\n} as const`,
  )
  if (subsetRegistry.length > 0) {
    out.push(
      '',
      renderDoc(['Element-specific subsets of a HUD list (e.g. Destination of 3.12.1).']),
      `export const HUD_LIST_SUBSETS = {\n${subsetRegistry.join('\n')}\n} as const`,
    )
  }
  return `${out.join('\n')}\n`
}

/** Orders list numbers like `1.2 < 1.10 < 2.02.6 < C2.2 < R2.A < R11.A`. */
function compareListNumbers(a: string, b: string): number {
  const pa = a.split('.')
  const pb = b.split('.')
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const [xn, xs] = splitAlphaNum(x)
    const [yn, ys] = splitAlphaNum(y)
    if (xs !== ys) return xs < ys ? -1 : 1
    if (xn !== yn) return xn - yn
  }
  return 0
}

/** `R11` -> [11, 'R'], `02` -> [2, ''], `A` -> [-1, 'A'] */
function splitAlphaNum(part: string): [number, string] {
  const match = /^([A-Za-z]*)(\d*)$/.exec(part)
  if (!match) return [-1, part]
  return [match[2] ? Number(match[2]) : -1, match[1] ?? '']
}

export function main(argv: string[] = process.argv): number {
  const specPath = argv[2] ? resolve(argv[2]) : DEFAULT_SPEC_PATH
  if (!existsSync(specPath)) {
    console.error(
      `generate-hud: HUD spec not found at ${specPath}\n` +
        'Expected ../shared/hud/hud-csv-spec.json next to the repository, ' +
        'or pass its path: npx tsx core/scripts/generate-hud.ts <spec.json>',
    )
    return 1
  }
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as HudSpec
  const source = renderHudModule(spec)
  mkdirSync(dirname(GENERATED_PATH), { recursive: true })
  writeFileSync(GENERATED_PATH, source)
  console.log(
    `generate-hud: wrote ${relative(process.cwd(), GENERATED_PATH)} ` +
      `(${Object.keys(spec.lists).length} lists, CSV version ${spec.version.CSVVersionValue})`,
  )
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main())
}
