import {
  addDays,
  addWorkingDays,
  ceEventTypeForProjectType,
  HEAD_OF_HOUSEHOLD,
  type NewReferral,
  type ReferralDetail,
} from '@threshold/core'
import { sql } from 'kysely'
import { todayFrom } from '../access/client-visibility'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canCreateCeReferral, canReferFromEnrollment } from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import { insertReferralCeEvent } from '../ce-events/referral-events'
import { loadEnrollment } from '../enrollments/enrollments.repository'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { notifyUsers, usersWithRoles } from '../notifications/notify'
import { getReferral } from './get-referral'
import { loadVisibleOpening } from './openings'
import { markReferred, queuePlaceOf } from './queue-link'
import { type ReferralContext, recordStatusChange, timersFor } from './referrals.repository'

const ACTION = 'referral.create'
/** Staff of the receiving agency who hear of new referrals (the agency's CAS contacts). */
export const RECEIVING_ROLES = ['housing_provider', 'agency_admin', 'case_manager'] as const

/** Which constraint refused the insert, as the 409 the caller sees. */
function explainConflict(error: unknown): never {
  const constraint = (error as { code?: string; constraint?: string }).constraint
  if ((error as { code?: string }).code === '23505') {
    if (constraint === 'referral_opening_slot')
      throw new AppError('conflict', 'The opening has no free slot left: another referral took it')
    if (constraint === 'referral_one_active_per_program_type')
      throw new AppError('conflict', 'The household already has an active referral to this program type')
  }
  throw error
}

/**
 * Coordinated Entry refers a household (the head's CE enrollment and the members still in it) to an
 * opening. The database assigns the slot: of simultaneous referrals to the last slot exactly one commits.
 */
export async function createReferral(context: ReferralContext, input: NewReferral): Promise<ReferralDetail> {
  const { db, clock } = context
  const actor = userActor(context.actor)
  const today = todayFrom(clock)
  const now = clock.now()
  const opening = await loadVisibleOpening(context, input.openingId, ACTION)
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

  const ceEnrollment = await loadVisible({
    db,
    actor,
    entityType: 'enrollment',
    id: input.ceEnrollmentId,
    action: ACTION,
    load: (database, id) => loadEnrollment(database, actor, id, today),
    canSee: (viewer, enrollment) =>
      canSeeEnrollment(viewer, enrollment) || canReferFromEnrollment(viewer, enrollment),
  })
  if (ceEnrollment.projectType !== 14)
    throw new AppError('unprocessable', 'Referrals are made from a Coordinated Entry enrollment')
  if (ceEnrollment.row.relationship_to_hoh !== HEAD_OF_HOUSEHOLD)
    throw new AppError('unprocessable', "Refer the household through its head of household's CE enrollment")
  if (ceEnrollment.row.exit_date !== null) throw new AppError('unprocessable', 'The CE enrollment has ended')
  if (ceEnrollment.cocId !== opening.cocId)
    throw new AppError('unprocessable', 'The CE enrollment belongs to another CoC')

  const householdId = ceEnrollment.row.enrollment_household_id
  const current = await db
    .selectFrom('enrollment')
    .select(['client_id as clientId', 'relationship_to_hoh as relationshipToHoh'])
    .where('enrollment_household_id', '=', householdId)
    .where('exit_date', 'is', null)
    .execute()
  const wanted = input.memberClientIds ? new Set(input.memberClientIds) : undefined
  const members = wanted ? current.filter((member) => wanted.has(member.clientId)) : current
  if (wanted && members.length !== wanted.size)
    throw new AppError('unprocessable', 'Every referred member must be in the CE household')
  if (!members.some((member) => member.clientId === ceEnrollment.row.client_id))
    throw new AppError('unprocessable', 'The head of household is always referred')

  const place = await queuePlaceOf(db, {
    cocId: opening.cocId,
    enrollmentHouseholdId: householdId,
    projectType: opening.projectType,
  })
  if (input.queueEntryId && place?.queueEntryId !== input.queueEntryId)
    throw new AppError('unprocessable', 'The queue entry is not this household’s')
  const timers = await timersFor(db, opening.cocId, opening.projectType)

  const referralId = await db
    .transaction()
    .execute(async (trx) => {
      // The lowest free slot of 1..capacity; none → no row (the opening is full).
      const inserted = await sql<{ id: string }>`
        INSERT INTO referral (coc_id, opening_id, slot_no, project_id, program_type, receiving_organization_id,
          referring_organization_id, referred_by, ce_enrollment_id, enrollment_household_id, head_client_id,
          queue_entry_id, sent_on, acknowledge_due_on, decision_due_on, expires_on, snapshot, status_changed_at)
        SELECT ${opening.cocId}::uuid, ${opening.id}::uuid, slot, ${opening.projectId}::uuid, ${opening.projectType}::smallint,
          ${opening.organizationId}::uuid, ${actor.organizationId}::uuid, ${actor.userId}::uuid,
          ${ceEnrollment.row.id}::uuid, ${householdId}::uuid, ${ceEnrollment.row.client_id}::uuid,
          ${place?.queueEntryId ?? null}::uuid, ${today}::date, ${addWorkingDays(today, timers.acknowledgeWorkingDays)}::date,
          ${addDays(today, timers.decisionDays)}::date, ${addDays(today, timers.expireDays)}::date,
          ${JSON.stringify(place?.snapshot ?? { rank: null, rankingVersion: null, values: {} })}::jsonb, ${now}::timestamptz
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
      await insertReferralCeEvent(trx, {
        referralId: id,
        cocId: opening.cocId,
        ceEnrollmentId: ceEnrollment.row.id,
        eventDate: today,
        eventType,
        locationProjectId: opening.projectId,
        ownerOrganizationId: actor.organizationId,
        userId: actor.userId,
      })
      await markReferred(trx, actor, place, now)
      const recipients = await usersWithRoles(trx, {
        cocId: opening.cocId,
        organizationId: opening.organizationId,
        roles: RECEIVING_ROLES,
      })
      await notifyUsers(trx, recipients, {
        kind: 'referral_received',
        referralId: id,
        message: `New referral to ${opening.projectName}: acknowledge by ${addWorkingDays(today, timers.acknowledgeWorkingDays)}`,
        at: now,
      })
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'referral',
        entityId: id,
        details: {
          openingId: opening.id,
          ceEnrollmentId: ceEnrollment.row.id,
          clientIds: members.map((member) => member.clientId),
          queueEntryId: place?.queueEntryId ?? null,
        },
      })
      return id
    })
    .catch(explainConflict)
  return getReferral(context, referralId)
}
