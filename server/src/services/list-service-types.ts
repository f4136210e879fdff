import type { ServiceType } from '@threshold/core'
import { canSeeServiceCatalogue } from '../access/case-note-policy'
import { loadVisible } from '../access/load-visible'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from './service-access'
import { toServiceType } from './service-types.repository'

/** An organization's catalogue (the actor's own by default), active entries unless asked for all. */
export async function listServiceTypes(
  context: CaseManagementContext,
  query: { organizationId?: string; includeInactive?: 'true' | 'false' },
): Promise<ServiceType[]> {
  const { db } = context
  const actor = userActor(context.actor)
  const organization = await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id: query.organizationId ?? actor.organizationId,
    action: 'service_type.list',
    load: (database, id) =>
      database
        .selectFrom('organization')
        .select(['id', 'coc_id as cocId'])
        .where('id', '=', id)
        .executeTakeFirst(),
    canSee: canSeeServiceCatalogue,
  })
  const rows = await db
    .selectFrom('service_type')
    .selectAll()
    .where('organization_id', '=', organization.id)
    .$if(query.includeInactive !== 'true', (q) => q.where('active', '=', true))
    .orderBy('category')
    .orderBy('name')
    .execute()
  return rows.map(toServiceType)
}
