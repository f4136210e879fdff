import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { loadManagedUser } from '../users/load-managed-user'
import { clearSecondFactor } from './second-factor'
import type { AuthDeps } from './sign-in-steps'

/**
 * An administrator removes someone's authenticator (a lost phone): they sign in with their password
 * next time and set up a new one. Only for users the actor administers, like any change to an account.
 */
export async function resetUserTotp(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: Actor,
  userId: string,
): Promise<void> {
  await loadManagedUser({ db, actor, id: userId, action: 'auth.totp_reset' })
  await db.transaction().execute(async (trx) => {
    await clearSecondFactor(trx, clock, userId)
    await recordAudit(trx, actor, { action: 'auth.totp_reset', entityType: 'user', entityId: userId })
  })
}
