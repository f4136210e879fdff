import type { Household, NewHouseholdMember } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { type HouseholdContext, loadEditableHousehold, recordHouseholdEvent } from './household-access'
import { assertNotFuture } from './household-dates'
import { explainHouseholdConflict, loadHousehold, toHousehold } from './households.repository'

/**
 * Adds a client the actor may see. A second head of household is refused by the database's unique index
 * (409): changing the head is its own action.
 */
export async function addHouseholdMember(
  context: HouseholdContext,
  householdId: string,
  input: NewHouseholdMember,
): Promise<Household> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'household.member.add'
  const household = await loadEditableHousehold(context, householdId, action)
  const client = await loadVisibleClient({ db, actor, clientId: input.clientId, today, action })
  if (client.cocId !== household.cocId) {
    throw new AppError('unprocessable', 'The client belongs to another CoC than this household')
  }
  assertNotFuture(input.joinedOn, today, 'joinedOn')

  await db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('household_member')
        .values({
          household_id: householdId,
          client_id: client.id,
          relationship_to_hoh: input.relationshipToHoh,
          joined_on: input.joinedOn,
          created_by: actor.userId,
        })
        .execute()
      const details = { relationshipToHoh: input.relationshipToHoh, joinedOn: input.joinedOn }
      await recordHouseholdEvent(trx, actor, {
        householdId,
        kind: 'member_added',
        clientId: client.id,
        details,
      })
      await recordAudit(trx, actor, {
        action,
        entityType: 'household',
        entityId: householdId,
        details: { clientId: client.id, fields: ['relationshipToHoh', 'joinedOn'] },
      })
    })
    .catch((error) => {
      throw explainHouseholdConflict(error)
    })
  return toHousehold(actor, (await loadHousehold(db, actor, householdId, today))!, today)
}
