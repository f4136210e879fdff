import type { Facility } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeFacilityBoard } from '../access/bed-policy'
import { loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import { findFacility } from './beds.repository'

export function getFacility({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<Facility> {
  return loadVisible({
    db,
    actor,
    entityType: 'facility',
    id,
    load: findFacility,
    canSee: canSeeFacilityBoard,
  })
}
