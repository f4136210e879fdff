import { CE_REFERRAL_EVENT_TYPES, type CeEvent, ceEventIssues, type NewCeEvent } from '@threshold/core'
import { assertPermitted } from '../access/load-visible'
import { canRecordCeEvent, canSeeCeEvent } from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import {
  assertNoIssues,
  type EnrollmentContext,
  loadVisibleEnrollment,
} from '../enrollments/enrollment-access'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'

// HUD 4.20 Coordinated Entry events of one enrollment. They are the client's project data: the viewer
// must see the enrollment; an event restricted to its agency stays there.

async function listVisible(context: EnrollmentContext, enrollmentId: string): Promise<CeEvent[]> {
  const rows = await context.db
    .selectFrom('ce_event as e')
    .innerJoin('organization as o', 'o.id', 'e.owner_organization_id')
    .leftJoin('project as p', 'p.id', 'e.location_project_id')
    .selectAll('e')
    .select(['o.name as organizationName', 'p.name as locationProjectName'])
    .where('e.enrollment_id', '=', enrollmentId)
    .orderBy('e.event_date', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute()
  return rows
    .filter((row) =>
      canSeeCeEvent(context.actor, {
        enrollmentVisible: true,
        ownerOrganizationId: row.owner_organization_id,
        restriction: row.restriction,
      }),
    )
    .map((row) => ({
      id: row.id,
      enrollmentId: row.enrollment_id,
      eventDate: row.event_date,
      eventType: row.event_type,
      locationProject:
        row.location_project_id && row.locationProjectName
          ? { id: row.location_project_id, name: row.locationProjectName }
          : null,
      probSolDivRrResult: row.prob_sol_div_rr_result,
      referralCaseManageAfter: row.referral_case_manage_after,
      referralResult: row.referral_result,
      resultDate: row.result_date,
      restriction: row.restriction,
      organization: { id: row.owner_organization_id, name: row.organizationName },
      referralId: row.referral_id,
      createdAt: row.created_at.toISOString(),
    }))
}

export async function listCeEvents(context: EnrollmentContext, enrollmentId: string): Promise<CeEvent[]> {
  const enrollment = await loadVisibleEnrollment(context, enrollmentId, 'ce_event.list')
  const events = await listVisible(context, enrollmentId)
  await recordAudit(context.db, context.actor, {
    action: 'ce_event.list',
    entityType: 'enrollment',
    entityId: enrollmentId,
    details: { clientId: enrollment.row.client_id, count: events.length },
  })
  return events
}

/** Records an event on the enrollment (HUD's dependent-field rules; referral events are CE's to record). */
export async function createCeEvent(
  context: EnrollmentContext,
  enrollmentId: string,
  input: NewCeEvent,
): Promise<CeEvent> {
  const action = 'ce_event.create'
  const actor = userActor(context.actor)
  const enrollment = await loadVisibleEnrollment(context, enrollmentId, action)
  const referralEvent = CE_REFERRAL_EVENT_TYPES.includes(input.eventType)
  await assertPermitted(
    context.db,
    actor,
    canRecordCeEvent(
      actor,
      { visible: true, ownerOrganizationId: enrollment.row.owner_organization_id, cocId: enrollment.cocId },
      referralEvent,
    ),
    {
      action,
      entityType: 'enrollment',
      entityId: enrollmentId,
      message: referralEvent
        ? 'Referrals to housing openings are recorded by Coordinated Entry'
        : 'Only the enrolling agency or Coordinated Entry records CE events',
    },
  )
  if (enrollment.projectType !== 14)
    throw new AppError('unprocessable', 'CE events are recorded on a Coordinated Entry enrollment')
  assertNoIssues([
    ...ceEventIssues(input, context.today),
    ...(input.eventDate < enrollment.row.entry_date
      ? [{ field: 'eventDate', message: 'The event date is before the enrollment began' }]
      : []),
  ])
  if (input.locationProjectId) {
    const project = await context.db
      .selectFrom('project')
      .select('coc_id')
      .where('id', '=', input.locationProjectId)
      .executeTakeFirst()
    if (!project || project.coc_id !== enrollment.cocId)
      throw new AppError('unprocessable', 'The provider must be a project of the CoC')
  }
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ce_event')
      .values({
        coc_id: enrollment.cocId,
        enrollment_id: enrollmentId,
        event_date: input.eventDate,
        event_type: input.eventType,
        location_project_id: input.locationProjectId ?? null,
        prob_sol_div_rr_result: input.probSolDivRrResult ?? null,
        referral_case_manage_after: input.referralCaseManageAfter ?? null,
        referral_result: input.referralResult ?? null,
        result_date: input.resultDate ?? null,
        restriction: input.restriction ?? 'open',
        owner_organization_id: actor.organizationId,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'ce_event',
      entityId: row.id,
      details: { enrollmentId, clientId: enrollment.row.client_id, eventType: input.eventType },
    })
    return row.id
  })
  const created = (await listVisible(context, enrollmentId)).find((event) => event.id === id)
  if (!created) throw new AppError('internal', 'The event was not saved')
  return created
}
