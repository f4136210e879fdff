import { type NewUser, ROLE_LABELS, type User } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canAssignRole, canSeeOrganization } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import { hashPassword, validateNewPassword } from '../auth/passwords'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { findOrganization } from '../organizations/organizations.repository'
import { findUser, toUser } from './users.repository'

/** Creates an account with its memberships; each role must be one the actor may give in that organization. */
export async function createUser({
  db,
  config,
  actor,
  input,
}: {
  db: Kysely<DB>
  config: Pick<Config, 'passwordMinLength'>
  actor: Actor
  input: NewUser
}): Promise<User> {
  const action = 'user.create'
  const organizationIds = input.memberships.map((membership) => membership.organizationId)
  if (new Set(organizationIds).size !== organizationIds.length) {
    throw new AppError('invalid_input', 'Each organization may appear only once in memberships')
  }
  for (const { organizationId, role } of input.memberships) {
    const organization = await loadVisible({
      db,
      actor,
      entityType: 'organization',
      id: organizationId,
      action,
      load: findOrganization,
      canSee: canSeeOrganization,
    })
    await assertPermitted(db, actor, canAssignRole(actor, role, organization), {
      action,
      entityType: 'user',
      details: { organizationId, role },
      message: `You cannot give the role "${ROLE_LABELS[role]}" in ${organization.name}`,
    })
    if (!organization.active) {
      throw new AppError(
        'unprocessable',
        `${organization.name} is inactive; reactivate it before adding users`,
      )
    }
  }
  validateNewPassword(config, input.username, input.password)
  await assertUsernameFree(db, input.username)
  const passwordHash = await hashPassword(input.password)

  const id = await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        email: input.email,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('membership')
      .values(
        input.memberships.map(({ organizationId, role }) => ({
          user_id: user.id,
          organization_id: organizationId,
          role,
        })),
      )
      .execute()
    await recordAudit(trx, actor, {
      action,
      entityType: 'user',
      entityId: user.id,
      details: { fields: Object.keys(input), organizationIds },
    })
    return user.id
  })
  return toUser((await findUser(db, id))!)
}

/** Usernames are unique without regard to case (the sign-in form does not care about it either). */
async function assertUsernameFree(db: Kysely<DB>, username: string): Promise<void> {
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst()
  if (taken) throw new AppError('conflict', `The username "${username}" is already taken; choose another`)
}
