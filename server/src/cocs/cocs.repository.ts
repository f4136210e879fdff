import type { Coc } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { CocSettings, DB } from '../db/schema'
import { DEFAULT_RELEASE_MONTHS } from '../releases/release-dates'

const COC_COLUMNS = ['coc.id', 'coc.code', 'coc.name', 'coc.settings'] as const

interface CocRow {
  id: string
  code: string
  name: string
  settings: CocSettings
}

/**
 * The API view of a CoC; absent settings take the defaults the code that reads them applies (no role needs
 * MFA, releases last DEFAULT_RELEASE_MONTHS, no masked hint, no shareable case notes).
 */
export function toCoc(row: CocRow): Coc {
  const { settings } = row
  const months = settings.releaseDefaultMonths
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    mfaRequiredRoles: settings.mfaRequiredRoles ?? [],
    releaseDefaultMonths: Number.isInteger(months) && months! > 0 ? months! : DEFAULT_RELEASE_MONTHS,
    searchMaskedHint: settings.searchMaskedHint === true,
    shareableCaseNotes: settings.shareableCaseNotes === true,
  }
}

export async function findCoc(db: Kysely<DB>, id: string): Promise<Coc | undefined> {
  const row = await db.selectFrom('coc').select(COC_COLUMNS).where('coc.id', '=', id).executeTakeFirst()
  return row && toCoc(row)
}

export function selectCocs(db: Kysely<DB>) {
  return db.selectFrom('coc').select(COC_COLUMNS)
}
