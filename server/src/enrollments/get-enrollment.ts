import type { Enrollment } from '@threshold/core'
import { auditRead, type EnrollmentContext, loadVisibleEnrollment } from './enrollment-access'
import { presentEnrollments } from './enrollments.repository'

export async function getEnrollment(context: EnrollmentContext, id: string): Promise<Enrollment> {
  const enrollment = await loadVisibleEnrollment(context, id, 'enrollment.read')
  await auditRead(context, 'enrollment.read', id, enrollment.row.client_id)
  const [presented] = await presentEnrollments(context.db, context.actor, [enrollment], context.today)
  return presented as Enrollment
}
