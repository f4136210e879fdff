import { type Household, type HouseholdMemberRemoval, SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError, notFound } from '../http/errors'
import { type HouseholdContext, loadEditableHousehold, recordHouseholdEvent } from './household-access'
import { assertNotFuture } from './household-dates'
import { currentRows, explainHouseholdConflict, loadHousehold, toHousehold } from './households.repository'

/**
 * Ends a client's membership on a date (the row stays: history). The head can leave only as the last
 * member; otherwise the head is changed first.
 */
export async function removeHouseholdMember(
  context: HouseholdContext,
  householdId: string,
  clientId: string,
  input: HouseholdMemberRemoval,
): Promise<Household> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'household.member.remove'
  const household = await loadEditableHousehold(context, householdId, action)
  const current = currentRows(household)
  const member = current.find((row) => row.clientId === clientId)
  if (!member) throw notFound('current member of this household')
  assertNotFuture(input.removedOn, today, 'removedOn')
  if (input.removedOn < member.joinedOn) {
    throw new AppError(
      'unprocessable',
      `removedOn must not be before the member joined (${member.joinedOn})`,
      [{ path: 'removedOn', message: `must not be before ${member.joinedOn}` }],
    )
  }
  if (member.relationshipToHoh === SELF_HEAD_OF_HOUSEHOLD && current.length > 1) {
    throw new AppError(
      'conflict',
      'This client is the head of household: make another member head before removing them',
    )
  }

  await db
    .transaction()
    .execute(async (trx) => {
      const removed = await trx
        .updateTable('household_member')
        .set({ removed_on: input.removedOn, removed_reason: input.reason, removed_by: actor.userId })
        .where('household_id', '=', householdId)
        .where('client_id', '=', clientId)
        .where('removed_on', 'is', null)
        .executeTakeFirst()
      if (removed.numUpdatedRows === 0n) {
        throw new AppError(
          'conflict',
          'Someone else removed this member at the same time; reload the household',
        )
      }
      await recordHouseholdEvent(trx, actor, {
        householdId,
        kind: 'member_removed',
        clientId,
        details: { removedOn: input.removedOn },
      })
      await recordAudit(trx, actor, {
        action,
        entityType: 'household',
        entityId: householdId,
        details: { clientId, fields: ['removedOn', 'removedReason'] },
      })
    })
    .catch((error) => {
      throw explainHouseholdConflict(error)
    })
  return toHousehold(actor, (await loadHousehold(db, actor, householdId, today))!, today)
}
