import type { ServiceRecord } from '@threshold/core'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleEnrollment } from '../enrollments/enrollment-access'
import type { CaseManagementContext } from './service-access'
import { serviceRecordQuery, toServiceRecord } from './services.repository'

const ACTION = 'service_record.list'

/** The services recorded on an enrollment, newest first. */
export async function listEnrollmentServices(
  context: CaseManagementContext,
  enrollmentId: string,
): Promise<ServiceRecord[]> {
  const enrollment = await loadVisibleEnrollment(context, enrollmentId, ACTION)
  const rows = await serviceRecordQuery(context.db).where('sr.enrollment_id', '=', enrollmentId).execute()
  await recordAudit(context.db, context.actor, {
    action: ACTION,
    entityType: 'enrollment',
    entityId: enrollmentId,
    details: { clientId: enrollment.row.client_id, count: rows.length },
  })
  return rows.map(toServiceRecord)
}
