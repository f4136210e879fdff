import {
  ADULT_AGE,
  ageOnDate,
  CE_WORKFLOW_STEP_LABELS,
  CE_WORKFLOW_STEPS,
  type CeMemberContext,
  type CeWorkflowStep,
  HEAD_OF_HOUSEHOLD,
  type HouseholdVariant,
  householdType,
  PROJECT_TYPES,
  youthHousehold,
} from '@threshold/core'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import type { CeWorkflowAccessFacts } from '../access/ce-workflow-policy'
import type { DB } from '../db/schema'
import { type EnrollmentState, loadEnrollments } from '../enrollments/enrollments.repository'
import type { CeWorkflowStepTable, CeWorkflowTable } from './ce-workflow.tables'

export const WORKFLOW_ENTITY = 'ce_workflow'

/** A CE workflow with its household's enrollments, as one actor sees it on one day. */
export interface CeWorkflowState extends CeWorkflowAccessFacts {
  row: Selectable<CeWorkflowTable>
  head: EnrollmentState
  household: EnrollmentState[]
}

/** Agencies operating a Coordinated Entry project in the CoC: their case managers are CE users. */
export async function ceOperatingOrganizationIds(db: Kysely<DB>, cocId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project')
    .select('organization_id')
    .distinct()
    .where('coc_id', '=', cocId)
    .where('project_type', '=', PROJECT_TYPES.CE)
    .where('active', '=', true)
    .execute()
  return rows.map((row) => row.organization_id)
}

export async function loadCeWorkflow(
  db: Kysely<DB>,
  actor: Actor,
  where: { id: string } | { householdId: string },
  today: string,
): Promise<CeWorkflowState | undefined> {
  const row = await db
    .selectFrom('ce_workflow')
    .selectAll()
    .where((eb) =>
      'id' in where ? eb('id', '=', where.id) : eb('enrollment_household_id', '=', where.householdId),
    )
    .executeTakeFirst()
  if (!row) return undefined
  const household = await loadEnrollments(db, actor, { householdId: row.enrollment_household_id }, today)
  const head = household.find((member) => member.row.relationship_to_hoh === HEAD_OF_HOUSEHOLD)
  if (!head) return undefined
  return {
    row,
    head,
    household,
    headEnrollment: head,
    cocId: row.coc_id,
    ceOperatingOrganizationIds: await ceOperatingOrganizationIds(db, row.coc_id),
  }
}

/** The members the workflow asks about: everyone still enrolled (or everyone, once the household left). */
export function workflowMembers(state: CeWorkflowState): (CeMemberContext & { state: EnrollmentState })[] {
  const open = state.household.filter((member) => member.row.exit_date === null)
  const members = open.length > 0 ? open : state.household
  return members.map((member) => {
    const age = ageOnDate(member.clientDob, member.row.entry_date)
    return {
      enrollmentId: member.row.id,
      isHead: member.row.relationship_to_hoh === HEAD_OF_HOUSEHOLD,
      isAdult: age !== null && age >= ADULT_AGE,
      state: member,
    }
  })
}

/** The prioritization tool's household type: youth households, families, everyone else as single adults. */
export function defaultVariant(state: CeWorkflowState): HouseholdVariant {
  const members = state.household.map((member) => ({
    dob: member.clientDob,
    relationshipToHoh: member.row.relationship_to_hoh,
  }))
  const asOf = state.head.row.entry_date
  if (youthHousehold(members, asOf).value === 'yes') return 'youth'
  return householdType(members, asOf) === 'adults_and_children' ? 'family' : 'single_adult'
}

export function loadSteps(
  db: Kysely<DB> | Transaction<DB>,
  workflowId: string,
): Promise<Selectable<CeWorkflowStepTable>[]> {
  return db.selectFrom('ce_workflow_step').selectAll().where('workflow_id', '=', workflowId).execute()
}

/** The latest published version of the CoC's published prioritization tool, or a given version of one. */
export async function findPrioritizationTool(
  db: Kysely<DB> | Transaction<DB>,
  cocId: string,
  versionId?: string | null,
) {
  return db
    .selectFrom('assessment_tool_version as v')
    .innerJoin('assessment_tool as t', 't.id', 'v.tool_id')
    .select(['v.id', 'v.version', 'v.definition', 't.name as toolName'])
    .where('t.coc_id', '=', cocId)
    .where('v.published_at', 'is not', null)
    .$if(versionId != null, (query) => query.where('v.id', '=', versionId as string))
    .$if(versionId == null, (query) => query.where('t.status', '=', 'published'))
    .orderBy('v.published_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A step's label for messages. */
export const stepLabel = (step: CeWorkflowStep) => CE_WORKFLOW_STEP_LABELS[step]

/** The step rows of a new workflow, each a version-1 draft (some fields filled in from the enrollment). */
export function initialSteps(
  workflowId: string,
  prefill: Partial<Record<CeWorkflowStep, Record<string, unknown>>>,
) {
  return CE_WORKFLOW_STEPS.map((step) => ({
    workflow_id: workflowId,
    step,
    draft: JSON.stringify(prefill[step] ?? {}),
  }))
}

/** Display names of users by id (null for none). */
export async function userNames(
  db: Kysely<DB>,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', unique)
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}
