import type { Referral, ReferralDetail } from '@threshold/core'
import { todayFrom } from '../access/client-visibility'
import { loadVisible } from '../access/load-visible'
import { canSeeReferral } from '../access/referral-policy'
import { referralsVisibleTo } from '../access/referral-visibility'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import {
  loadReferralRow,
  presentReferrals,
  type ReferralContext,
  type ReferralRow,
  selectReferrals,
} from './referrals.repository'

/** A referral the actor may see, else 404 with a `denied` audit row. */
export function loadVisibleReferral(
  context: ReferralContext,
  id: string,
  action: string,
): Promise<ReferralRow> {
  return loadVisible({
    db: context.db,
    actor: context.actor,
    entityType: 'referral',
    id,
    action,
    load: loadReferralRow,
    canSee: (actor, row) =>
      canSeeReferral(actor, {
        cocId: row.coc_id,
        referringOrganizationId: row.referring_organization_id,
        receivingOrganizationId: row.receiving_organization_id,
      }),
  })
}

/** The referral with its history: who changed it, when, with which note (a read of the household's data). */
export async function getReferral(context: ReferralContext, id: string): Promise<ReferralDetail> {
  const { db, actor } = context
  const today = todayFrom(context.clock)
  const row = await loadVisibleReferral(context, id, 'referral.read')
  const [referral] = (await presentReferrals(db, actor, [row], today)) as [Referral]
  const history = await db
    .selectFrom('referral_status_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.changed_by')
    .leftJoin('organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.from_status as fromStatus',
      'c.to_status as toStatus',
      'c.changed_at as changedAt',
      'u.id as userId',
      'u.display_name as userName',
      'o.id as organizationId',
      'o.name as organizationName',
      'c.reason_code as reasonCode',
      'c.note',
    ])
    .where('c.referral_id', '=', id)
    .orderBy('c.seq')
    .execute()
  await recordAudit(db, actor, {
    action: 'referral.read',
    entityType: 'referral',
    entityId: id,
    details: { clientIds: referral.members.map((member) => member.clientId) },
  })
  return {
    ...referral,
    history: history.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      changedAt: change.changedAt.toISOString(),
      changedBy: change.userId ? { id: change.userId, name: change.userName ?? '' } : null,
      organization: change.organizationId
        ? { id: change.organizationId, name: change.organizationName ?? '' }
        : null,
      reasonCode: change.reasonCode,
      note: change.note,
    })),
  }
}

/**
 * Incoming: referrals to the actor's agency. Outgoing: referrals the agency made (CE managers and CoC
 * admins: every referral of the CoC). Without a direction: every referral the actor may see.
 */
export async function listReferrals(
  context: ReferralContext,
  query: {
    direction?: 'incoming' | 'outgoing'
    status?: Referral['status']
    stalled?: 'true' | 'false'
    projectId?: string
  },
): Promise<Referral[]> {
  const { db } = context
  const actor = userActor(context.actor)
  const today = todayFrom(context.clock)
  const ceWide = actor.role === 'ce_manager' || actor.role === 'coc_admin'
  const rows = await selectReferrals(db)
    .where(referralsVisibleTo(actor))
    .$if(query.direction === 'incoming', (q) =>
      q.where('referral.receiving_organization_id', '=', actor.organizationId),
    )
    .$if(query.direction === 'outgoing' && !ceWide, (q) =>
      q.where('referral.referring_organization_id', '=', actor.organizationId),
    )
    .$if(query.status !== undefined, (q) =>
      q.where('referral.status', '=', query.status as Referral['status']),
    )
    .$if(query.projectId !== undefined, (q) => q.where('referral.project_id', '=', query.projectId as string))
    .$if(query.stalled === 'true', (q) =>
      q.where((eb) =>
        eb.or([
          eb.and([eb('referral.status', '=', 'pending'), eb('referral.acknowledge_due_on', '<', today)]),
          eb.and([
            eb('referral.status', 'in', ['pending', 'acknowledged']),
            eb('referral.decision_due_on', '<', today),
          ]),
        ]),
      ),
    )
    .orderBy('referral.sent_on', 'desc')
    .orderBy('referral.created_at', 'desc')
    .limit(500)
    .execute()
  const referrals = await presentReferrals(db, actor, rows, today)
  if (referrals.length > 0) {
    await recordAudit(db, actor, {
      action: 'referral.list',
      entityType: 'referral',
      details: { count: referrals.length, direction: query.direction ?? null },
    })
  }
  return referrals
}
