import { type QueueHouseholdFacts, type QueueMemberInput, queueHouseholdFacts } from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

interface MemberRow {
  enrollment_id: string
  dob: string | null
  veteran_status: number | null
  relationship_to_hoh: number
  entry_date: string
  exit_date: string | null
  project_type: number
  disabling_condition: number | null
  living_situation: number | null
  length_of_stay: number | null
  los_under_threshold: number | null
  previous_street_essh: number | null
  date_to_street_essh: string | null
  times_homeless_past_three_years: number | null
  months_homeless_past_three_years: number | null
  domestic_violence_survivor: number | null
  currently_fleeing: number | null
  has_dv_record: boolean
}

export interface LoadedQueueFacts extends QueueHouseholdFacts {
  assessmentId: string | null
  toolVersionId: string | null
  /** The head of household's CE enrollment. */
  headEnrollmentId: string
  /** The CE workflow's case manager, when the household came through it. */
  caseManagerUserId: string | null
}

/** Loads a CE enrollment household's records and derives its queue facts as of `asOf`. */
export async function loadQueueFacts(
  trx: Transaction<DB>,
  enrollmentHouseholdId: string,
  asOf: string,
): Promise<LoadedQueueFacts | undefined> {
  const { rows: memberRows } = await sql<MemberRow>`
    SELECT e.id AS enrollment_id, c.dob::text AS dob, c.veteran_status, e.relationship_to_hoh,
           e.entry_date::text AS entry_date, e.exit_date::text AS exit_date, p.project_type,
           e.disabling_condition, e.living_situation, e.length_of_stay, e.los_under_threshold,
           e.previous_street_essh, e.date_to_street_essh::text AS date_to_street_essh,
           e.times_homeless_past_three_years, e.months_homeless_past_three_years,
           dv.domestic_violence_survivor, dv.currently_fleeing, dv.enrollment_id IS NOT NULL AS has_dv_record
    FROM enrollment e
    JOIN client c ON c.id = e.client_id
    JOIN project p ON p.id = e.project_id
    LEFT JOIN LATERAL (
      SELECT h.enrollment_id, h.domestic_violence_survivor, h.currently_fleeing FROM health_and_dv h
      WHERE h.enrollment_id = e.id AND h.information_date <= ${asOf}::date
      ORDER BY h.information_date DESC, h.data_collection_stage DESC LIMIT 1) dv ON true
    WHERE e.enrollment_household_id = ${enrollmentHouseholdId}::uuid
    ORDER BY e.relationship_to_hoh, e.entry_date`.execute(trx)
  if (memberRows.length === 0) return undefined
  const open = memberRows.filter((row) => row.exit_date === null)
  const rows = open.length > 0 ? open : memberRows
  const head = rows.find((row) => row.relationship_to_hoh === 1) ?? (rows[0] as MemberRow)
  const enrollmentIds = rows.map((row) => row.enrollment_id)

  const { rows: clsRows } = await sql<{ last: string | null }>`
    SELECT max(information_date)::text AS last FROM current_living_situation
    WHERE enrollment_id = ANY(${enrollmentIds}::uuid[]) AND information_date <= ${asOf}::date`.execute(trx)

  const assessment = await trx
    .selectFrom('ce_assessment')
    .select(['id', 'score', 'assessment_date', 'tool_version_id'])
    .where('enrollment_id', '=', head.enrollment_id)
    .where('assessment_date', '<=', asOf)
    .orderBy('assessment_date', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const documents = await trx
    .selectFrom('ce_document')
    .select('document_type')
    .distinct()
    .where('enrollment_household_id', '=', enrollmentHouseholdId)
    .execute()
  const documentKinds = documents.map((document) => document.document_type)
  const workflow = await trx
    .selectFrom('ce_workflow')
    .select('case_manager_user_id')
    .where('enrollment_household_id', '=', enrollmentHouseholdId)
    .executeTakeFirst()

  const members: QueueMemberInput[] = rows.map((row) => ({
    dob: row.dob,
    veteranStatus: row.veteran_status,
    relationshipToHoh: row.relationship_to_hoh,
    entryDate: row.entry_date,
    projectType: row.project_type,
    disablingCondition: row.disabling_condition,
    priorLivingSituation: {
      livingSituation: row.living_situation,
      lengthOfStay: row.length_of_stay,
      losUnderThreshold: row.los_under_threshold,
      previousStreetEssh: row.previous_street_essh,
      dateToStreetEssh: row.date_to_street_essh,
      timesHomelessPastThreeYears: row.times_homeless_past_three_years,
      monthsHomelessPastThreeYears: row.months_homeless_past_three_years,
    },
    domesticViolence: row.has_dv_record
      ? { domesticViolenceSurvivor: row.domestic_violence_survivor, currentlyFleeing: row.currently_fleeing }
      : null,
  }))
  const facts = queueHouseholdFacts(
    {
      members,
      latestAssessment: assessment
        ? {
            score: assessment.score === null ? null : Number(assessment.score),
            assessmentDate: assessment.assessment_date,
          }
        : null,
      lastCurrentLivingSituationDate: clsRows[0]?.last ?? null,
      documentKinds,
    },
    asOf,
  )
  return {
    ...facts,
    assessmentId: assessment?.id ?? null,
    toolVersionId: assessment?.tool_version_id ?? null,
    headEnrollmentId: head.enrollment_id,
    caseManagerUserId: workflow?.case_manager_user_id ?? null,
  }
}

/** The queue_entry columns holding the facts. */
export function factColumns(facts: LoadedQueueFacts, asOf: string) {
  return {
    ce_start_date: facts.ceStartDate,
    assessment_id: facts.assessmentId,
    assessment_date: facts.assessmentDate,
    tool_version_id: facts.toolVersionId,
    score: facts.score,
    chronic: facts.chronic,
    veteran: facts.veteran,
    youth: facts.youth,
    fleeing_dv: facts.fleeingDv,
    household_type: facts.householdType,
    household_size: facts.householdSize,
    days_homeless: facts.daysHomeless,
    last_cls_date: facts.lastClsDate,
    disability_verified: facts.disabilityVerified,
    documents_complete_for: facts.documentsCompleteFor,
    missing_documents: JSON.stringify(facts.missingDocuments),
    facts_as_of: asOf,
  }
}
