import type { Role } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import type { CocSettings, DB } from '../db/schema'

/** The CoC requires a second factor for this role and the user has not set one up yet. */
export function mfaEnrollmentRequired(settings: CocSettings, role: Role, totpEnabled: boolean): boolean {
  return !totpEnabled && (settings.mfaRequiredRoles ?? []).includes(role)
}

export interface ResolvedActor {
  actor: UserActor
  /** See `mfaEnrollmentRequired`: such a session may use /api/auth/* only. */
  mfaEnrollmentRequired: boolean
}

/**
 * The actor for a user acting in one organization, or null when the user is disabled or no longer an
 * active member of an active organization there (their next request is then refused, whatever session
 * or token they hold).
 */
export async function resolveUserActor(
  db: Kysely<DB>,
  ids: { userId: string; organizationId: string; sessionId: string | null; apiTokenId: string | null },
  request: { requestId: string | null; ip: string | null },
): Promise<ResolvedActor | null> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .innerJoin('coc as c', 'c.id', 'o.coc_id')
    .select([
      'u.id as userId',
      'u.username',
      'm.organization_id as organizationId',
      'o.coc_id as cocId',
      'm.role',
      'u.totp_enabled_at as totpEnabledAt',
      'c.settings as cocSettings',
    ])
    .where('m.user_id', '=', ids.userId)
    .where('m.organization_id', '=', ids.organizationId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst()
  if (!row) return null
  const { totpEnabledAt, cocSettings, ...user } = row
  return {
    actor: {
      kind: 'user',
      ...user,
      sessionId: ids.sessionId,
      apiTokenId: ids.apiTokenId,
      requestId: request.requestId,
      ip: request.ip,
    },
    mfaEnrollmentRequired: mfaEnrollmentRequired(cocSettings, row.role, totpEnabledAt !== null),
  }
}
