import type { Release } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { loadVisibleRelease, type ReleaseContext } from './release-access'
import { releaseView } from './releases.repository'

/** A verbal release gets its signed form: the flag clears, and when it happened stays on the release. */
export async function recordSignedForm(context: ReleaseContext, id: string): Promise<Release> {
  const { db, today, now } = context
  const actor = userActor(context.actor)
  const action = 'release.signed_form'
  const { client } = await loadVisibleRelease(context, id, action, 'change')

  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('client_release')
      .set({ documentation: 'signed', signed_form_recorded_at: now, signed_form_recorded_by: actor.userId })
      .where('id', '=', id)
      .where('documentation', '=', 'verbal')
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) {
      throw new AppError('conflict', 'This release already has its signed form')
    }
    await recordAudit(trx, actor, {
      action,
      entityType: 'release',
      entityId: id,
      details: { clientId: client.id, fields: ['documentation'] },
    })
  })
  return releaseView(db, actor, id, client.restriction, today)
}
