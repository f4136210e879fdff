import {
  type AssessmentAnswers,
  AssessmentToolDefinition,
  DEMO_ASSESSMENT_TOOL,
  type HouseholdVariant,
  PROJECT_TYPES,
  questionsFor,
} from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { initialSteps } from './ce-workflow.repository'

// Test fixtures written straight to the database (the API has its own tests).

export async function insertTestCeProject(
  db: Kysely<DB>,
  organization: { id: string; cocId: string },
  name: string,
) {
  const row = await db
    .insertInto('project')
    .values({
      organization_id: organization.id,
      coc_id: organization.cocId,
      name,
      project_type: PROJECT_TYPES.CE,
      operating_start_date: '2020-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The demo prioritization tool, published as version 1 for the CoC; returns the version id. */
export async function publishTestTool(db: Kysely<DB>, cocId: string): Promise<string> {
  const definition = AssessmentToolDefinition.parse(DEMO_ASSESSMENT_TOOL)
  const tool = await db
    .insertInto('assessment_tool')
    .values({ coc_id: cocId, name: definition.name, status: 'published' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await db
    .insertInto('assessment_tool_version')
    .values({
      tool_id: tool.id,
      version: 1,
      definition: JSON.stringify(definition),
      published_at: sql`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return version.id
}

/** A valid answer to every question the tool asks this household type (first options, yes, minimums). */
export function completeAnswers(variant: HouseholdVariant): AssessmentAnswers {
  const definition = AssessmentToolDefinition.parse(DEMO_ASSESSMENT_TOOL)
  const answers: AssessmentAnswers = {}
  for (const question of questionsFor(definition, variant).flatMap((entry) => entry.questions)) {
    if (question.type === 'single_choice') answers[question.id] = question.options[0]!.value
    else if (question.type === 'multi_choice') answers[question.id] = [question.options[0]!.value]
    else if (question.type === 'yes_no') answers[question.id] = true
    else if (question.type === 'number') answers[question.id] = question.min ?? 0
    else answers[question.id] = '2025-01-01'
  }
  return answers
}

/** A head of household's open CE enrollment with its workflow and one CE assessment; returns their ids. */
export async function insertTestCeWorkflow(
  db: Kysely<DB>,
  input: { organization: { id: string; cocId: string }; projectId: string; clientId: string; userId: string },
) {
  const household = await db
    .insertInto('enrollment_household')
    .values({
      project_id: input.projectId,
      coc_id: input.organization.cocId,
      owner_organization_id: input.organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: input.clientId,
      project_id: input.projectId,
      relationship_to_hoh: 1,
      entry_date: '2025-01-01',
      owner_organization_id: input.organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const workflow = await db
    .insertInto('ce_workflow')
    .values({
      enrollment_household_id: household.id,
      coc_id: input.organization.cocId,
      head_client_id: input.clientId,
      case_manager_user_id: input.userId,
      owner_organization_id: input.organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('ce_workflow_step').values(initialSteps(workflow.id, {})).execute()
  const assessment = await db
    .insertInto('ce_assessment')
    .values({
      enrollment_id: enrollment.id,
      assessment_date: '2025-01-02',
      assessment_location_project_id: input.projectId,
      assessment_type: 3,
      assessment_level: 2,
      prioritization_status: 1,
      answers: JSON.stringify({ sleep_location: 'outside' }),
      score: 12,
      owner_organization_id: input.organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    workflowId: workflow.id,
    enrollmentId: enrollment.id,
    householdId: household.id,
    assessmentId: assessment.id,
  }
}
