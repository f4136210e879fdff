import type { Household } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import type { HouseholdContext } from './household-access'
import { loadHousehold, toHousehold } from './households.repository'

/** Every household the client belongs or belonged to, newest membership first. */
export async function listClientHouseholds(
  context: HouseholdContext,
  clientId: string,
): Promise<Household[]> {
  const { db, actor, today } = context
  const action = 'client.households.read'
  await loadVisibleClient({ db, actor, clientId, today, action })
  const memberships = await db
    .selectFrom('household_member')
    .select('household_id')
    .where('client_id', '=', clientId)
    .groupBy('household_id')
    .orderBy((eb) => eb.fn.max('joined_on'), 'desc')
    .execute()
  const households: Household[] = []
  for (const { household_id } of memberships) {
    const household = await loadHousehold(db, actor, household_id, today)
    if (household) households.push(toHousehold(actor, household, today))
  }
  await recordAudit(db, actor, {
    action,
    entityType: 'client',
    entityId: clientId,
    details: { householdIds: households.map((household) => household.id) },
  })
  return households
}
