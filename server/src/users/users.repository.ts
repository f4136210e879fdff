import type { Role, User } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { UserScope } from '../access/policy'
import type { DB } from '../db/schema'

/** A user account as administrators see it: never the password hash or TOTP secret. */
export interface UserRecord extends UserScope {
  id: string
  username: string
  displayName: string
  email: string | null
  active: boolean
  totpEnabled: boolean
  /** Every membership, inactive ones too: who administers an account depends on all of them. */
  memberships: {
    organizationId: string
    organizationName: string
    cocId: string
    role: Role
    active: boolean
  }[]
}

/** The users with these ids, in the order given. */
export async function loadUsers(db: Kysely<DB>, ids: string[]): Promise<UserRecord[]> {
  if (ids.length === 0) return []
  const [users, memberships] = await Promise.all([
    db
      .selectFrom('app_user')
      .select([
        'app_user.id',
        'app_user.username',
        'app_user.display_name as displayName',
        'app_user.email',
        'app_user.active',
        sql<boolean>`app_user.totp_enabled_at IS NOT NULL`.as('totpEnabled'),
      ])
      .where('app_user.id', 'in', ids)
      .execute(),
    db
      .selectFrom('membership')
      .innerJoin('organization', 'organization.id', 'membership.organization_id')
      .select([
        'membership.user_id as userId',
        'membership.organization_id as organizationId',
        'organization.name as organizationName',
        'organization.coc_id as cocId',
        'membership.role',
        'membership.active',
      ])
      .where('membership.user_id', 'in', ids)
      .orderBy('organization.name')
      .orderBy('organization.id')
      .execute(),
  ])
  const byId = new Map(
    users.map((user) => [user.id, { ...user, memberships: [] as UserRecord['memberships'] }]),
  )
  for (const { userId, ...membership } of memberships) byId.get(userId)?.memberships.push(membership)
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function findUser(db: Kysely<DB>, id: string): Promise<UserRecord | undefined> {
  const [user] = await loadUsers(db, [id])
  return user
}

export function toUser(record: UserRecord): User {
  return {
    ...record,
    memberships: record.memberships.map(({ cocId: _cocId, ...membership }) => membership),
  }
}
