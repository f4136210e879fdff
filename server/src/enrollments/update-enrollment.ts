import {
  DATA_COLLECTION_STAGES,
  type Enrollment,
  type EnrollmentPatch,
  exitIssues,
  householdIssues,
} from '@threshold/core'
import { sql } from 'kysely'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { assertNoIssues, type EnrollmentContext, loadEditableEnrollment } from './enrollment-access'
import {
  assertNoOverlap,
  explainOverlap,
  findProjectForEnrollment,
  memberDateIssues,
  projectIssues,
} from './enrollment-writes'
import {
  type EnrollmentState,
  loadEnrollments,
  presentEnrollments,
  priorLivingSituationColumns,
  priorLivingSituationOf,
} from './enrollments.repository'

const ACTION = 'enrollment.update'
const EXIT_FIELDS = ['exitDate', 'destination', 'destinationSubsidyType', 'otherDestination'] as const
const STALE = 'Someone saved this enrollment after you opened it; reload and make your change again'

/** The patchable fields as they stand, in API names, to tell what a patch really changes. */
function currentValues(enrollment: EnrollmentState) {
  const { row } = enrollment
  return {
    entryDate: row.entry_date,
    moveInDate: row.move_in_date,
    enrollmentCoc: row.enrollment_coc,
    disablingCondition: row.disabling_condition,
    relationshipToHoh: row.relationship_to_hoh,
    priorLivingSituation: priorLivingSituationOf(row),
    exitDate: row.exit_date,
    destination: row.destination,
    destinationSubsidyType: row.destination_subsidy_type,
    otherDestination: row.other_destination,
  }
}

/**
 * Corrects an enrollment. `version` must be the one the user saw (409 otherwise, and for the loser of two
 * concurrent saves). Exit fields are corrected only after an exit; every rule is checked on the result.
 */
export async function updateEnrollment(
  context: EnrollmentContext,
  id: string,
  patch: EnrollmentPatch,
): Promise<Enrollment> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const enrollment = await loadEditableEnrollment(context, id, ACTION)
  if (enrollment.row.version !== patch.version) throw new AppError('conflict', STALE)
  const { version: _version, ...fields } = patch
  const current = currentValues(enrollment)
  const changes: Partial<typeof current> = onlyChanges(current, fields)
  const changed = Object.keys(changes)
  if (current.exitDate === null && EXIT_FIELDS.some((field) => field in changes)) {
    throw new AppError(
      'unprocessable',
      'Exit a member with the exit action; exit fields are corrected only after an exit',
    )
  }
  const next = { ...current, ...changes }
  if (current.relationshipToHoh === 1 && 'relationshipToHoh' in changes) {
    throw new AppError(
      'unprocessable',
      'The head of household stays Self; a household changes its head by re-enrolling',
    )
  }

  const project = await findProjectForEnrollment(db, enrollment.row.project_id)
  const household = await loadEnrollments(
    db,
    actor,
    { householdId: enrollment.row.enrollment_household_id },
    today,
  )
  assertNoIssues([
    ...memberDateIssues(project!, { ...next, dob: enrollment.clientDob }, today),
    ...exitIssues(next),
    ...projectIssues(project!, next),
    ...householdIssues(
      household.map(({ row }) =>
        row.id === id
          ? {
              clientId: row.client_id,
              relationshipToHoh: next.relationshipToHoh,
              entryDate: next.entryDate,
              exitDate: next.exitDate,
            }
          : {
              clientId: row.client_id,
              relationshipToHoh: row.relationship_to_hoh,
              entryDate: row.entry_date,
              exitDate: row.exit_date,
            },
      ),
    ),
  ])
  const stay = {
    clientId: enrollment.row.client_id,
    projectId: enrollment.row.project_id,
    entryDate: next.entryDate,
    exitDate: next.exitDate,
  }
  if ('entryDate' in changes || 'exitDate' in changes) await assertNoOverlap(db, stay, id)
  if (changed.length === 0) return (await presentEnrollments(db, actor, [enrollment], today))[0] as Enrollment

  await db
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable('enrollment')
        .set({
          entry_date: next.entryDate,
          move_in_date: next.moveInDate,
          enrollment_coc: next.enrollmentCoc,
          disabling_condition: next.disablingCondition,
          relationship_to_hoh: next.relationshipToHoh,
          ...priorLivingSituationColumns(next.priorLivingSituation),
          exit_date: next.exitDate,
          destination: next.destination,
          destination_subsidy_type: next.destinationSubsidyType,
          other_destination: next.otherDestination,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          updated_by: actor.userId,
        })
        .where('id', '=', id)
        .where('version', '=', patch.version)
        .executeTakeFirst()
      if (updated.numUpdatedRows === 0n) throw new AppError('conflict', STALE)
      // Project start and exit records are dated the start and exit dates: they move with them.
      for (const [field, stage] of [
        ['entryDate', DATA_COLLECTION_STAGES.projectStart],
        ['exitDate', DATA_COLLECTION_STAGES.projectExit],
      ] as const) {
        if (!(field in changes)) continue
        for (const table of ['income_benefits', 'disabilities', 'health_and_dv'] as const) {
          await trx
            .updateTable(table)
            .set({ information_date: next[field] as string })
            .where('enrollment_id', '=', id)
            .where('data_collection_stage', '=', stage)
            .execute()
        }
      }
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'enrollment',
        entityId: id,
        details: { clientId: enrollment.row.client_id, fields: changed },
      })
    })
    .catch((error) => explainOverlap(db, error, [stay]))
  const [reloaded] = await loadEnrollments(db, actor, { ids: [id] }, today)
  return (await presentEnrollments(db, actor, [reloaded as EnrollmentState], today))[0] as Enrollment
}
