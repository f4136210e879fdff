import type { Coc } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { cocsVisibleTo } from '../access/visibility'
import type { DB } from '../db/schema'
import { selectCocs, toCoc } from './cocs.repository'

export async function listCocs({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<Coc[]> {
  const rows = await selectCocs(db).where(cocsVisibleTo(actor)).orderBy('coc.code').execute()
  return rows.map(toCoc)
}
