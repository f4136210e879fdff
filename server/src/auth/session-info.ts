import type { SessionInfo } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import type { DB } from '../db/schema'
import { mfaEnrollmentRequired } from './resolve-actor'

/** The organizations a user may act in: active memberships of active organizations, by name. */
export function activeMemberships(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .innerJoin('coc as c', 'c.id', 'o.coc_id')
    .select([
      'm.organization_id as organizationId',
      'o.name as organizationName',
      'o.coc_id as cocId',
      'c.code as cocCode',
      'm.role',
      'c.settings as cocSettings',
    ])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute()
}

/** What the web app needs to know about the signed-in user (GET /api/auth/me and every sign-in). */
export async function loadSessionInfo(db: Kysely<DB>, actor: UserActor): Promise<SessionInfo> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'totp_enabled_at'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  const memberships = await activeMemberships(db, actor.userId)
  const current = memberships.find((membership) => membership.organizationId === actor.organizationId)
  const totpEnabled = user.totp_enabled_at !== null
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name, totpEnabled },
    organizations: memberships.map(({ cocSettings: _settings, ...membership }) => membership),
    currentOrganizationId: actor.organizationId,
    role: actor.role,
    mfaEnrollmentRequired: current
      ? mfaEnrollmentRequired(current.cocSettings, actor.role, totpEnabled)
      : false,
  }
}
