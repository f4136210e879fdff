import {
  addDays,
  addWorkingDays,
  ceEventTypeForProjectType,
  HEAD_OF_HOUSEHOLD,
  type NewReferral,
  type ReferralDetail,
  type ReferralSnapshot,
} from '@threshold/core'
import { sql } from 'kysely'
import { todayFrom } from '../access/client-visibility'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import {
  canCreateCeReferral,
  canReferDirectlyFrom,
  canReferDirectlyTo,
  canReferFromEnrollment,
} from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import { insertReferralCeEvent } from '../ce-events/referral-events'
import { type EnrollmentState, loadEnrollment } from '../enrollments/enrollments.repository'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { notifyUsers, usersWithRoles } from '../notifications/notify'
import { getReferral } from './get-referral'
import { loadVisibleOpening, type OpeningRow } from './openings'
import { markReferred, type QueuePlace, queuePlaceOf } from './queue-link'
import { referralRulesFor } from './referral-rules'
import { type ReferralContext, recordStatusChange, timersFor } from './referrals.repository'

const ACTION = 'referral.create'
/** Staff of the receiving agency who hear of new referrals (the agency's CAS contacts). */
export const RECEIVING_ROLES = ['housing_provider', 'agency_admin', 'case_manager'] as const

const householdAlreadyReferred = () =>
  new AppError(
    'conflict',
    'The household already has an active referral to this program type; resolve that one first',
  )

/** Which constraint refused the insert, as the 409 the caller sees. */
function explainConflict(error: unknown): never {
  const constraint = (error as { code?: string; constraint?: string }).constraint
  if ((error as { code?: string }).code === '23505') {
    if (constraint === 'referral_opening_slot')
      throw new AppError('conflict', 'The opening has no free slot left: another referral took it')
    if (constraint === 'referral_one_active_per_program_type') throw householdAlreadyReferred()
  }
  throw error
}

/** Where the household comes from: the head's CE enrollment (from the queue) or a project's (direct). */
interface ReferralSource {
  enrollment: EnrollmentState
  /** Set for a CE referral: the HUD 4.20 event type and the household's queue place. */
  coordinatedEntry?: { eventType: number; place: QueuePlace | undefined }
  snapshot: ReferralSnapshot
  /** How the receiving agency's notification introduces it. */
  announce: string
}

/**
 * Coordinated Entry refers a household (the head's CE enrollment and the members still in it) to an
 * opening; or, where the opening's project accepts them, the agency of a project the household is enrolled
 * in refers it directly (no queue, no CE event). The database assigns the slot (of simultaneous referrals
 * to the last slot exactly one commits) and holds the CoC's one-active-referral-per-program-type rule.
 */
