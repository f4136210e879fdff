import type { Enrollment } from '@threshold/core'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import type { EnrollmentContext } from './enrollment-access'
import { loadEnrollments, presentEnrollments } from './enrollments.repository'

const ACTION = 'client.enrollments.read'

/**
 * A client's enrollments, open and past, that the actor may see: all of them with the client's project
 * data, otherwise only the ones the actor's agency made. The client's identity must be visible (else 404).
 */
export async function listClientEnrollments(
  context: EnrollmentContext,
  clientId: string,
): Promise<Enrollment[]> {
  const { db, actor, today } = context
  await loadVisibleClient({ db, actor, clientId, today, action: ACTION })
  const visible = (await loadEnrollments(db, actor, { clientId }, today)).filter((enrollment) =>
    canSeeEnrollment(actor, enrollment),
  )
  await recordAudit(db, actor, {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    details: { enrollmentIds: visible.map((enrollment) => enrollment.row.id) },
  })
  return presentEnrollments(db, actor, visible, today)
}
