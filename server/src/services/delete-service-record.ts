import { sql } from 'kysely'
import { canEditEnrollment, canSeeEnrollment } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { loadEnrollment } from '../enrollments/enrollments.repository'
import { userActor } from '../http/app-context'
import { notFound } from '../http/errors'
import type { CaseManagementContext } from './service-access'

const ACTION = 'service_record.delete'

/** Takes a service out of every list and total; the row stays with who deleted it and why. */
export async function deleteServiceRecord(
  context: CaseManagementContext,
  id: string,
  reason: string,
): Promise<void> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const { enrollment } = await loadVisible({
    db,
    actor,
    entityType: 'service_record',
    id,
    action: ACTION,
    label: 'service record',
    load: async (database, recordId) => {
      const record = await database
        .selectFrom('service_record')
        .select('enrollment_id')
        .where('id', '=', recordId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      const enrollment = record && (await loadEnrollment(database, actor, record.enrollment_id, today))
      return enrollment && { enrollment }
    },
    canSee: (viewer, record) => canSeeEnrollment(viewer, record.enrollment),
  })
  await assertPermitted(db, actor, canEditEnrollment(actor, enrollment), {
    action: ACTION,
    entityType: 'service_record',
    entityId: id,
    message: 'Only the agency that keeps the enrollment can delete its services',
  })
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .updateTable('service_record')
      .set({ deleted_at: sql`now()`, deleted_by: actor.userId, deleted_reason: reason })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!deleted) throw notFound('service record')
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'service_record',
      entityId: id,
      details: { enrollmentId: enrollment.row.id, fields: ['deleted_reason'] },
    })
  })
}
