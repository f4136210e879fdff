import {
  type AssessmentAnswers,
  type AssessmentQuestion,
  AssessmentToolDefinition,
  addDays,
  type HouseholdVariant,
  type QueueMemberInput,
  type QueueStatus,
  questionsFor,
  queueHouseholdFacts,
  scoreAssessment,
} from '@threshold/core'
import { sql } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { refreshQueueEligibility } from '../queue/queue-eligibility'
import { recordQueuePositions } from '../queue/queue-history'
import { syncRankKeys } from '../queue/queue-order'
import { type DemoSeed, seededId } from './seed-step'

// The Housing Queue of the demo: a few hundred standing households (whose members have no enrollment yet)
// enrolled in North or South Fulton CE through the CE workflow, assessed with the demo tool, some documents
// uploaded, and placed on the queue in every queue status; the CoC's ranking rules (default and PSH).
// Everything is bulk-inserted; the queue facts come from the same derivation a placement uses.

export const DEMO_QUEUE_HOUSEHOLDS = 300

/** Every status, most households still waiting. */
const STATUS_CYCLE: readonly QueueStatus[] = [
  'pending_review',
  'ready',
  'incomplete_documentation',
  'ready',
  'pending_review',
  'incomplete_documentation',
  'ready',
  'referred',
  'inactive',
  'ready',
  'pending_review',
  'housed',
  'exited',
]

const CE_SITES = [
  { project: 'North Fulton CE', worker: 'intake.north' },
  { project: 'South Fulton CE', worker: 'intake.south' },
] as const

interface Candidate {
  household_id: string
  client_id: string
  relationship_to_hoh: number
  dob: string | null
  veteran_status: number | null
  owner_organization_id: string
}

/** Answers to every question the household is asked, varied by `n`, as an assessor would record them. */
function demoAnswers(questions: AssessmentQuestion[], n: number, date: string): AssessmentAnswers {
  const answers: AssessmentAnswers = {}
  questions.forEach((question, index) => {
    const k = (n * 7 + index * 3) % 11
    if (question.type === 'single_choice')
      answers[question.id] = question.options[k % question.options.length]!.value
    else if (question.type === 'multi_choice')
      answers[question.id] = [question.options[k % question.options.length]!.value]
    else if (question.type === 'yes_no') answers[question.id] = k % 2 === 0
    else if (question.type === 'number')
      answers[question.id] = Math.max(question.min ?? 0, Math.min(question.max ?? k, k))
    else answers[question.id] = date
  })
  return answers
}

