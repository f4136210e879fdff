import type { User, UserQuery } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { usersVisibleTo } from '../access/visibility'
import type { DB } from '../db/schema'
import { loadUsers, toUser } from './users.repository'

/** Users the actor may see, by username; `q` matches part of a username, display name or email. */
export async function listUsers({
  db,
  actor,
  filter,
}: {
  db: Kysely<DB>
  actor: Actor
  filter: UserQuery
}): Promise<User[]> {
  let query = db.selectFrom('app_user').select('app_user.id').where(usersVisibleTo(actor))
  const { organizationId, q } = filter
  if (organizationId) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('membership')
          .select('membership.user_id')
          .whereRef('membership.user_id', '=', 'app_user.id')
          .where('membership.organization_id', '=', organizationId),
      ),
    )
  }
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`
    query = query.where((eb) =>
      eb.or([
        eb('app_user.username', 'ilike', pattern),
        eb('app_user.display_name', 'ilike', pattern),
        eb('app_user.email', 'ilike', pattern),
      ]),
    )
  }
  const rows = await query
    .orderBy(sql`lower(app_user.username)`)
    .orderBy('app_user.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return (
    await loadUsers(
      db,
      rows.map((row) => row.id),
    )
  ).map(toUser)
}
