import type { TotpEnrollment } from '@threshold/core'
import QRCode from 'qrcode'
import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../http/errors'
import { newTotpSecret, totpFor } from './second-factor'
import type { AuthDeps } from './sign-in-steps'

/**
 * Starts setting up an authenticator app: a new secret is stored as pending (not yet asked for at
 * sign-in) until `activateTotp` sees a code made from it. Starting again replaces a pending secret.
 */
export async function enrollTotp(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: UserActor,
): Promise<TotpEnrollment> {
  const secret = newTotpSecret()
  const enrolled = await db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('app_user')
      .set({ totp_secret: secret, updated_at: clock.now() })
      .where('id', '=', actor.userId)
      .where('totp_enabled_at', 'is', null)
      .returning('username')
      .executeTakeFirst()
    if (user)
      await recordAudit(trx, actor, {
        action: 'auth.totp_enroll',
        entityType: 'user',
        entityId: actor.userId,
      })
    return user
  })
  if (!enrolled) {
    throw new AppError(
      'conflict',
      'An authenticator app is already set up: remove it first to set up another',
    )
  }
  const otpauthUrl = totpFor(enrolled.username, secret).toString()
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) }
}
