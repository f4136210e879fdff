import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor } from './actor'
import { CE_REFERRING_ROLES } from './referral-policy'

// `canSeeReferral` as a SQL filter for lists: the query selects from `referral` un-aliased.

export type ReferralFilter = (eb: ExpressionBuilder<DB, 'referral'>) => Expression<SqlBool>

export function referralsVisibleTo(actor: Actor): ReferralFilter {
  if (actor.kind !== 'user') return () => sql<SqlBool>`false`
  const everyInCoc = CE_REFERRING_ROLES.includes(actor.role)
  return (eb) =>
    eb.and([
      eb('referral.coc_id', '=', actor.cocId),
      everyInCoc
        ? sql<SqlBool>`true`
        : eb.or([
            eb('referral.receiving_organization_id', '=', actor.organizationId),
            eb('referral.referring_organization_id', '=', actor.organizationId),
          ]),
    ])
}
