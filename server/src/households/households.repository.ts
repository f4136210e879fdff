import { ADULT_AGE, ageOn, type Household, SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadClientAccessFactsMany } from '../access/client-visibility'
import { canEditHousehold, canSeeMember, type HouseholdAccessFacts } from '../access/household-policy'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

export interface MemberRow {
  clientId: string
  clientNumber: number
  firstName: string | null
  lastName: string | null
  dob: string | null
  relationshipToHoh: number
  joinedOn: string
  removedOn: string | null
  removedReason: string | null
}

/** A household with every membership row and who may see which, for one actor on one day. */
export interface HouseholdState extends HouseholdAccessFacts {
  id: string
  cocId: string
  ownerOrganizationId: string
  ownerOrganizationName: string
  createdAt: Date
  rows: MemberRow[]
  /** The current head's client id, whoever may see them. */
  headClientId: string | null
}

/** Loads a household as the actor sees it; undefined when it does not exist. */
export async function loadHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  today: string,
): Promise<HouseholdState | undefined> {
  const household = await db
    .selectFrom('household')
    .innerJoin('organization', 'organization.id', 'household.owner_organization_id')
    .select([
      'household.id',
      'household.coc_id as cocId',
      'household.owner_organization_id as ownerOrganizationId',
      'organization.name as ownerOrganizationName',
      'household.created_at as createdAt',
    ])
    .where('household.id', '=', id)
    .executeTakeFirst()
  if (!household) return undefined
  const rows = await db
    .selectFrom('household_member as m')
    .innerJoin('client as c', 'c.id', 'm.client_id')
    .select([
      'm.client_id as clientId',
      'c.client_number as clientNumber',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.dob',
      'm.relationship_to_hoh as relationshipToHoh',
      'm.joined_on as joinedOn',
      'm.removed_on as removedOn',
      'm.removed_reason as removedReason',
    ])
    .where('m.household_id', '=', id)
    // Current members first, then by when they joined.
    .orderBy(({ eb }) => eb('m.removed_on', 'is not', null))
    .orderBy('m.joined_on')
    .orderBy('m.created_at')
    .execute()
  const facts = await loadClientAccessFactsMany(
    db,
    actor,
    rows.map((row) => row.clientId),
    today,
  )
  const head = rows.find((row) => row.removedOn === null && row.relationshipToHoh === SELF_HEAD_OF_HOUSEHOLD)
  return {
    ...household,
    rows,
    headClientId: head?.clientId ?? null,
    members: rows.map((row) => ({
      clientId: row.clientId,
      current: row.removedOn === null,
      client: facts.get(row.clientId),
    })),
  }
}

/** The ids of the clients in this household the actor may see. */
export function visibleClientIds(actor: Actor, state: HouseholdState): Set<string> {
  return new Set(
    state.members.filter((member) => canSeeMember(actor, member)).map((member) => member.clientId),
  )
}

export const currentRows = (state: HouseholdState) => state.rows.filter((row) => row.removedOn === null)

/** The API view: only members the actor may see; warnings judged on those members only. */
export function toHousehold(actor: Actor, state: HouseholdState, today: string): Household {
  const visible = visibleClientIds(actor, state)
  const rows = state.rows.filter((row) => visible.has(row.clientId))
  return {
    id: state.id,
    cocId: state.cocId,
    ownerOrganizationId: state.ownerOrganizationId,
    ownerOrganizationName: state.ownerOrganizationName,
    createdAt: state.createdAt.toISOString(),
    headClientId: state.headClientId && visible.has(state.headClientId) ? state.headClientId : null,
    members: rows.map(toHouseholdMember),
    canEdit: canEditHousehold(actor, state),
    warnings: householdWarnings(
      rows.filter((row) => row.removedOn === null),
      today,
    ),
  }
}

export function toHouseholdMember(row: MemberRow): Household['members'][number] {
  return {
    client: {
      id: row.clientId,
      clientNumber: row.clientNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      dob: row.dob,
    },
    relationshipToHoh: row.relationshipToHoh,
    joinedOn: row.joinedOn,
    removedOn: row.removedOn,
    removedReason: row.removedReason,
  }
}

/** HUD: in a household of adults and children an adult should be head. Advice only, never a block. */
export function householdWarnings(current: MemberRow[], today: string): string[] {
  const head = current.find((row) => row.relationshipToHoh === SELF_HEAD_OF_HOUSEHOLD)
  const isAdult = (row: MemberRow) => row.dob !== null && ageOn(row.dob, today) >= ADULT_AGE
  const isChild = (row: MemberRow) => row.dob !== null && ageOn(row.dob, today) < ADULT_AGE
  if (head && isChild(head) && current.some(isAdult)) {
    return [
      'The head of household is under 18 but the household has an adult member: HUD expects an adult to be head of household.',
    ]
  }
  return []
}

interface PgConstraintError {
  code?: string
  constraint?: string
  message?: string
}

/** Turns a violated household constraint into a 409 that says what to do; other errors pass through. */
export function explainHouseholdConflict(error: unknown): unknown {
  const { code, constraint, message = '' } = (error ?? {}) as PgConstraintError
  const violated = (name: string) => constraint === name || message.includes(name)
  if (code === '23505' && violated('household_one_current_head'))
    return new AppError(
      'conflict',
      'This household already has a head of household; change the head instead, or someone else just did',
    )
  if (code === '23505' && violated('household_member_current'))
    return new AppError('conflict', 'This client is already a current member of this household')
  if (code === '23514' && violated('household_requires_head'))
    return new AppError('conflict', 'A household with members must keep one head of household')
  return error
}
