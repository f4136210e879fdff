import {
  annualAssessmentStatus,
  DATA_COLLECTION_STAGES,
  type Enrollment,
  HEAD_OF_HOUSEHOLD,
} from '@threshold/core'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { loadClientAccessFactsMany } from '../access/client-visibility'
import { canEditEnrollment, canSeeEnrollment, type EnrollmentAccessFacts } from '../access/enrollment-policy'
import type { DB } from '../db/schema'
import { enrollmentDataQuality } from './data-quality'
import type { EnrollmentTable } from './enrollment.tables'

/** One enrollment with what the rules and the answer need, as one actor sees it on one day. */
export interface EnrollmentState extends EnrollmentAccessFacts {
  row: Selectable<EnrollmentTable>
  projectName: string
  projectType: number
  projectOrganizationId: string
  cocId: string
  ownerOrganizationName: string
  clientDob: string | null
}

type EnrollmentFilter = { ids: readonly string[] } | { clientId: string } | { householdId: string }

/** Enrollments by id, client or enrollment household, oldest start first; merged-away clients' are left out. */
export async function loadEnrollments(
  db: Kysely<DB>,
  actor: Actor,
  filter: EnrollmentFilter,
  today: string,
): Promise<EnrollmentState[]> {
  if ('ids' in filter && filter.ids.length === 0) return []
  const rows = await db
    .selectFrom('enrollment as e')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .innerJoin('organization as o', 'o.id', 'e.owner_organization_id')
    .innerJoin('client as c', 'c.id', 'e.client_id')
    .selectAll('e')
    .select([
      'p.name as projectName',
      'p.project_type as projectType',
      'p.organization_id as projectOrganizationId',
      'p.coc_id as cocId',
      'o.name as ownerOrganizationName',
      'c.dob as clientDob',
    ])
    .where((eb) =>
      'ids' in filter
        ? eb('e.id', 'in', filter.ids)
        : 'clientId' in filter
          ? eb('e.client_id', '=', filter.clientId)
          : eb('e.enrollment_household_id', '=', filter.householdId),
    )
    .orderBy('e.entry_date', 'desc')
    .orderBy('e.relationship_to_hoh')
    .orderBy('e.created_at')
    .execute()
  const facts = await loadClientAccessFactsMany(
    db,
    actor,
    rows.map((row) => row.client_id),
    today,
  )
  return rows.map(
    ({
      projectName,
      projectType,
      projectOrganizationId,
      cocId,
      ownerOrganizationName,
      clientDob,
      ...row
    }) => ({
      row,
      projectName,
      projectType,
      projectOrganizationId,
      cocId,
      ownerOrganizationName,
      clientDob,
      ownerOrganizationId: row.owner_organization_id,
      client: facts.get(row.client_id),
    }),
  )
}

export async function loadEnrollment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  today: string,
): Promise<EnrollmentState | undefined> {
  return (await loadEnrollments(db, actor, { ids: [id] }, today))[0]
}

export function priorLivingSituationOf(row: Selectable<EnrollmentTable>): Enrollment['priorLivingSituation'] {
  if (row.living_situation === null) return null
  return {
    livingSituation: row.living_situation,
    rentalSubsidyType: row.rental_subsidy_type,
    lengthOfStay: row.length_of_stay,
    losUnderThreshold: row.los_under_threshold,
    previousStreetEssh: row.previous_street_essh,
    dateToStreetEssh: row.date_to_street_essh,
    timesHomelessPastThreeYears: row.times_homeless_past_three_years,
    monthsHomelessPastThreeYears: row.months_homeless_past_three_years,
  }
}

/** The enrollment columns of 3.917 (all null when it was not asked). */
export function priorLivingSituationColumns(answer: Enrollment['priorLivingSituation']) {
  return {
    living_situation: answer?.livingSituation ?? null,
    rental_subsidy_type: answer?.rentalSubsidyType ?? null,
    length_of_stay: answer?.lengthOfStay ?? null,
    los_under_threshold: answer?.losUnderThreshold ?? null,
    previous_street_essh: answer?.previousStreetEssh ?? null,
    date_to_street_essh: answer?.dateToStreetEssh ?? null,
    times_homeless_past_three_years: answer?.timesHomelessPastThreeYears ?? null,
    months_homeless_past_three_years: answer?.monthsHomelessPastThreeYears ?? null,
  }
}

