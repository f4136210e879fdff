import {
  ADULT_AGE,
  type CompletenessStage,
  DATA_COLLECTION_STAGES,
  type DataQualityIssue,
  type ElementSource,
  type ProjectDataQuality,
  REQUIRED_ELEMENTS,
  type RequiredElement,
} from '@threshold/core'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { DB } from '../db/schema'

// Completeness of the required elements (core REQUIRED_ELEMENTS), like HUD's APR Q6: one row per
// enrollment, element and stage that applies, with its status, computed in SQL so the per-project report
// counts without loading records. The same rows give each enrollment its list of gaps.

const STAGE_CODE: Record<CompletenessStage, number> = {
  'project start': DATA_COLLECTION_STAGES.projectStart,
  'project exit': DATA_COLLECTION_STAGES.projectExit,
}

/** HUD's 8 / 9 / 99 answers, a real answer, or nothing at all. */
const statusOf = (value: RawBuilder<unknown>) => sql<string>`CASE
  WHEN ${value} IS NULL THEN 'missing'
  WHEN ${value} = 8 THEN 'client_doesnt_know'
  WHEN ${value} = 9 THEN 'client_prefers_not_to_answer'
  WHEN ${value} = 99 THEN 'not_collected'
  ELSE 'complete' END`

function statusExpression(source: ElementSource, stage: number): RawBuilder<string> {
  switch (source.kind) {
    case 'enrollment':
      // 3.16 is a CoC code, not a coded answer.
      return source.column === 'enrollment_coc'
        ? sql<string>`CASE WHEN e.enrollment_coc IS NULL THEN 'missing' ELSE 'complete' END`
        : statusOf(sql.ref(`e.${source.column}`))
    case 'income_benefits':
      return statusOf(sql`(SELECT ${sql.ref(`r.${source.column}`)} FROM income_benefits AS r
        WHERE r.enrollment_id = e.id AND r.data_collection_stage = ${stage})`)
    case 'disability':
      return statusOf(sql`(SELECT r.disability_response FROM disabilities AS r
        WHERE r.enrollment_id = e.id AND r.data_collection_stage = ${stage}
          AND r.disability_type = ${source.disabilityType})`)
    case 'health_and_dv':
      return statusOf(sql`(SELECT r.domestic_violence_survivor FROM health_and_dv AS r
        WHERE r.enrollment_id = e.id AND r.data_collection_stage = ${stage})`)
    case 'current_living_situation':
      return statusOf(sql`(SELECT r.current_living_situation FROM current_living_situation AS r
        WHERE r.enrollment_id = e.id ORDER BY r.information_date DESC, r.created_at DESC LIMIT 1)`)
    case 'occurrence':
      return sql<string>`'complete'`
  }
}

function subjectFilter(required: RequiredElement) {
  const head = sql`e.relationship_to_hoh = 1`
  switch (required.subject) {
    case 'all':
      return sql`true`
    case 'head':
      return head
    case 'head_and_adults':
      // Unknown age counts as adult: the answer is owed unless we know it is a child's.
      return sql`(${head} OR c.dob IS NULL OR c.dob <= (e.entry_date - make_interval(years => ${ADULT_AGE}))::date)`
  }
}

/** Every (enrollment, element, stage, status) that applies to the enrollments `scope` selects. */
function completenessRows(scope: RawBuilder<unknown>) {
  const selects = REQUIRED_ELEMENTS.flatMap((required, ordinal) =>
    required.stages.map((stage) => {
      const code = STAGE_CODE[stage]
      return sql`
        SELECT e.id AS enrollment_id, ${ordinal}::int AS ordinal, ${required.element}::text AS element,
               ${stage}::text AS stage, ${statusExpression(required.source, code)} AS status
        FROM enrollment AS e
        JOIN project AS p ON p.id = e.project_id
        JOIN client AS c ON c.id = e.client_id
        WHERE ${scope}
          AND p.project_type IN (${sql.join(required.projectTypes)})
          AND ${subjectFilter(required)}
          ${code === DATA_COLLECTION_STAGES.projectExit ? sql`AND e.exit_date IS NOT NULL` : sql``}`
    }),
  )
  return sql.join(selects, sql` UNION ALL `)
}

/** Each enrollment's required elements that are missing or answered 8 / 9 / 99, in element order. */
export async function enrollmentDataQuality(
  db: Kysely<DB>,
  enrollmentIds: readonly string[],
): Promise<Map<string, DataQualityIssue[]>> {
  const issues = new Map<string, DataQualityIssue[]>(enrollmentIds.map((id) => [id, []]))
  if (enrollmentIds.length === 0) return issues
  const scope = sql`e.id IN (${sql.join(enrollmentIds.map((id) => sql`${id}::uuid`))})`
  const { rows } = await sql<{ enrollmentId: string } & DataQualityIssue>`
    SELECT enrollment_id AS "enrollmentId", element, stage, status
    FROM (${completenessRows(scope)}) AS completeness
    WHERE status <> 'complete'
    ORDER BY ordinal, stage DESC`.execute(db)
  for (const { enrollmentId, ...issue } of rows) issues.get(enrollmentId)?.push(issue)
  return issues
}

/** Per element and stage, how many enrollments answered, and how many did not and why (counts and %). */
export async function projectElementShares(
  db: Kysely<DB>,
  projectId: string,
): Promise<ProjectDataQuality['elements']> {
  const share = (status: string) =>
    sql`round(100.0 * count(*) FILTER (WHERE status = ${status}) / count(*), 1)::float8`
  const count = (status: string) => sql`(count(*) FILTER (WHERE status = ${status}))::int`
  const { rows } = await sql<ProjectDataQuality['elements'][number] & { ordinal: number }>`
    SELECT ordinal, element, stage, count(*)::int AS applicable,
           ${count('complete')} AS complete,
           ${count('client_doesnt_know')} AS "clientDoesntKnow",
           ${count('client_prefers_not_to_answer')} AS "clientPrefersNotToAnswer",
           ${count('not_collected')} AS "notCollected",
           ${count('missing')} AS missing,
           json_build_object(
             'complete', ${share('complete')},
             'clientDoesntKnow', ${share('client_doesnt_know')},
             'clientPrefersNotToAnswer', ${share('client_prefers_not_to_answer')},
             'notCollected', ${share('not_collected')},
             'missing', ${share('missing')}) AS percent
    FROM (${completenessRows(sql`e.project_id = ${projectId}::uuid`)}) AS completeness
    GROUP BY ordinal, element, stage
    ORDER BY ordinal, stage DESC`.execute(db)
  return rows.map(({ ordinal: _ordinal, ...share }) => share)
}
