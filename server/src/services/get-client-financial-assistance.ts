import type { AssistanceTotals, ClientFinancialAssistance, FinancialAssistanceKind } from '@threshold/core'
import { FINANCIAL_ASSISTANCE_KINDS } from '@threshold/core'
import { canSeeClientProjectData } from '../access/client-policy'
import { loadClientAccessFacts } from '../access/client-visibility'
import { canSeeEnrollment } from '../access/enrollment-policy'
import { loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { type EnrollmentState, loadEnrollments } from '../enrollments/enrollments.repository'
import type { CaseManagementContext } from './service-access'

const ACTION = 'financial_assistance.read'

interface Payment {
  enrollmentId: string
  batchId: string
  kind: FinancialAssistanceKind
  cents: number
}

/** Sums payments by kind, in whole cents (no floating-point drift), as dollars with 2 decimals. */
function totalsOf(payments: readonly Payment[]): AssistanceTotals {
  const byKind = new Map<FinancialAssistanceKind, number>()
  for (const payment of payments) byKind.set(payment.kind, (byKind.get(payment.kind) ?? 0) + payment.cents)
  const kinds = FINANCIAL_ASSISTANCE_KINDS.filter((kind) => byKind.has(kind))
  return {
    byKind: kinds.map((kind) => ({ kind, amount: byKind.get(kind)! / 100 })),
    total: [...byKind.values()].reduce((sum, cents) => sum + cents, 0) / 100,
  }
}

/** A payment made for the whole household is one payment: each batch counts once in household totals. */
function oncePerBatch(payments: readonly Payment[]): Payment[] {
  return [...new Map(payments.map((payment) => [payment.batchId, payment])).values()]
}

/**
 * Financial assistance (rental, utility, deposits, moving costs…) paid in each of the client's enrollments the
 * actor may see, and in each enrollment household (its members the actor may see).
 */
export async function getClientFinancialAssistance(
  context: CaseManagementContext,
  clientId: string,
): Promise<ClientFinancialAssistance> {
  const { db, actor, today } = context
  const visibleEnrollments = async (filter: { clientId: string } | { householdId: string }) =>
    (await loadEnrollments(db, actor, filter, today)).filter((enrollment) =>
      canSeeEnrollment(actor, enrollment),
    )
  const { enrollments } = await loadVisible({
    db,
    actor,
    entityType: 'client',
    id: clientId,
    action: ACTION,
    load: async (database, id) => {
      const client = await loadClientAccessFacts(database, actor, id, today)
      return client && { client, enrollments: await visibleEnrollments({ clientId: id }) }
    },
    canSee: (viewer, found) => canSeeClientProjectData(viewer, found.client) || found.enrollments.length > 0,
  })

  const households = new Map<string, EnrollmentState[]>()
  for (const enrollment of enrollments) {
    const householdId = enrollment.row.enrollment_household_id
    if (!households.has(householdId)) households.set(householdId, await visibleEnrollments({ householdId }))
  }
  const enrollmentIds = [...households.values()].flat().map((member) => member.row.id)
  const rows =
    enrollmentIds.length === 0
      ? []
      : await db
          .selectFrom('service_record as sr')
          .innerJoin('service_type as st', 'st.id', 'sr.service_type_id')
          .select([
            'sr.enrollment_id as enrollmentId',
            'sr.batch_id as batchId',
            'st.assistance_kind as kind',
            'sr.amount',
          ])
          .where('sr.enrollment_id', 'in', enrollmentIds)
          .where('sr.deleted_at', 'is', null)
          .where('st.category', '=', 'financial_assistance')
          .where('sr.amount', 'is not', null)
          .execute()
  const payments: Payment[] = rows.map((row) => ({
    enrollmentId: row.enrollmentId,
    batchId: row.batchId,
    kind: row.kind!,
    cents: Math.round(Number(row.amount) * 100),
  }))

  await recordAudit(db, actor, { action: ACTION, entityType: 'client', entityId: clientId })
  return {
    clientId,
    enrollments: enrollments.map((enrollment) => {
      const memberIds = new Set(households.get(enrollment.row.enrollment_household_id)!.map((m) => m.row.id))
      return {
        enrollmentId: enrollment.row.id,
        enrollmentHouseholdId: enrollment.row.enrollment_household_id,
        project: { id: enrollment.row.project_id, name: enrollment.projectName },
        entryDate: enrollment.row.entry_date,
        exitDate: enrollment.row.exit_date,
        enrollment: totalsOf(payments.filter((payment) => payment.enrollmentId === enrollment.row.id)),
        household: totalsOf(oncePerBatch(payments.filter((payment) => memberIds.has(payment.enrollmentId)))),
      }
    }),
  }
}
