import type { CurrentLivingSituation, NewCurrentLivingSituation, RuleIssue } from '@threshold/core'
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import {
  assertNoIssues,
  auditRead,
  type EnrollmentContext,
  loadEditableEnrollment,
  loadVisibleEnrollment,
} from './enrollment-access'

// HUD 4.12 Current Living Situation: one record per contact, during the stay.

function loadCurrentLivingSituations(
  db: Kysely<DB>,
  enrollmentId: string,
): Promise<CurrentLivingSituation[]> {
  return db
    .selectFrom('current_living_situation')
    .select([
      'id',
      'information_date as informationDate',
      'current_living_situation as currentLivingSituation',
      'cls_subsidy_type as clsSubsidyType',
      'verified_by as verifiedBy',
      'leave_situation14_days as leaveSituation14Days',
      'subsequent_residence as subsequentResidence',
      'resources_to_obtain as resourcesToObtain',
      'lease_own60_day as leaseOwn60Day',
      'moved_two_or_more as movedTwoOrMore',
      'location_details as locationDetails',
    ])
    .where('enrollment_id', '=', enrollmentId)
    .orderBy('information_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

export async function recordCurrentLivingSituation(
  context: EnrollmentContext,
  id: string,
  input: NewCurrentLivingSituation,
): Promise<CurrentLivingSituation[]> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'enrollment.current_living_situation.create'
  const enrollment = await loadEditableEnrollment(context, id, action)
  const date = input.informationDate
  const { entry_date: entryDate, exit_date: exitDate } = enrollment.row
  const issues: RuleIssue[] = []
  if (date > today) {
    issues.push({ field: 'informationDate', message: 'The date of contact must not be in the future' })
  } else if (date < entryDate || (exitDate !== null && date > exitDate)) {
    const stay = `${entryDate} to ${exitDate ?? 'now'}`
    issues.push({
      field: 'informationDate',
      message: `The date of contact must fall within the stay (${stay})`,
    })
  }
  assertNoIssues(issues)
  await db.transaction().execute(async (trx) => {
    const { id: recordId } = await trx
      .insertInto('current_living_situation')
      .values({
        enrollment_id: id,
        information_date: date,
        current_living_situation: input.currentLivingSituation,
        cls_subsidy_type: input.clsSubsidyType,
        verified_by: input.verifiedBy,
        leave_situation14_days: input.leaveSituation14Days,
        subsequent_residence: input.subsequentResidence,
        resources_to_obtain: input.resourcesToObtain,
        lease_own60_day: input.leaseOwn60Day,
        moved_two_or_more: input.movedTwoOrMore,
        location_details: input.locationDetails,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'enrollment',
      entityId: id,
      details: {
        clientId: enrollment.row.client_id,
        currentLivingSituationId: recordId,
        fields: Object.keys(input).filter(
          (field) => input[field as keyof NewCurrentLivingSituation] !== null,
        ),
      },
    })
  })
  return loadCurrentLivingSituations(db, id)
}

export async function listCurrentLivingSituations(
  context: EnrollmentContext,
  id: string,
): Promise<CurrentLivingSituation[]> {
  const action = 'enrollment.current_living_situations.read'
  const enrollment = await loadVisibleEnrollment(context, id, action)
  await auditRead(context, action, id, enrollment.row.client_id)
  return loadCurrentLivingSituations(context.db, id)
}
