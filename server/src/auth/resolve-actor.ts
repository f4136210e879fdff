import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import type { DB } from '../db/schema'

/**
 * The actor for a user acting in one organization, or null when the user is disabled or no longer an
 * active member there (their next request is then refused, whatever session or token they hold).
 */
export async function loadUserActor(
  db: Kysely<DB>,
  ids: { userId: string; organizationId: string; sessionId: string | null; apiTokenId: string | null },
  request: { requestId: string | null; ip: string | null },
): Promise<UserActor | null> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select([
      'u.id as userId',
      'u.username',
      'm.organization_id as organizationId',
      'o.coc_id as cocId',
      'm.role',
    ])
    .where('m.user_id', '=', ids.userId)
    .where('m.organization_id', '=', ids.organizationId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst()
  if (!row) return null
  return {
    kind: 'user',
    ...row,
    sessionId: ids.sessionId,
    apiTokenId: ids.apiTokenId,
    requestId: request.requestId,
    ip: request.ip,
  }
}
