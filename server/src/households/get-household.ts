import type { Household } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { type HouseholdContext, loadVisibleHousehold } from './household-access'
import { toHousehold } from './households.repository'

/** A household with the members the actor may see; the read is audited (it shows names and birth dates). */
export async function getHousehold(context: HouseholdContext, id: string): Promise<Household> {
  const action = 'household.read'
  const household = await loadVisibleHousehold(context, id, action)
  const view = toHousehold(context.actor, household, context.today)
  await recordAudit(context.db, context.actor, {
    action,
    entityType: 'household',
    entityId: id,
    details: { clientIds: view.members.map((member) => member.client.id) },
  })
  return view
}
