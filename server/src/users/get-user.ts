import type { User } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canSeeUser } from '../access/policy'
import type { DB } from '../db/schema'
import { findUser, toUser } from './users.repository'

export async function getUser({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<User> {
  return toUser(await loadVisible({ db, actor, entityType: 'user', id, load: findUser, canSee: canSeeUser }))
}
