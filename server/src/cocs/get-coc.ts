import type { Coc } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canSeeCoc } from '../access/policy'
import type { DB } from '../db/schema'
import { findCoc } from './cocs.repository'

export function getCoc({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<Coc> {
  return loadVisible({ db, actor, entityType: 'coc', label: 'CoC', id, load: findCoc, canSee: canSeeCoc })
}
