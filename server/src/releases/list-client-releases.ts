import type { ClientReleases } from '@threshold/core'
import { referralsViewableByOtherAgencies } from '../access/client-policy'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import type { ReleaseContext } from './release-access'
import { findClientReleases, releaseGrant, toReleases } from './releases.repository'

/** Every release of a client (revoked and expired too) and the derived "Referrals viewable" answer. */
export async function listClientReleases(context: ReleaseContext, clientId: string): Promise<ClientReleases> {
  const { db, actor, today } = context
  const action = 'client.releases.read'
  const client = await loadVisibleClient({ db, actor, clientId, today, action })
  const rows = await findClientReleases(db, clientId)
  await recordAudit(db, actor, { action, entityType: 'client', entityId: clientId })
  return {
    releases: await toReleases(db, actor, rows, client.restriction, today),
    referralsViewableByOtherAgencies: referralsViewableByOtherAgencies({
      restriction: client.restriction,
      releases: rows.map(releaseGrant),
      today,
    }),
  }
}
