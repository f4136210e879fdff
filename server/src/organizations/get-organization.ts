import type { Organization } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canSeeOrganization } from '../access/policy'
import type { DB } from '../db/schema'
import { findOrganization } from './organizations.repository'

export function getOrganization({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<Organization> {
  return loadVisible({
    db,
    actor,
    entityType: 'organization',
    id,
    load: findOrganization,
    canSee: canSeeOrganization,
  })
}
