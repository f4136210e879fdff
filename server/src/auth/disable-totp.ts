import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../http/errors'
import { clearSecondFactor, verifySecondFactor, wrongCode } from './second-factor'
import type { AuthDeps } from './sign-in-steps'

/** A user removes their own authenticator; a current code (or a recovery code) proves they hold it. */
export async function disableTotp(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: UserActor,
  code: string,
): Promise<void> {
  const user = await db
    .selectFrom('app_user')
    .select('totp_enabled_at')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  if (!user.totp_enabled_at) throw new AppError('conflict', 'No authenticator app is set up')
  const audit = { action: 'auth.totp_disable', entityType: 'user', entityId: actor.userId }
  const factor = await verifySecondFactor(db, clock, actor.userId, code)
  if (!factor) {
    await recordAudit(db, actor, { ...audit, outcome: 'failure', details: { reason: 'bad_code' } })
    throw wrongCode()
  }
  await db.transaction().execute(async (trx) => {
    await clearSecondFactor(trx, clock, actor.userId)
    await recordAudit(trx, actor, { ...audit, details: { provedWith: factor } })
  })
}
