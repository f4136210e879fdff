import {
  ACTIVE_REFERRAL_STATUSES,
  addDays,
  addWorkingDays,
  ceEventTypeForProjectType,
  DEFAULT_REFERRAL_TIMERS,
  type QueueStatus,
  type ReferralStatus,
  referralResultForStatus,
} from '@threshold/core'
import { sql } from 'kysely'
import { systemActor, type UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { insertReferralCeEvent, setReferralResult } from '../ce-events/referral-events'
import { findProjectForEnrollment, insertMemberEnrollment } from '../enrollments/enrollment-writes'
import { notifyUsers } from '../notifications/notify'
import { changeQueueStatus } from '../queue/queue-membership'
import { queuePlaceOf } from '../referrals/queue-link'
import { type DemoSeed, seededId } from './seed-step'

// Live referral work for the demo: open openings at the RRH, PSH and shelter projects and referrals of
// queued households in every status (some stalled), each with its CE event and history, so provider.rrh
// and ce.manager find work on sign-in. Runs after the Housing Queue step; without queued households it
// posts the openings only.

interface OpeningPlan {
  key: string
  project: string
  capacity: number
  postedBy: string
  closed?: boolean
  summary: string
}

const OPENINGS: readonly OpeningPlan[] = [
  {
    key: 'rrh',
    project: 'Pathway Home Rapid Rehousing',
    capacity: 3,
    postedBy: 'provider.rrh',
    summary: 'Scattered-site units, families or singles',
  },
  {
    key: 'rrhOpen',
    project: 'Pathway Home Rapid Rehousing',
    capacity: 2,
    postedBy: 'ce.manager',
    summary: 'Two vouchers released this month',
  },
  {
    key: 'rrhFilled',
    project: 'Pathway Home Rapid Rehousing',
    capacity: 1,
    postedBy: 'provider.rrh',
    closed: true,
    summary: 'One-bedroom unit',
  },
  {
    key: 'psh',
    project: 'Oakridge Permanent Supportive Housing',
    capacity: 2,
    postedBy: 'ce.manager',
    summary: 'Chronically homeless, disability required',
  },
  {
    key: 'shelter',
    project: 'Lantern House Emergency Shelter',
    capacity: 4,
    postedBy: 'shelter.staff',
    summary: 'Adult beds, low barrier',
  },
]

interface ReferralPlan {
  opening: string
  status: ReferralStatus
  /** Days before today the referral was sent. */
  sentDaysAgo: number
  acknowledged?: boolean
  reasonCode?: string
  queueStatus: QueueStatus
}

const REFERRALS: readonly ReferralPlan[] = [
  { opening: 'rrh', status: 'pending', sentDaysAgo: 0, queueStatus: 'referred' },
  { opening: 'rrh', status: 'pending', sentDaysAgo: 8, queueStatus: 'referred' },
  { opening: 'rrh', status: 'acknowledged', sentDaysAgo: 3, acknowledged: true, queueStatus: 'referred' },
  { opening: 'rrhFilled', status: 'enrolled', sentDaysAgo: 20, acknowledged: true, queueStatus: 'housed' },
  { opening: 'psh', status: 'accepted', sentDaysAgo: 5, acknowledged: true, queueStatus: 'referred' },
  {
    opening: 'psh',
    status: 'declined_by_provider',
    sentDaysAgo: 9,
    acknowledged: true,
    reasonCode: 'ineligible_funding',
    queueStatus: 'ready',
  },
  { opening: 'psh', status: 'declined_by_client', sentDaysAgo: 6, acknowledged: true, queueStatus: 'ready' },
  {
    opening: 'shelter',
    status: 'acknowledged',
    sentDaysAgo: 12,
    acknowledged: true,
    queueStatus: 'referred',
  },
  {
    opening: 'shelter',
    status: 'unable_to_contact',
    sentDaysAgo: 7,
    reasonCode: 'not_located',
    queueStatus: 'inactive',
  },
  { opening: 'shelter', status: 'cancelled', sentDaysAgo: 4, queueStatus: 'ready' },
  { opening: 'shelter', status: 'expired', sentDaysAgo: 25, queueStatus: 'ready' },
]

const HOLDS_SLOT: readonly ReferralStatus[] = [...ACTIVE_REFERRAL_STATUSES, 'enrolled']

export async function seedDemoReferrals(seed: DemoSeed): Promise<void> {
  const { db } = seed
  const { rows } = await sql<{
    today: string
  }>`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`.execute(db)
  const today = rows[0]!.today
  const now = new Date(`${today}T12:00:00Z`)
  const ceManagerId = seededId(seed.userIds, 'ce.manager')
  const hmisLeadId = seededId(seed.organizationIds, 'hmisLead')

  const openings = new Map<
    string,
    {
      id: string
      projectId: string
      projectType: number
      organizationId: string
      name: string
      slots: number
    }
  >()
  for (const plan of OPENINGS) {
    const projectId = seededId(seed.projectIds, plan.project)
    const project = await db
      .selectFrom('project')
      .select(['organization_id', 'project_type'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow()
    const poster = seededId(seed.userIds, plan.postedBy)
    const posterOrganization = plan.postedBy === 'ce.manager' ? hmisLeadId : project.organization_id
    const opening = await db
      .insertInto('referral_opening')
      .values({
        coc_id: seed.cocId,
        project_id: projectId,
        organization_id: project.organization_id,
        capacity: plan.capacity,
        eligibility_summary: plan.summary,
        available_on: addDays(today, plan.closed ? -20 : -1),
        closed_at: plan.closed ? addDays(today, -10) : null,
        posted_by: poster,
        posted_by_organization_id: posterOrganization,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    openings.set(plan.key, {
      id: opening.id,
      projectId,
      projectType: project.project_type,
      organizationId: project.organization_id,
      name: plan.project,
      slots: 0,
    })
  }

  // Ready households from the bottom of the queue: the top stays free to refer live in the demo.
  const households = await db
    .selectFrom('queue_entry')
    .select(['id', 'enrollment_household_id'])
    .where('coc_id', '=', seed.cocId)
    .where('status', '=', 'ready')
    .orderBy('score', 'asc')
    .orderBy('id')
    .limit(REFERRALS.length)
    .execute()

  for (const [index, household] of households.entries()) {
    const plan = REFERRALS[index]!
    const opening = openings.get(plan.opening)!
    const sentOn = addDays(today, -plan.sentDaysAgo)
    const sentAt = new Date(`${sentOn}T15:00:00Z`)
    const members = await db
      .selectFrom('enrollment')
      .select(['id', 'client_id', 'relationship_to_hoh'])
      .where('enrollment_household_id', '=', household.enrollment_household_id)
      .where('exit_date', 'is', null)
      .orderBy('relationship_to_hoh')
      .execute()
    const head = members.find((member) => member.relationship_to_hoh === 1)
    if (!head) continue
    const place = await queuePlaceOf(db, {
      cocId: seed.cocId,
      enrollmentHouseholdId: household.enrollment_household_id,
      projectType: opening.projectType,
    })
    const resolved = !(ACTIVE_REFERRAL_STATUSES as readonly ReferralStatus[]).includes(plan.status)
    const resultOn =
      plan.status === 'expired'
        ? addDays(sentOn, DEFAULT_REFERRAL_TIMERS.expireDays + 1)
        : plan.status === 'accepted' || resolved
          ? addDays(sentOn, Math.min(plan.sentDaysAgo, 3))
          : null
    const referral = await db
      .insertInto('referral')
      .values({
        coc_id: seed.cocId,
        opening_id: opening.id,
        slot_no: HOLDS_SLOT.includes(plan.status) ? ++opening.slots : 1,
        project_id: opening.projectId,
        program_type: opening.projectType,
        receiving_organization_id: opening.organizationId,
        referring_organization_id: hmisLeadId,
        referred_by: ceManagerId,
        ce_enrollment_id: head.id,
        enrollment_household_id: household.enrollment_household_id,
        head_client_id: head.client_id,
        queue_entry_id: household.id,
        status: plan.status,
        status_changed_at: resultOn ? new Date(`${resultOn}T16:00:00Z`) : sentAt,
        sent_on: sentOn,
        acknowledge_due_on: addWorkingDays(sentOn, DEFAULT_REFERRAL_TIMERS.acknowledgeWorkingDays),
        decision_due_on: addDays(sentOn, DEFAULT_REFERRAL_TIMERS.decisionDays),
        expires_on: addDays(sentOn, DEFAULT_REFERRAL_TIMERS.expireDays),
        acknowledged_on: plan.acknowledged ? addDays(sentOn, 1) : null,
        result_on: resultOn,
        decline_reason_code: plan.reasonCode ?? null,
        snapshot: JSON.stringify(place?.snapshot ?? { rank: null, rankingVersion: null, values: {} }),
        queue_inactive_until: plan.status === 'unable_to_contact' ? addDays(today, 23) : null,
        created_at: sentAt,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('referral_member')
      .values(
        members.map((member) => ({
          referral_id: referral.id,
          client_id: member.client_id,
          relationship_to_hoh: member.relationship_to_hoh,
        })),
      )
      .execute()
    const providerUserId = seededId(
      seed.userIds,
      opening.name.startsWith('Lantern') ? 'shelter.staff' : 'provider.rrh',
    )
    const history: {
      to: ReferralStatus
      on: string
      by: string
      organizationId: string
      reasonCode?: string
    }[] = [{ to: 'pending', on: sentOn, by: ceManagerId, organizationId: hmisLeadId }]
    if (plan.acknowledged)
      history.push({
        to: 'acknowledged',
        on: addDays(sentOn, 1),
        by: providerUserId,
        organizationId: opening.organizationId,
      })
    if (plan.status === 'enrolled')
      history.push({
        to: 'accepted',
        on: addDays(sentOn, 2),
        by: providerUserId,
        organizationId: opening.organizationId,
      })
    if (resultOn && plan.status !== 'acknowledged') {
      const byCe =
        plan.status === 'cancelled' || plan.status === 'declined_by_client' || plan.status === 'expired'
      history.push({
        to: plan.status,
        on: resultOn,
        by: byCe ? ceManagerId : providerUserId,
        organizationId: byCe ? hmisLeadId : opening.organizationId,
        reasonCode: plan.reasonCode ?? (plan.status === 'cancelled' ? 'filled_otherwise' : undefined),
      })
    }
    for (const change of history) {
      await db
        .insertInto('referral_status_change')
        .values({
          referral_id: referral.id,
          to_status: change.to,
          from_status: null,
          changed_at: new Date(`${change.on}T16:00:00Z`),
          changed_by: plan.status === 'expired' && change.to === 'expired' ? null : change.by,
          organization_id:
            plan.status === 'expired' && change.to === 'expired' ? null : change.organizationId,
          reason_code: change.reasonCode ?? null,
        })
        .execute()
    }
    await sql`
      UPDATE referral_status_change c SET from_status = prev.to_status
      FROM (SELECT id, lag(to_status) OVER (ORDER BY seq) AS to_status FROM referral_status_change
            WHERE referral_id = ${referral.id}::uuid) prev
      WHERE c.id = prev.id`.execute(db)

    await insertReferralCeEvent(db, {
      referralId: referral.id,
      cocId: seed.cocId,
      ceEnrollmentId: head.id,
      eventDate: sentOn,
      eventType: ceEventTypeForProjectType(opening.projectType) ?? 15,
      locationProjectId: opening.projectId,
      ownerOrganizationId: hmisLeadId,
      userId: ceManagerId,
    })
    const result = referralResultForStatus(plan.status)
    if (result && resultOn)
      await setReferralResult(db, referral.id, {
        code: result,
        date: resultOn,
        at: now,
        userId: providerUserId,
      })

    if (plan.status === 'enrolled') {
      const project = (await findProjectForEnrollment(db, opening.projectId))!
      const provider: UserActor = {
        kind: 'user',
        userId: providerUserId,
        username: 'provider.rrh',
        organizationId: opening.organizationId,
        cocId: seed.cocId,
        role: 'housing_provider',
        sessionId: null,
        apiTokenId: null,
        requestId: null,
        ip: null,
      }
      const placement = await db
        .insertInto('enrollment_household')
        .values({
          project_id: project.id,
          coc_id: seed.cocId,
          owner_organization_id: opening.organizationId,
          created_by: providerUserId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const member of members) {
        await insertMemberEnrollment(db, provider, {
          enrollmentHouseholdId: placement.id,
          project,
          clientId: member.client_id,
          relationshipToHoh: member.relationship_to_hoh,
          entryDate: resultOn!,
          enrollmentCoc: member.relationship_to_hoh === 1 ? project.cocCode : null,
        })
      }
      await db
        .updateTable('referral')
        .set({ placement_household_id: placement.id })
        .where('id', '=', referral.id)
        .execute()
    }
    if (plan.queueStatus !== 'ready') {
      await changeQueueStatus(db, {
        actor: systemActor,
        queueEntryId: household.id,
        status: plan.queueStatus,
        reason:
          plan.queueStatus === 'referred' ? 'referral sent' : `referral ${plan.status.replaceAll('_', ' ')}`,
        now,
      })
    }
    if (plan.status === 'pending') {
      await notifyUsers(db, [{ userId: providerUserId, organizationId: opening.organizationId }], {
        kind: plan.sentDaysAgo > 3 ? 'referral_reminder' : 'referral_received',
        referralId: referral.id,
        message:
          plan.sentDaysAgo > 3
            ? `Referral to ${opening.name} is overdue: please respond`
            : `New referral to ${opening.name}: acknowledge by ${addWorkingDays(sentOn, 3)}`,
        at: now,
      })
    }
  }
  await recordAudit(db, systemActor, {
    action: 'demo.seed_referrals',
    entityType: 'coc',
    entityId: seed.cocId,
    details: { openings: openings.size, referrals: Math.min(households.length, REFERRALS.length) },
  })
}