/** Information dates of each enrollment's annual assessments, whichever part was recorded. */
async function annualAssessmentDates(
  db: Kysely<DB>,
  enrollmentIds: string[],
): Promise<Map<string, string[]>> {
  const dates = new Map<string, string[]>(enrollmentIds.map((id) => [id, []]))
  if (enrollmentIds.length === 0) return dates
  const stage = DATA_COLLECTION_STAGES.annualAssessment
  const rows = await sql<{ enrollmentId: string; informationDate: string }>`
    SELECT enrollment_id AS "enrollmentId", to_char(information_date, 'YYYY-MM-DD') AS "informationDate"
    FROM (SELECT enrollment_id, information_date, data_collection_stage FROM income_benefits
          UNION ALL SELECT enrollment_id, information_date, data_collection_stage FROM disabilities
          UNION ALL SELECT enrollment_id, information_date, data_collection_stage FROM health_and_dv) AS records
    WHERE data_collection_stage = ${stage}
      AND enrollment_id IN (${sql.join(enrollmentIds.map((id) => sql`${id}::uuid`))})`.execute(db)
  for (const row of rows.rows) dates.get(row.enrollmentId)?.push(row.informationDate)
  return dates
}

/** The API view of enrollments the actor may see: household, annual assessment window, data quality. */
export async function presentEnrollments(
  db: Kysely<DB>,
  actor: Actor,
  states: readonly EnrollmentState[],
  today: string,
): Promise<Enrollment[]> {
  const householdIds = [...new Set(states.map((state) => state.row.enrollment_household_id))]
  const households = new Map<string, EnrollmentState[]>()
  for (const householdId of householdIds) {
    households.set(householdId, await loadEnrollments(db, actor, { householdId }, today))
  }
  const ids = states.map((state) => state.row.id)
  const annualDates = await annualAssessmentDates(db, ids)
  const quality = await enrollmentDataQuality(db, ids)
  return states.map((state) => {
    const { row } = state
    const household = households.get(row.enrollment_household_id) ?? []
    const head = household.find((member) => member.row.relationship_to_hoh === HEAD_OF_HOUSEHOLD)
    return {
      id: row.id,
      enrollmentHouseholdId: row.enrollment_household_id,
      clientId: row.client_id,
      projectId: row.project_id,
      projectName: state.projectName,
      projectType: state.projectType,
      ownerOrganizationId: row.owner_organization_id,
      ownerOrganizationName: state.ownerOrganizationName,
      relationshipToHoh: row.relationship_to_hoh,
      entryDate: row.entry_date,
      moveInDate: row.move_in_date,
      exitDate: row.exit_date,
      destination: row.destination,
      destinationSubsidyType: row.destination_subsidy_type,
      otherDestination: row.other_destination,
      enrollmentCoc: row.enrollment_coc,
      disablingCondition: row.disabling_condition,
      priorLivingSituation: priorLivingSituationOf(row),
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      household: household
        .filter((member) => canSeeEnrollment(actor, member))
        .map((member) => ({
          enrollmentId: member.row.id,
          clientId: member.row.client_id,
          relationshipToHoh: member.row.relationship_to_hoh,
          entryDate: member.row.entry_date,
          exitDate: member.row.exit_date,
        })),
      annualAssessment: annualAssessmentStatus({
        hohEntryDate: head?.row.entry_date ?? row.entry_date,
        exitDate: row.exit_date,
        today,
        recordedDates: annualDates.get(row.id) ?? [],
      }),
      dataQuality: quality.get(row.id) ?? [],
      canEdit: canEditEnrollment(actor, state),
    }
  })
}
