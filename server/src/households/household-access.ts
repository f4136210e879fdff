import type { Kysely, Transaction } from 'kysely'
import type { Actor, UserActor } from '../access/actor'
import { canEditHousehold, canSeeHousehold } from '../access/household-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import type { DB } from '../db/schema'
import type { HouseholdEventKind } from './household.tables'
import { type HouseholdState, loadHousehold } from './households.repository'

/** What every household use case receives. */
export interface HouseholdContext {
  db: Kysely<DB>
  actor: Actor
  /** YYYY-MM-DD from the injectable clock: the day releases and ages are judged on. */
  today: string
}

/** The household by id, or 404 (with a `denied` audit row) when it is missing or none of it is visible. */
export function loadVisibleHousehold(
  { db, actor, today }: HouseholdContext,
  id: string,
  action: string,
): Promise<HouseholdState> {
  return loadVisible({
    db,
    actor,
    entityType: 'household',
    id,
    action,
    load: (database, householdId) => loadHousehold(database, actor, householdId, today),
    canSee: canSeeHousehold,
  })
}

/** A visible household the actor may also change, else 403 with a `denied` audit row. */
export async function loadEditableHousehold(
  context: HouseholdContext,
  id: string,
  action: string,
): Promise<HouseholdState> {
  const household = await loadVisibleHousehold(context, id, action)
  await assertPermitted(context.db, context.actor, canEditHousehold(context.actor, household), {
    action,
    entityType: 'household',
    entityId: id,
    message: 'You cannot change this household: it has members whose records you may not see',
  })
  return household
}

/** One row of the household's own history, written in the same transaction as the change. */
export async function recordHouseholdEvent(
  trx: Transaction<DB>,
  actor: UserActor,
  event: {
    householdId: string
    kind: HouseholdEventKind
    clientId: string
    previousHeadClientId?: string
    details?: Record<string, unknown>
  },
): Promise<void> {
  await trx
    .insertInto('household_event')
    .values({
      household_id: event.householdId,
      kind: event.kind,
      client_id: event.clientId,
      previous_head_client_id: event.previousHeadClientId ?? null,
      details: JSON.stringify(event.details ?? {}),
      user_id: actor.userId,
      organization_id: actor.organizationId,
    })
    .execute()
}
