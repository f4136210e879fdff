import { type Household, type NewHousehold, SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import { userActor } from '../http/app-context'
import { type HouseholdContext, recordHouseholdEvent } from './household-access'
import { assertNotFuture } from './household-dates'
import { explainHouseholdConflict, loadHousehold, toHousehold } from './households.repository'

/** A new household of one: the client is Self (head of household). */
export async function createHousehold(context: HouseholdContext, input: NewHousehold): Promise<Household> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'household.create'
  const head = await loadVisibleClient({ db, actor, clientId: input.headClientId, today, action })
  const joinedOn = input.joinedOn ?? today
  assertNotFuture(joinedOn, today, 'joinedOn')

  const householdId = await db
    .transaction()
    .execute(async (trx) => {
      const household = await trx
        .insertInto('household')
        .values({ coc_id: head.cocId, owner_organization_id: actor.organizationId, created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('household_member')
        .values({
          household_id: household.id,
          client_id: head.id,
          relationship_to_hoh: SELF_HEAD_OF_HOUSEHOLD,
          joined_on: joinedOn,
          created_by: actor.userId,
        })
        .execute()
      await recordHouseholdEvent(trx, actor, {
        householdId: household.id,
        kind: 'created',
        clientId: head.id,
        details: { joinedOn },
      })
      await recordAudit(trx, actor, {
        action,
        entityType: 'household',
        entityId: household.id,
        details: { headClientId: head.id },
      })
      return household.id
    })
    .catch((error) => {
      throw explainHouseholdConflict(error)
    })
  return toHousehold(actor, (await loadHousehold(db, actor, householdId, today))!, today)
}
