import type { Release, ReleaseRevocation } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { assertNotFuture } from '../households/household-dates'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { loadVisibleRelease, type ReleaseContext } from './release-access'
import { releaseView } from './releases.repository'

/** The client withdraws consent; from `revokedOn` (today at the latest) the release counts for nobody. */
export async function revokeRelease(
  context: ReleaseContext,
  id: string,
  input: ReleaseRevocation,
): Promise<Release> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'release.revoke'
  const { client } = await loadVisibleRelease(context, id, action, 'change')
  assertNotFuture(input.revokedOn, today, 'revokedOn')

  await db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('client_release')
      .set({ revoked_on: input.revokedOn, revoked_by: actor.userId, revoked_reason: input.reason })
      .where('id', '=', id)
      .where('revoked_on', 'is', null)
      .executeTakeFirst()
    if (revoked.numUpdatedRows === 0n) throw new AppError('conflict', 'This release is already revoked')
    await recordAudit(trx, actor, {
      action,
      entityType: 'release',
      entityId: id,
      details: { clientId: client.id, fields: ['revokedOn', 'revokedReason'] },
    })
  })
  return releaseView(db, actor, id, client.restriction, today)
}
