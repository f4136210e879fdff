import { DEMO_USERS } from './demo-users'
import { type DemoSeed, seededId } from './seed-step'

/** One sign-in per role, all with the demo password. */
export async function seedUsers(seed: DemoSeed): Promise<void> {
  for (const user of DEMO_USERS) {
    const row = await seed.db
      .insertInto('app_user')
      .values({ username: user.username, display_name: user.displayName, password_hash: seed.passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
    seed.userIds.set(user.username, row.id)
    await seed.db
      .insertInto('membership')
      .values(
        user.memberships.map((membership) => ({
          user_id: row.id,
          organization_id: seededId(seed.organizationIds, membership.agency),
          role: membership.role,
        })),
      )
      .execute()
  }
}
