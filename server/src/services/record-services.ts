import { randomUUID } from 'node:crypto'
import type { NewServiceRecord, ServiceRecord } from '@threshold/core'
import type { Selectable } from 'kysely'
import { canEditEnrollment } from '../access/enrollment-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { loadEditableEnrollment } from '../enrollments/enrollment-access'
import { loadEnrollments } from '../enrollments/enrollments.repository'
import { assertNotFuture } from '../households/household-dates'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import type { ServiceTypeTable } from './service.tables'
import type { CaseManagementContext } from './service-access'
import { serviceRecordQuery, toServiceRecord } from './services.repository'

const ACTION = 'service_record.create'

const unprocessable = (path: string, message: string) =>
  new AppError('unprocessable', `${path} ${message}`, [{ path, message }])

/** Served on `date`: from the entry date through the exit date. */
const enrolledOn = (enrollment: { entry_date: string; exit_date: string | null }, date: string) =>
  enrollment.entry_date <= date && (enrollment.exit_date === null || date <= enrollment.exit_date)

/** Dollar services take an amount, the others a quantity; either defaults to the catalogue's value. */
function measureOf(serviceType: Selectable<ServiceTypeTable>, input: NewServiceRecord) {
  const dollars = serviceType.unit === 'dollars'
  const [given, wrong] = dollars ? (['amount', 'quantity'] as const) : (['quantity', 'amount'] as const)
  if (input[wrong] !== undefined)
    throw unprocessable(wrong, `does not apply: ${serviceType.name} is counted in ${serviceType.unit}`)
  const value =
    input[given] ?? (serviceType.default_value === null ? undefined : Number(serviceType.default_value))
  if (value === undefined) throw unprocessable(given, `is required for ${serviceType.name}`)
  return dollars ? { amount: value, quantity: null } : { amount: null, quantity: value }
}

/**
 * Records a service on an enrollment, or on every enrollment of its household that covers the date (one row
 * per member, one batch id).
 */
export async function recordServices(
  context: CaseManagementContext,
  enrollmentId: string,
  input: NewServiceRecord,
): Promise<ServiceRecord[]> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const enrollment = await loadEditableEnrollment(context, enrollmentId, ACTION)
  assertNotFuture(input.date, today, 'date')
  if (!enrolledOn(enrollment.row, input.date))
    throw unprocessable('date', 'must fall within the enrollment, from its entry date through its exit date')
  const serviceType = await db
    .selectFrom('service_type')
    .selectAll()
    .where('id', '=', input.serviceTypeId)
    .where('organization_id', '=', enrollment.ownerOrganizationId)
    .executeTakeFirst()
  if (!serviceType) throw unprocessable('serviceTypeId', "is not in the enrolling agency's service catalogue")
  if (!serviceType.active) throw unprocessable('serviceTypeId', 'is no longer offered (inactive)')
  const measure = measureOf(serviceType, input)

  const members = input.wholeHousehold
    ? (
        await loadEnrollments(db, actor, { householdId: enrollment.row.enrollment_household_id }, today)
      ).filter((member) => enrolledOn(member.row, input.date))
    : [enrollment]
  await assertPermitted(
    db,
    actor,
    members.every((member) => canEditEnrollment(actor, member)),
    {
      action: ACTION,
      entityType: 'enrollment',
      entityId: enrollmentId,
      details: { wholeHousehold: true },
      message: 'You cannot record for the whole household: it has members whose records you may not change',
    },
  )

  const batchId = randomUUID()
  await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('service_record')
      .values(
        members.map((member) => ({
          enrollment_id: member.row.id,
          client_id: member.row.client_id,
          service_type_id: serviceType.id,
          owner_organization_id: enrollment.ownerOrganizationId,
          batch_id: batchId,
          provided_on: input.date,
          ...measure,
          funder: input.funder || null,
          funding_source: input.fundingSource ?? null,
          note: input.note || null,
          created_by: actor.userId,
        })),
      )
      .returning(['id', 'enrollment_id'])
      .execute()
    for (const record of created) {
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'service_record',
        entityId: record.id,
        details: { enrollmentId: record.enrollment_id, serviceTypeId: serviceType.id, batchId },
      })
    }
  })
  const rows = await serviceRecordQuery(db).where('sr.batch_id', '=', batchId).execute()
  return rows.map(toServiceRecord)
}
