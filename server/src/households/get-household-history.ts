import type { HouseholdHistory } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { type HouseholdContext, loadVisibleHousehold } from './household-access'
import { toHouseholdMember, visibleClientIds } from './households.repository'

type Relationship = { clientId: string; relationshipToHoh: number }

/**
 * Every membership row (with its dates) and every change: who did what, when. Events about a client the
 * actor may not see are left out; a head change keeps only the re-stated relationships of visible members.
 */
export async function getHouseholdHistory(context: HouseholdContext, id: string): Promise<HouseholdHistory> {
  const { db, actor } = context
  const action = 'household.history.read'
  const household = await loadVisibleHousehold(context, id, action)
  const visible = visibleClientIds(actor, household)
  const events = await db
    .selectFrom('household_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .select([
      'e.id',
      'e.kind',
      'e.client_id as clientId',
      'e.previous_head_client_id as previousHeadClientId',
      'e.details',
      'e.occurred_at as occurredAt',
      'u.display_name as userDisplayName',
      'o.name as organizationName',
    ])
    .where('e.household_id', '=', id)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute()
  const history: HouseholdHistory = {
    members: household.rows.filter((row) => visible.has(row.clientId)).map(toHouseholdMember),
    events: events
      .filter(
        (event) =>
          visible.has(event.clientId) &&
          (event.previousHeadClientId === null || visible.has(event.previousHeadClientId)),
      )
      .map((event) => ({
        ...event,
        details: onlyVisibleRelationships(event.details, visible),
        occurredAt: event.occurredAt.toISOString(),
      })),
  }
  await recordAudit(db, actor, {
    action,
    entityType: 'household',
    entityId: id,
    details: { clientIds: [...visible] },
  })
  return history
}

function onlyVisibleRelationships(details: Record<string, unknown>, visible: Set<string>) {
  const relationships = details.relationships as Relationship[] | undefined
  if (!relationships) return details
  return { ...details, relationships: relationships.filter((entry) => visible.has(entry.clientId)) }
}
