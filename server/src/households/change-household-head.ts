import { type Household, type HouseholdHeadChange, SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { type HouseholdContext, loadEditableHousehold, recordHouseholdEvent } from './household-access'
import { currentRows, explainHouseholdConflict, loadHousehold, toHousehold } from './households.repository'

const STALE_HEAD = 'Someone else changed the head of household at the same time; reload the household'

/**
 * Makes another current member head and re-states everyone else's relationship to them, atomically.
 * The old head is demoted first with a guarded update: of two concurrent changes, the second finds no head
 * to demote (or trips the one-head index) and gets 409.
 */
export async function changeHouseholdHead(
  context: HouseholdContext,
  householdId: string,
  input: HouseholdHeadChange,
): Promise<Household> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'household.head.change'
  const household = await loadEditableHousehold(context, householdId, action)
  const oldHeadId = household.headClientId
  if (input.expectedHeadClientId && input.expectedHeadClientId !== oldHeadId) {
    throw new AppError('conflict', STALE_HEAD)
  }
  const current = currentRows(household)
  if (!current.some((row) => row.clientId === input.clientId)) {
    throw new AppError('unprocessable', 'The new head must be a current member of this household')
  }
  if (input.clientId === oldHeadId) {
    throw new AppError('unprocessable', 'This client is already the head of household')
  }
  const relationships = restatedRelationships(
    current.map((row) => row.clientId).filter((id) => id !== input.clientId),
    input.relationships,
  )

  await db
    .transaction()
    .execute(async (trx) => {
      if (oldHeadId) {
        const demoted = await trx
          .updateTable('household_member')
          .set({ relationship_to_hoh: relationships.get(oldHeadId)! })
          .where('household_id', '=', householdId)
          .where('client_id', '=', oldHeadId)
          .where('relationship_to_hoh', '=', SELF_HEAD_OF_HOUSEHOLD)
          .where('removed_on', 'is', null)
          .executeTakeFirst()
        if (demoted.numUpdatedRows === 0n) throw new AppError('conflict', STALE_HEAD)
      }
      for (const [clientId, relationshipToHoh] of relationships) {
        if (clientId === oldHeadId) continue
        await trx
          .updateTable('household_member')
          .set({ relationship_to_hoh: relationshipToHoh })
          .where('household_id', '=', householdId)
          .where('client_id', '=', clientId)
          .where('removed_on', 'is', null)
          .execute()
      }
      await trx
        .updateTable('household_member')
        .set({ relationship_to_hoh: SELF_HEAD_OF_HOUSEHOLD })
        .where('household_id', '=', householdId)
        .where('client_id', '=', input.clientId)
        .where('removed_on', 'is', null)
        .execute()
      await recordHouseholdEvent(trx, actor, {
        householdId,
        kind: 'head_changed',
        clientId: input.clientId,
        previousHeadClientId: oldHeadId ?? undefined,
        details: { relationships: input.relationships },
      })
      await recordAudit(trx, actor, {
        action,
        entityType: 'household',
        entityId: householdId,
        details: { headClientId: input.clientId, previousHeadClientId: oldHeadId },
      })
    })
    .catch((error) => {
      throw explainHouseholdConflict(error)
    })
  return toHousehold(actor, (await loadHousehold(db, actor, householdId, today))!, today)
}

/** Exactly one relationship for each other current member: none missing, none extra, none twice. */
function restatedRelationships(
  others: string[],
  given: HouseholdHeadChange['relationships'],
): Map<string, number> {
  const relationships = new Map(given.map((entry) => [entry.clientId, entry.relationshipToHoh]))
  const missing = others.filter((id) => !relationships.has(id))
  const extra = given.map((entry) => entry.clientId).filter((id) => !others.includes(id))
  if (missing.length > 0 || extra.length > 0 || relationships.size !== given.length) {
    throw new AppError(
      'unprocessable',
      'Re-state the relationship to the new head of every other current member, once each',
      { missingClientIds: missing, unexpectedClientIds: extra },
    )
  }
  return relationships
}
