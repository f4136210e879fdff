import type { Organization, OrganizationQuery } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { organizationsVisibleTo } from '../access/visibility'
import type { DB } from '../db/schema'
import { selectOrganizations } from './organizations.repository'

/** The agency directory the actor can see, by name. */
export function listOrganizations({
  db,
  actor,
  filter,
}: {
  db: Kysely<DB>
  actor: Actor
  filter: OrganizationQuery
}): Promise<Organization[]> {
  let query = selectOrganizations(db).where(organizationsVisibleTo(actor))
  if (filter.cocId) query = query.where('organization.coc_id', '=', filter.cocId)
  if (filter.active !== undefined) query = query.where('organization.active', '=', filter.active)
  return query.orderBy('organization.name').orderBy('organization.id').execute()
}
