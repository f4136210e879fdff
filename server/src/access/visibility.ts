import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor, UserActor } from './actor'
import { AGENCY_ASSIGNABLE_ROLES, isSystem, isUser } from './policy'

// The list rules of `policy.ts` as SQL filters: `.where(organizationsVisibleTo(actor))`. Each one mirrors
// its predicate exactly (visibility.db.test.ts checks both agree), so lists never show what a
// "by id" read would refuse.

type RowFilter<T extends keyof DB> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>

const everything =
  <T extends keyof DB>(): RowFilter<T> =>
  (eb) =>
    eb.lit(true)
const nothing =
  <T extends keyof DB>(): RowFilter<T> =>
  (eb) =>
    eb.lit(false)

const seesEveryCoc = (actor: Actor): boolean =>
  isSystem(actor) || (isUser(actor) && actor.role === 'system_admin')

/** Mirrors `canSeeCoc`. */
export function cocsVisibleTo(actor: Actor): RowFilter<'coc'> {
  if (seesEveryCoc(actor)) return everything()
  if (!isUser(actor)) return nothing()
  return (eb) => eb('coc.id', '=', actor.cocId)
}

/** Mirrors `canSeeOrganization`: the agency directory of the actor's CoC. */
export function organizationsVisibleTo(actor: Actor): RowFilter<'organization'> {
  if (seesEveryCoc(actor)) return everything()
  if (!isUser(actor)) return nothing()
  return (eb) => eb('organization.coc_id', '=', actor.cocId)
}

/** Mirrors `canSeeProject`. */
export function projectsVisibleTo(actor: Actor): RowFilter<'project'> {
  if (seesEveryCoc(actor)) return everything()
  if (!isUser(actor)) return nothing()
  return (eb) => eb('project.coc_id', '=', actor.cocId)
}

/**
 * Mirrors `canSeeUser` (themselves, or someone they manage per `canManageUser`): users with at least one
 * membership and none beyond the actor's reach: outside their CoC or system_admin (coc_admin), outside
 * their agency or a role they may not give (agency_admin). Inactive memberships count, as in `findUser`.
 */
export function usersVisibleTo(actor: Actor): RowFilter<'app_user'> {
  if (seesEveryCoc(actor)) return everything()
  if (!isUser(actor)) return nothing()
  const managed = usersManagedBy(actor)
  return (eb) => eb.or([eb('app_user.id', '=', actor.userId), managed(eb)])
}

function usersManagedBy(actor: UserActor): RowFilter<'app_user'> {
  if (actor.role !== 'coc_admin' && actor.role !== 'agency_admin') return nothing()
  return (eb) => {
    const membershipsOfUser = eb
      .selectFrom('membership')
      .innerJoin('organization as member_org', 'member_org.id', 'membership.organization_id')
      .select('membership.user_id')
      .whereRef('membership.user_id', '=', 'app_user.id')
    const outsideActorsReach = membershipsOfUser.where((inner) =>
      actor.role === 'coc_admin'
        ? inner.or([
            inner('member_org.coc_id', '<>', actor.cocId),
            inner('membership.role', '=', 'system_admin'),
          ])
        : inner.or([
            inner('membership.organization_id', '<>', actor.organizationId),
            inner('membership.role', 'not in', AGENCY_ASSIGNABLE_ROLES),
          ]),
    )
    return eb.and([eb.exists(membershipsOfUser), eb.not(eb.exists(outsideActorsReach))])
  }
}

/** Mirrors `canSeeAuditEvent`: by the organization the audited actor was acting in. */
export function auditEventsVisibleTo(actor: Actor): RowFilter<'audit_event'> {
  if (seesEveryCoc(actor)) return everything()
  if (!isUser(actor)) return nothing()
  if (actor.role === 'coc_admin') {
    return (eb) =>
      eb(
        'audit_event.organization_id',
        'in',
        eb
          .selectFrom('organization')
          .select('organization.id')
          .where('organization.coc_id', '=', actor.cocId),
      )
  }
  if (actor.role === 'agency_admin')
    return (eb) => eb('audit_event.organization_id', '=', actor.organizationId)
  return nothing()
}