export async function createReferral(context: ReferralContext, input: NewReferral): Promise<ReferralDetail> {
  const { db, clock } = context
  const actor = userActor(context.actor)
  const today = todayFrom(clock)
  const now = clock.now()
  const opening = await loadVisibleOpening(context, input.openingId, ACTION)
  const source = input.sourceEnrollmentId
    ? await directSource(context, opening, input.sourceEnrollmentId, input)
    : await coordinatedEntrySource(context, opening, input)
  const headEnrollment = source.enrollment.row

  const householdId = headEnrollment.enrollment_household_id
  const current = await db
    .selectFrom('enrollment')
    .select(['client_id as clientId', 'relationship_to_hoh as relationshipToHoh'])
    .where('enrollment_household_id', '=', householdId)
    .where('exit_date', 'is', null)
    .execute()
  const wanted = input.memberClientIds ? new Set(input.memberClientIds) : undefined
  const members = wanted ? current.filter((member) => wanted.has(member.clientId)) : current
  if (wanted && members.length !== wanted.size)
    throw new AppError('unprocessable', 'Every referred member must be in the household')
  if (!members.some((member) => member.clientId === headEnrollment.client_id))
    throw new AppError('unprocessable', 'The head of household is always referred')

  const rules = await referralRulesFor(db, opening.cocId)
  const place = source.coordinatedEntry?.place
  const timers = await timersFor(db, opening.cocId, opening.projectType)
  const acknowledgeBy = addWorkingDays(today, timers.acknowledgeWorkingDays)

  const referralId = await db
    .transaction()
    .execute(async (trx) => {
      // One household's referrals are made one at a time, so a racing request sees the one made before it
      // and gets the household's 409 rather than a slot conflict; the unique index holds the rule regardless.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`referral_household:${headEnrollment.client_id}`}))`.execute(
        trx,
      )
      if (rules.oneActivePerProgramType) {
        // Counts referrals made while the rule was off too (the index holds only those made under it).
        const active = await trx
          .selectFrom('referral')
          .select('id')
          .where('head_client_id', '=', headEnrollment.client_id)
          .where('program_type', '=', opening.projectType)
          .where('status', 'in', ['pending', 'acknowledged', 'accepted'])
          .executeTakeFirst()
        if (active) throw householdAlreadyReferred()
      }
      const ceEnrollmentId = source.coordinatedEntry ? headEnrollment.id : null
      const sourceEnrollmentId = source.coordinatedEntry ? null : headEnrollment.id
      // The lowest free slot of 1..capacity; none → no row (the opening is full).
      const inserted = await sql<{ id: string }>`
        INSERT INTO referral (coc_id, opening_id, slot_no, project_id, program_type, receiving_organization_id,
          referring_organization_id, referred_by, ce_enrollment_id, source_enrollment_id, enrollment_household_id,
          head_client_id, queue_entry_id, sent_on, acknowledge_due_on, decision_due_on, expires_on, snapshot,
          status_changed_at)
        SELECT ${opening.cocId}::uuid, ${opening.id}::uuid, slot, ${opening.projectId}::uuid, ${opening.projectType}::smallint,
          ${opening.organizationId}::uuid, ${actor.organizationId}::uuid, ${actor.userId}::uuid,
          ${ceEnrollmentId}::uuid, ${sourceEnrollmentId}::uuid, ${householdId}::uuid, ${headEnrollment.client_id}::uuid,
          ${place?.queueEntryId ?? null}::uuid, ${today}::date, ${acknowledgeBy}::date,
          ${addDays(today, timers.decisionDays)}::date, ${addDays(today, timers.expireDays)}::date,
          ${JSON.stringify(source.snapshot)}::jsonb, ${now}::timestamptz
        FROM generate_series(1, ${opening.capacity}::int) AS slot
        WHERE slot NOT IN (SELECT slot_no FROM referral
          WHERE opening_id = ${opening.id}::uuid AND status IN ('pending', 'acknowledged', 'accepted', 'enrolled'))
        ORDER BY slot LIMIT 1
        RETURNING id`.execute(trx)
      const id = inserted.rows[0]?.id
      if (!id) throw new AppError('conflict', 'The opening has no free slot left')
      await trx
        .insertInto('referral_member')
        .values(
          members.map((member) => ({
            referral_id: id,
            client_id: member.clientId,
            relationship_to_hoh: member.relationshipToHoh,
          })),
        )
        .execute()
      await recordStatusChange(trx, actor, {
        referralId: id,
        from: null,
        to: 'pending',
        at: now,
        note: input.note,
      })
      if (source.coordinatedEntry) {
        await insertReferralCeEvent(trx, {
          referralId: id,
          cocId: opening.cocId,
          ceEnrollmentId: headEnrollment.id,
          eventDate: today,
          eventType: source.coordinatedEntry.eventType,
          locationProjectId: opening.projectId,
          ownerOrganizationId: actor.organizationId,
          userId: actor.userId,
        })
        await markReferred(trx, actor, place, now)
      }
      const recipients = await usersWithRoles(trx, {
        cocId: opening.cocId,
        organizationId: opening.organizationId,
        roles: RECEIVING_ROLES,
      })
      await notifyUsers(trx, recipients, {
        kind: 'referral_received',
        referralId: id,
        message: `${source.announce}: acknowledge by ${acknowledgeBy}`,
        at: now,
      })
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'referral',
        entityId: id,
        details: {
          openingId: opening.id,
          ceEnrollmentId,
          sourceEnrollmentId,
          clientIds: members.map((member) => member.clientId),
          queueEntryId: place?.queueEntryId ?? null,
        },
      })
      return id
    })
    .catch(explainConflict)
  return getReferral(context, referralId)
}

