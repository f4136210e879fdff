import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'

// The CE event (HUD 4.20) a referral keeps: created with the referral, its result set when it resolves.

export async function insertReferralCeEvent(
  trx: Transaction<DB>,
  event: {
    referralId: string
    cocId: string
    ceEnrollmentId: string
    eventDate: string
    eventType: number
    locationProjectId: string
    ownerOrganizationId: string
    userId: string | null
  },
): Promise<string> {
  const row = await trx
    .insertInto('ce_event')
    .values({
      coc_id: event.cocId,
      enrollment_id: event.ceEnrollmentId,
      event_date: event.eventDate,
      event_type: event.eventType,
      location_project_id: event.locationProjectId,
      owner_organization_id: event.ownerOrganizationId,
      referral_id: event.referralId,
      restriction: 'open',
      created_by: event.userId,
      updated_by: event.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** 4.20.D and 4.20.E of the referral's event (resolved on or after the day it was sent). */
export async function setReferralResult(
  trx: Transaction<DB>,
  referralId: string,
  result: { code: 1 | 2 | 3; date: string; at: Date; userId: string | null },
): Promise<void> {
  await trx
    .updateTable('ce_event')
    .set((eb) => ({
      referral_result: result.code,
      result_date: result.date,
      updated_by: result.userId,
      updated_at: result.at,
      version: eb('version', '+', 1),
    }))
    .where('referral_id', '=', referralId)
    .execute()
}
