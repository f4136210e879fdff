import type { Role } from '@threshold/core'
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor, UserActor } from './actor'
import { canManageProject } from './policy'

// Who may see and run a facility's beds. The board of a facility is seen by its owning agency and by the
// CoC's Coordinated Entry managers and administrators; resident names on it follow the client identity rules
// (`canSeeClientIdentity`), checked per bed. Every other user of the CoC sees availability counts only.
//
// | who (same CoC)                        | board | check-in/out, move, offline | reserve | bars       |
// |---------------------------------------|-------|-----------------------------|---------|------------|
// | owning agency: housing provider,      | yes   | yes                         | yes     | set / end  |
// |   case manager, agency admin          |       |                             |         |            |
// | owning agency: analyst                | yes   | no                          | no      | no         |
// | CE manager, CoC admin, system admin   | yes   | no                          | yes     | set / end  |
// | any other agency                      | no    | no                          | no      | no         |
// | anyone in the CoC                     | availability counts                                        |

/** What the rules need to know about a facility. */
export interface FacilityScope {
  cocId: string
  organizationId: string
}

const BOARD_WIDE_ROLES: readonly Role[] = ['system_admin', 'coc_admin', 'ce_manager']
const OPERATING_ROLES: readonly Role[] = ['housing_provider', 'case_manager', 'agency_admin']

const userInCoc = (actor: Actor, cocId: string): actor is UserActor =>
  actor.kind === 'user' && actor.cocId === cocId
const ofOwningAgency = (actor: UserActor, facility: FacilityScope) =>
  actor.organizationId === facility.organizationId

export function canSeeFacilityBoard(actor: Actor, facility: FacilityScope): boolean {
  if (!userInCoc(actor, facility.cocId)) return false
  return ofOwningAgency(actor, facility) || BOARD_WIDE_ROLES.includes(actor.role)
}

/** Facilities and their beds are inventory, managed like the projects they serve: CoC or agency admins. */
export function canManageFacility(actor: Actor, facility: FacilityScope): boolean {
  return canManageProject(actor, facility)
}

/** Check-in, check-out, moves and offline periods: the staff of the agency that runs the facility. */
export function canOperateBeds(actor: Actor, facility: FacilityScope): boolean {
  return (
    userInCoc(actor, facility.cocId) &&
    ofOwningAgency(actor, facility) &&
    OPERATING_ROLES.includes(actor.role)
  )
}

/** Reservations: the facility's staff, and Coordinated Entry booking on the shelters' behalf. */
export function canReserveBeds(actor: Actor, facility: FacilityScope): boolean {
  if (canOperateBeds(actor, facility)) return true
  return userInCoc(actor, facility.cocId) && BOARD_WIDE_ROLES.includes(actor.role)
}

/** CoC-wide "available tonight" counts carry no identities: everyone in the CoC may read them. */
export function canSeeAvailability(actor: Actor, coc: { id: string }): boolean {
  return userInCoc(actor, coc.id)
}

/**
 * Setting or ending a bar: staff (not analysts) of an enforcing agency, and the CoC's CE managers and
 * administrators. The bar's reason is read by the same people and by whoever may see the client's project data.
 */
export function canManageBar(
  actor: Actor,
  bar: { cocId: string; enforcingOrganizationIds: readonly string[] },
) {
  if (!userInCoc(actor, bar.cocId) || actor.role === 'analyst') return false
  return BOARD_WIDE_ROLES.includes(actor.role) || bar.enforcingOrganizationIds.includes(actor.organizationId)
}

/** Mirrors `canSeeFacilityBoard` for lists: use with the `facility` table un-aliased in scope. */
export function facilityBoardVisibleTo(actor: Actor) {
  return <TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    if (actor.kind !== 'user') return sql<SqlBool>`false`
    const boardWide = BOARD_WIDE_ROLES.includes(actor.role)
    return sql<SqlBool>`(facility.coc_id = ${actor.cocId}::uuid
      AND (${boardWide ? sql`true` : sql`false`} OR facility.organization_id = ${actor.organizationId}::uuid))`
  }
}
