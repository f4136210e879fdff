import type { Coc } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { CocSettings, DB } from '../db/schema'

const COC_COLUMNS = ['coc.id', 'coc.code', 'coc.name', 'coc.settings'] as const

interface CocRow {
  id: string
  code: string
  name: string
  settings: CocSettings
}

/** The API view of a CoC; absent settings take the defaults the sign-in code applies (no role needs MFA). */
export function toCoc(row: CocRow): Coc {
  return { id: row.id, code: row.code, name: row.name, mfaRequiredRoles: row.settings.mfaRequiredRoles ?? [] }
}

export async function findCoc(db: Kysely<DB>, id: string): Promise<Coc | undefined> {
  const row = await db.selectFrom('coc').select(COC_COLUMNS).where('coc.id', '=', id).executeTakeFirst()
  return row && toCoc(row)
}

export function selectCocs(db: Kysely<DB>) {
  return db.selectFrom('coc').select(COC_COLUMNS)
}
