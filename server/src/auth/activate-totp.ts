import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../http/errors'
import { matchingTotpStep, newRecoveryCodes, wrongCode } from './second-factor'
import type { AuthDeps } from './sign-in-steps'

/**
 * Finishes the set-up once a code from the app proves it was scanned correctly; from now on sign-in asks
 * for a code. Returns the recovery codes, the only time they are ever shown.
 */
export async function activateTotp(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: UserActor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await db
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_enabled_at'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  if (user.totp_enabled_at) throw new AppError('conflict', 'An authenticator app is already set up')
  if (!user.totp_secret) {
    throw new AppError('conflict', 'Start the set-up first (POST /api/auth/totp/enroll), then send a code')
  }
  const now = clock.now()
  const compact = code.replace(/\s/g, '')
  const step = /^\d{6}$/.test(compact) ? matchingTotpStep(user.totp_secret, compact, now) : null
  const audit = { action: 'auth.totp_activate', entityType: 'user', entityId: actor.userId }
  if (step === null) {
    await recordAudit(db, actor, { ...audit, outcome: 'failure', details: { reason: 'bad_code' } })
    throw wrongCode()
  }
  const { codes, hashes } = newRecoveryCodes()
  const activated = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('app_user')
      .set({ totp_enabled_at: now, totp_last_used_step: step, recovery_code_hashes: hashes, updated_at: now })
      .where('id', '=', actor.userId)
      .where('totp_secret', '=', user.totp_secret)
      .where('totp_enabled_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (row) await recordAudit(trx, actor, audit)
    return row !== undefined
  })
  // Another tab restarted or finished the set-up in the meantime.
  if (!activated) throw new AppError('conflict', 'The set-up changed meanwhile: start it again')
  return { recoveryCodes: codes }
}
