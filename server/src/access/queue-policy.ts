import type { Role } from '@threshold/core'
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor, UserActor } from './actor'
import { type ClientAccessFacts, canSeeClientIdentity } from './client-policy'
import { clientIdentityVisibleTo } from './client-visibility'

// Who may see and work the Housing Queue of a CoC.
//
// | who (same CoC)                        | queue rows                    | status changes | ranking rules |
// |---------------------------------------|-------------------------------|----------------|---------------|
// | CE manager, CoC admin, system admin   | every household of the CoC    | yes            | edit, publish |
// | case manager, agency admin            | households their agency       | no             | read          |
// |                                       |   enrolled in CE              |                |               |
// | housing provider, analyst, others     | none                          | no             | no            |
//
// Every row keeps the household's rank on the whole queue. The head of household's name follows the client
// identity rules (`canSeeClientIdentity`); a household whose head is confidential is de-identified on the
// queue for everyone, its own agency included: the queue is worked in case conferencing, on shared screens
// and in exports, so it never carries that identity (no name, client id or date of birth).

const QUEUE_WIDE_ROLES: readonly Role[] = ['system_admin', 'coc_admin', 'ce_manager']
const AGENCY_QUEUE_ROLES: readonly Role[] = ['case_manager', 'agency_admin']

const userInCoc = (actor: Actor, cocId: string): actor is UserActor =>
  actor.kind === 'user' && actor.cocId === cocId

/** What the rules need to know about a queue entry. */
export interface QueueEntryScope {
  cocId: string
  /** The agency that enrolled the household in CE. */
  ownerOrganizationId: string
}

/** May open the queue screen of the CoC at all (and follow its live events). */
export function canViewQueue(actor: Actor, coc: { id: string }): boolean {
  if (!userInCoc(actor, coc.id)) return false
  return QUEUE_WIDE_ROLES.includes(actor.role) || AGENCY_QUEUE_ROLES.includes(actor.role)
}

export function canSeeQueueEntry(actor: Actor, entry: QueueEntryScope): boolean {
  if (!canViewQueue(actor, { id: entry.cocId })) return false
  const user = actor as UserActor
  return QUEUE_WIDE_ROLES.includes(user.role) || user.organizationId === entry.ownerOrganizationId
}

/** Review, mark inactive, ready, exit from the queue: the CoC's Coordinated Entry staff. */
export function canManageQueue(actor: Actor, coc: { id: string }): boolean {
  return userInCoc(actor, coc.id) && QUEUE_WIDE_ROLES.includes(actor.role)
}

/** The ranking rules are CoC policy, kept by its CoC admins and CE managers. */
export function canConfigureQueueRanking(actor: Actor, coc: { id: string }): boolean {
  return canManageQueue(actor, coc)
}

export type QueueIdentity = 'named' | 'masked' | 'deidentified'

/** How a row shows its head of household to this actor. */
export function queueRowIdentity(actor: Actor, head: ClientAccessFacts): QueueIdentity {
  if (head.restriction === 'confidential') return 'deidentified'
  return canSeeClientIdentity(actor, head) ? 'named' : 'masked'
}

/** Mirrors `canSeeQueueEntry` over `queue_entry` aliased `qe`. */
export function queueEntriesVisibleTo(actor: Actor) {
  return <TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    if (actor.kind !== 'user' || !canViewQueue(actor, { id: actor.cocId })) return sql<SqlBool>`false`
    if (QUEUE_WIDE_ROLES.includes(actor.role)) return sql<SqlBool>`qe.coc_id = ${actor.cocId}::uuid`
    return sql<SqlBool>`(qe.coc_id = ${actor.cocId}::uuid AND qe.owner_organization_id = ${actor.organizationId}::uuid)`
  }
}

/** Mirrors `queueRowIdentity` for the head of household's `client` row (un-aliased) in scope. */
export function queueIdentitySql(actor: Actor, today: string) {
  const identityVisible = clientIdentityVisibleTo(actor, today)
  return <TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) =>
    sql<QueueIdentity>`CASE WHEN client.restriction = 'confidential' THEN 'deidentified'
                            WHEN ${identityVisible(eb)} THEN 'named' ELSE 'masked' END`
}
