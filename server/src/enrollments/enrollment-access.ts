import type { RuleIssue } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canEditEnrollment, canSeeEnrollment } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { type EnrollmentState, loadEnrollment } from './enrollments.repository'

/** What every enrollment use case receives. */
export interface EnrollmentContext {
  db: Kysely<DB>
  actor: Actor
  /** YYYY-MM-DD from the injectable clock: the day releases, future dates and windows are judged on. */
  today: string
  /** The clock's instant, for timestamps written with the change (Coordinated Entry's queue exit). */
  now?: Date
}

/** The enrollment, or 404 (with a `denied` audit row) when it is missing or not visible. */
export function loadVisibleEnrollment(
  { db, actor, today }: EnrollmentContext,
  id: string,
  action: string,
): Promise<EnrollmentState> {
  return loadVisible({
    db,
    actor,
    entityType: 'enrollment',
    id,
    action,
    load: (database, enrollmentId) => loadEnrollment(database, actor, enrollmentId, today),
    canSee: canSeeEnrollment,
  })
}

/** A visible enrollment the actor's agency may also change, else 403 with a `denied` audit row. */
export async function loadEditableEnrollment(
  context: EnrollmentContext,
  id: string,
  action: string,
): Promise<EnrollmentState> {
  const enrollment = await loadVisibleEnrollment(context, id, action)
  await assertEditable(context, enrollment, action)
  return enrollment
}

export function assertEditable(context: EnrollmentContext, enrollment: EnrollmentState, action: string) {
  return assertPermitted(context.db, context.actor, canEditEnrollment(context.actor, enrollment), {
    action,
    entityType: 'enrollment',
    entityId: enrollment.row.id,
    message: 'Only the agency that enrolled the client changes this enrollment',
  })
}

/** Broken HUD rules → 422 naming the first, with all of them in `details`. */
export function assertNoIssues(issues: readonly RuleIssue[]): void {
  const [first] = issues
  if (first) throw new AppError('unprocessable', first.message, issues)
}

/** A read of an enrollment's details is a read of the client's personal data. */
export function auditRead(
  context: EnrollmentContext,
  action: string,
  enrollmentId: string,
  clientId: string,
) {
  return recordAudit(context.db, context.actor, {
    action,
    entityType: 'enrollment',
    entityId: enrollmentId,
    details: { clientId },
  })
}