/** CE refers from the head's open CE enrollment, with the household's place on the queue. */
async function coordinatedEntrySource(
  context: ReferralContext,
  opening: OpeningRow,
  input: NewReferral,
): Promise<ReferralSource> {
  const { db } = context
  const actor = userActor(context.actor)
  await assertPermitted(db, actor, canCreateCeReferral(actor, opening), {
    action: ACTION,
    entityType: 'referral_opening',
    entityId: opening.id,
    message: 'Only Coordinated Entry refers households; providers can request a referral to their opening',
  })
  if (opening.closedAt) throw new AppError('conflict', 'The opening is closed')
  const eventType = ceEventTypeForProjectType(opening.projectType)
  if (eventType === undefined)
    throw new AppError('unprocessable', 'This project type does not take Coordinated Entry referrals')

  const enrollment = await loadVisible({
    db,
    actor,
    entityType: 'enrollment',
    id: input.ceEnrollmentId as string,
    action: ACTION,
    load: (database, id) => loadEnrollment(database, actor, id, todayFrom(context.clock)),
    canSee: (viewer, candidate) =>
      canSeeEnrollment(viewer, candidate) || canReferFromEnrollment(viewer, candidate),
  })
  if (enrollment.projectType !== 14)
    throw new AppError('unprocessable', 'Referrals are made from a Coordinated Entry enrollment')
  assertOpenHeadEnrollment(enrollment, "Refer the household through its head of household's CE enrollment")
  if (enrollment.cocId !== opening.cocId)
    throw new AppError('unprocessable', 'The CE enrollment belongs to another CoC')

  const place = await queuePlaceOf(db, {
    cocId: opening.cocId,
    enrollmentHouseholdId: enrollment.row.enrollment_household_id,
    projectType: opening.projectType,
  })
  if (input.queueEntryId && place?.queueEntryId !== input.queueEntryId)
    throw new AppError('unprocessable', 'The queue entry is not this household’s')
  return {
    enrollment,
    coordinatedEntry: { eventType, place },
    snapshot: place?.snapshot ?? { rank: null, rankingVersion: null, values: {} },
    announce: `New referral to ${opening.projectName}`,
  }
}

/** A project's agency refers a household enrolled with it straight to a project that accepts that. */
async function directSource(
  context: ReferralContext,
  opening: OpeningRow,
  sourceEnrollmentId: string,
  input: NewReferral,
): Promise<ReferralSource> {
  const { db } = context
  const actor = userActor(context.actor)
  const enrollment = await loadVisible({
    db,
    actor,
    entityType: 'enrollment',
    id: sourceEnrollmentId,
    action: ACTION,
    load: (database, id) => loadEnrollment(database, actor, id, todayFrom(context.clock)),
    canSee: canSeeEnrollment,
  })
  if (enrollment.projectType === 14)
    throw new AppError('unprocessable', 'Coordinated Entry refers from its enrollments through the queue')
  assertOpenHeadEnrollment(enrollment, "Refer the household through its head of household's enrollment")
  const source = {
    cocId: enrollment.cocId,
    projectOrganizationId: enrollment.projectOrganizationId,
    projectType: enrollment.projectType,
    open: true,
  }
  await assertPermitted(db, actor, canReferDirectlyFrom(actor, source), {
    action: ACTION,
    entityType: 'enrollment',
    entityId: enrollment.row.id,
    message: 'Only the agency operating the project the household is enrolled in refers it directly',
  })
  const project = await db
    .selectFrom('project')
    .select('accepts_direct_referrals')
    .where('id', '=', opening.projectId)
    .executeTakeFirstOrThrow()
  await assertPermitted(
    db,
    actor,
    canReferDirectlyTo(actor, {
      cocId: opening.cocId,
      acceptsDirectReferrals: project.accepts_direct_referrals,
    }),
    {
      action: ACTION,
      entityType: 'referral_opening',
      entityId: opening.id,
      message: `${opening.projectName} takes referrals through Coordinated Entry only, not directly from projects`,
    },
  )
  if (opening.closedAt) throw new AppError('conflict', 'The opening is closed')
  if (enrollment.row.project_id === opening.projectId)
    throw new AppError('unprocessable', 'The household is already enrolled in this project')
  if (input.queueEntryId)
    throw new AppError('unprocessable', 'A direct referral does not come from the queue')
  return {
    enrollment,
    snapshot: {
      rank: null,
      rankingVersion: null,
      values: {},
      origin: `direct referral from ${enrollment.projectName}`,
    },
    announce: `New direct referral from ${enrollment.projectName} to ${opening.projectName}`,
  }
}

function assertOpenHeadEnrollment(enrollment: EnrollmentState, notHeadMessage: string): void {
  if (enrollment.row.relationship_to_hoh !== HEAD_OF_HOUSEHOLD)
    throw new AppError('unprocessable', notHeadMessage)
  if (enrollment.row.exit_date !== null) throw new AppError('unprocessable', 'The enrollment has ended')
}