export async function seedDemoQueue(seed: DemoSeed): Promise<void> {
  const { db } = seed
  const { rows: todayRows } = await sql<{ today: string }>`
    SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`.execute(db)
  const today = todayRows[0]!.today
  const now = new Date(`${today}T12:00:00Z`)

  const tool = await db
    .selectFrom('assessment_tool_version as v')
    .innerJoin('assessment_tool as t', 't.id', 'v.tool_id')
    .select(['v.id', 'v.version', 'v.definition'])
    .where('t.coc_id', '=', seed.cocId)
    .where('v.published_at', 'is not', null)
    .executeTakeFirstOrThrow()
  const toolVersion = {
    id: tool.id,
    version: tool.version,
    definition: AssessmentToolDefinition.parse(tool.definition),
  }

  // Standing households none of whose current members is enrolled anywhere yet.
  const { rows: candidates } = await sql<Candidate>`
    WITH free AS (
      SELECT h.id FROM household h
      WHERE h.coc_id = ${seed.cocId}::uuid
        AND EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id AND m.removed_on IS NULL
                    AND m.relationship_to_hoh = 1)
        AND NOT EXISTS (SELECT 1 FROM household_member m JOIN enrollment e ON e.client_id = m.client_id
                        WHERE m.household_id = h.id AND m.removed_on IS NULL)
      ORDER BY (SELECT min(c.last_name || c.first_name) FROM household_member m JOIN client c ON c.id = m.client_id
                WHERE m.household_id = h.id)
      LIMIT ${DEMO_QUEUE_HOUSEHOLDS})
    SELECT m.household_id, m.client_id, m.relationship_to_hoh, c.dob::text AS dob, c.veteran_status,
           c.owner_organization_id
    FROM free JOIN household_member m ON m.household_id = free.id AND m.removed_on IS NULL
    JOIN client c ON c.id = m.client_id AND c.merged_into_client_id IS NULL
    ORDER BY m.household_id, m.relationship_to_hoh, m.client_id`.execute(db)
  const byHousehold = new Map<string, Candidate[]>()
  for (const row of candidates)
    byHousehold.set(row.household_id, [...(byHousehold.get(row.household_id) ?? []), row])

  const sites = await db
    .selectFrom('project')
    .select(['id', 'organization_id'])
    .where(
      'id',
      'in',
      CE_SITES.map((site) => seededId(seed.projectIds, site.project)),
    )
    .execute()
  const siteOrganizations = new Map(sites.map((site) => [site.id, site.organization_id]))

  const enrollmentHouseholds: Record<string, unknown>[] = []
  const enrollments: Record<string, unknown>[] = []
  const assessments: Record<string, unknown>[] = []
  const workflows: Record<string, unknown>[] = []
  const documents: Record<string, unknown>[] = []
  const livingSituations: Record<string, unknown>[] = []
  const entries: Record<string, unknown>[] = []
  let n = 0
  for (const members of byHousehold.values()) {
    const head = members.find((member) => member.relationship_to_hoh === 1)
    if (!head) continue
    n++
    const site = CE_SITES[n % 2]!
    const projectId = seededId(seed.projectIds, site.project)
    const workerId = seededId(seed.userIds, site.worker)
    const organizationId = siteOrganizations.get(projectId)!
    const status = STATUS_CYCLE[n % STATUS_CYCLE.length]!
    const entryDate = addDays(today, -(5 + ((n * 13) % 400)))
    const exitDate = status === 'housed' || status === 'exited' ? addDays(today, -2) : null
    const chronicLikely = n % 3 === 0
    const householdId = crypto.randomUUID()
    enrollmentHouseholds.push({
      id: householdId,
      project_id: projectId,
      coc_id: seed.cocId,
      owner_organization_id: organizationId,
      created_by: workerId,
    })
    const memberInputs: QueueMemberInput[] = []
    let headEnrollmentId = ''
    for (const member of members) {
      const enrollmentId = crypto.randomUUID()
      if (member === head) headEnrollmentId = enrollmentId
      const prior = {
        livingSituation: n % 5 === 0 ? 101 : 116,
        lengthOfStay: null,
        losUnderThreshold: null,
        previousStreetEssh: null,
        dateToStreetEssh: addDays(entryDate, -(20 + ((n * 53) % 900))),
        timesHomelessPastThreeYears: null,
        monthsHomelessPastThreeYears: null,
      }
      enrollments.push({
        id: enrollmentId,
        enrollment_household_id: householdId,
        client_id: member.client_id,
        project_id: projectId,
        relationship_to_hoh: member.relationship_to_hoh,
        entry_date: entryDate,
        exit_date: exitDate,
        destination: exitDate ? (status === 'housed' ? 435 : 17) : null,
        destination_subsidy_type: exitDate && status === 'housed' ? 419 : null,
        disabling_condition: chronicLikely ? 1 : 0,
        living_situation: prior.livingSituation,
        date_to_street_essh: prior.dateToStreetEssh,
        owner_organization_id: organizationId,
        created_by: workerId,
      })
      memberInputs.push({
        dob: member.dob,
        veteranStatus: member.veteran_status,
        relationshipToHoh: member.relationship_to_hoh,
        entryDate,
        projectType: 14,
        disablingCondition: chronicLikely ? 1 : 0,
        priorLivingSituation: prior,
        domesticViolence: null,
      })
    }
    const variant: HouseholdVariant = members.length > 1 ? 'family' : 'single_adult'
    const asked = questionsFor(toolVersion.definition, variant).flatMap((section) => section.questions)
    const answers = demoAnswers(asked, n, entryDate)
    const scored = scoreAssessment(toolVersion, variant, answers)
    if (!scored.ok) throw new Error(`demo answers do not fit the demo tool: ${scored.issues[0]?.message}`)
    const assessmentId = crypto.randomUUID()
    assessments.push({
      id: assessmentId,
      enrollment_id: headEnrollmentId,
      assessment_date: entryDate,
      assessment_location_project_id: projectId,
      assessment_type: (n % 3) + 1,
      assessment_level: 2,
      prioritization_status: 1,
      tool_version_id: toolVersion.id,
      answers: JSON.stringify(answers),
      score: scored.score.total,
      sub_scores: JSON.stringify(scored.score.subScores),
      owner_organization_id: organizationId,
      created_by: workerId,
    })
    const workflowId = crypto.randomUUID()
    workflows.push({
      id: workflowId,
      enrollment_household_id: householdId,
      coc_id: seed.cocId,
      head_client_id: head.client_id,
      case_manager_user_id: workerId,
      outcome: 'placed_on_queue',
      outcome_date: entryDate,
      owner_organization_id: organizationId,
      created_by: workerId,
      closed_at: exitDate ? now : null,
    })
    // Ready and referred households have a complete file; the others some or none of it.
    const documentTypes =
      status === 'ready' || status === 'referred'
        ? [
            'identification',
            'homelessness_documentation',
            'disability_verification',
            'chronic_homelessness_documentation',
          ]
        : status === 'incomplete_documentation' || n % 2 === 0
          ? ['identification']
          : []
    for (const documentType of documentTypes)
      documents.push({
        workflow_id: workflowId,
        enrollment_household_id: householdId,
        document_type: documentType,
        file_name: `${documentType.replaceAll('_', '-')}.pdf`,
        content_type: 'application/pdf',
        size_bytes: 19,
        content: Buffer.from('%PDF-1.4 demo file\n'),
        owner_organization_id: organizationId,
        uploaded_by: workerId,
      })
    // The last contact: some recent, some stale; never before the CE start.
    const lastContact = [addDays(today, -((n * 17) % 150)), entryDate].sort()[1]!
    livingSituations.push({
      enrollment_id: headEnrollmentId,
      information_date: lastContact,
      current_living_situation: n % 5 === 0 ? 101 : 116,
      created_by: workerId,
    })
    const facts = queueHouseholdFacts(
      {
        members: memberInputs,
        latestAssessment: { score: scored.score.total, assessmentDate: entryDate },
        lastCurrentLivingSituationDate: lastContact,
        documentKinds: documentTypes,
      },
      today,
    )
    entries.push({
      coc_id: seed.cocId,
      ce_project_id: projectId,
      enrollment_household_id: householdId,
      owner_organization_id: organizationId,
      status,
      status_reason: status === 'inactive' ? 'unable to locate' : null,
      inactive_since: status === 'inactive' ? addDays(today, -10) : null,
      status_changed_at: now,
      placed_at: new Date(`${entryDate}T15:00:00Z`),
      placed_by: workerId,
      ce_start_date: facts.ceStartDate,
      assessment_id: assessmentId,
      assessment_date: facts.assessmentDate,
      tool_version_id: toolVersion.id,
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
      assigned_user_id: workerId,
      facts_as_of: today,
    })
  }
  if (entries.length === 0) return
  await db
    .insertInto('enrollment_household')
    .values(enrollmentHouseholds as never)
    .execute()
  await db
    .insertInto('enrollment')
    .values(enrollments as never)
    .execute()
  await db
    .insertInto('ce_assessment')
    .values(assessments as never)
    .execute()
  await db
    .insertInto('ce_workflow')
    .values(workflows as never)
    .execute()
  if (documents.length > 0)
    await db
      .insertInto('ce_document')
      .values(documents as never)
      .execute()
  await db
    .insertInto('current_living_situation')
    .values(livingSituations as never)
    .execute()
  const placed = await db
    .insertInto('queue_entry')
    .values(entries as never)
    .returning('id')
    .execute()

  const cocAdminId = seededId(seed.userIds, 'coc.admin')
  await db
    .insertInto('queue_ranking')
    .values([
      {
        coc_id: seed.cocId,
        program_type: 'all',
        version: 1,
        keys: JSON.stringify([
          { key: 'score', direction: 'desc' },
          { key: 'chronic', direction: 'desc' },
          { key: 'days_homeless', direction: 'desc' },
          { key: 'ce_start_date', direction: 'asc' },
        ]),
        note: 'Fulton CoC prioritization policy (demo)',
        published_at: now,
        published_by: cocAdminId,
      },
      {
        coc_id: seed.cocId,
        program_type: 'psh',
        version: 1,
        keys: JSON.stringify([
          { key: 'chronic', direction: 'desc' },
          { key: 'score', direction: 'desc' },
          { key: 'days_homeless', direction: 'desc' },
        ]),
        note: 'PSH order of priority: chronic homelessness first (demo)',
        published_at: now,
        published_by: cocAdminId,
      },
    ])
    .execute()
  await syncRankKeys(db, seed.cocId, null)
  await refreshQueueEligibility(db, { cocId: seed.cocId, entryIds: null, asOf: today })
  await recordQueuePositions(db, {
    cocId: seed.cocId,
    entryIds: placed.map((row) => row.id),
    event: 'placed',
    actorUserId: null,
    now,
  })
  await recordAudit(db, systemActor, {
    action: 'demo.seed_queue',
    entityType: 'coc',
    entityId: seed.cocId,
    details: { households: placed.length, documents: documents.length },
  })
}
