import { type CeWorkflow, HEAD_OF_HOUSEHOLD, type NewCeEnrollment, PROJECT_TYPES } from '@threshold/core'
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { enrollHousehold } from '../enrollments/enroll-household'
import { findProjectForEnrollment } from '../enrollments/enrollment-writes'
import { userActor } from '../http/app-context'
import { AppError, notFound } from '../http/errors'
import {
  defaultVariant,
  findPrioritizationTool,
  initialSteps,
  loadCeWorkflow,
} from './ce-workflow.repository'
import type { CeWorkflowContext } from './ce-workflow-access'
import { presentCeWorkflow } from './present-ce-workflow'

const ACTION = 'ce_workflow.create'

/** The open CE enrollment of any of these clients in the CoC, if there is one. */
function findOpenCeEnrollment(
  db: Kysely<DB>,
  cocId: string,
  clientIds: readonly string[],
  exceptHouseholdId?: string,
) {
  return db
    .selectFrom('enrollment as e')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .select(['e.id', 'e.entry_date as entryDate', 'p.name as projectName', 'e.enrollment_household_id'])
    .where('p.coc_id', '=', cocId)
    .where('p.project_type', '=', PROJECT_TYPES.CE)
    .where('e.exit_date', 'is', null)
    .where('e.client_id', 'in', clientIds)
    .$if(exceptHouseholdId !== undefined, (query) =>
      query.where('e.enrollment_household_id', '<>', exceptHouseholdId as string),
    )
    .orderBy('e.entry_date')
    .executeTakeFirst()
}

/** 409 naming the household's open CE enrollment in this CoC: one at a time. */
async function assertNoOpenCeEnrollment(
  db: Kysely<DB>,
  cocId: string,
  clientIds: readonly string[],
  exceptHouseholdId?: string,
) {
  const open = await findOpenCeEnrollment(db, cocId, clientIds, exceptHouseholdId)
  if (open) {
    throw new AppError(
      'conflict',
      `This household already has an open Coordinated Entry enrollment in this CoC: ${open.projectName} since ${open.entryDate} (enrollment ${open.id})`,
      { enrollmentId: open.id, projectName: open.projectName, entryDate: open.entryDate },
    )
  }
}

/**
 * Enrolls a household in a Coordinated Entry project (type 14) and starts its guided workflow, in one
 * transaction. One open CE enrollment per household and CoC: the check (inside the transaction, after the
 * visibility rules) names the open one, and a unique index catches the race the check cannot.
 */
export async function enrollCeHousehold(
  context: CeWorkflowContext,
  input: NewCeEnrollment,
): Promise<CeWorkflow> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const { caseManagerUserId = actor.userId, ...enrollment } = input
  const project = await findProjectForEnrollment(db, input.projectId)
  if (project && project.projectType !== PROJECT_TYPES.CE && project.cocId === actor.cocId) {
    throw new AppError('unprocessable', `${project.name} is not a Coordinated Entry project (type 14)`)
  }
  const head = input.members.find((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD)
  if (!head) throw new AppError('unprocessable', 'Choose the head of household (relationship Self)')
  const clientIds = input.members.map((member) => member.clientId)

  let householdId = ''
  try {
    await enrollHousehold({ db, actor, today }, enrollment, async (trx, created) => {
      householdId = created.householdId
      // Checked once the enrollment's own rules let the actor see these clients: a 409 names their data.
      await assertNoOpenCeEnrollment(trx, project!.cocId, clientIds, created.householdId)
      await assertCaseManagerInCoc(trx, caseManagerUserId, project!.cocId)
      const tool = await findPrioritizationTool(trx, project!.cocId)
      const workflow = await trx
        .insertInto('ce_workflow')
        .values({
          enrollment_household_id: created.householdId,
          coc_id: project!.cocId,
          head_client_id: head.clientId,
          case_manager_user_id: caseManagerUserId,
          owner_organization_id: actor.organizationId,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const state = await loadCeWorkflow(trx, actor, { id: workflow.id }, today)
      await trx
        .insertInto('ce_workflow_step')
        .values(
          initialSteps(workflow.id, {
            enrollment: { enrollmentCoc: input.enrollmentCoc ?? project!.cocCode, caseManagerUserId },
            ce_assessment: {
              assessmentLocationProjectId: project!.id,
              toolVersionId: tool?.id ?? null,
              // The tool's household type follows the members' ages.
              variant: state ? defaultVariant(state) : null,
              answers: {},
            },
          }),
        )
        .execute()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'ce_workflow',
        entityId: workflow.id,
        details: { enrollmentHouseholdId: created.householdId, clientIds, caseManagerUserId },
      })
    })
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      await assertNoOpenCeEnrollment(db, project!.cocId, clientIds)
    }
    throw error
  }
  const workflow = await loadCeWorkflow(db, actor, { householdId }, today)
  if (!workflow) throw notFound('CE workflow')
  return presentCeWorkflow(db, actor, workflow, today)
}

/** The case manager must be an active user of an agency of the CoC. */
export async function assertCaseManagerInCoc(db: Kysely<DB>, userId: string, cocId: string) {
  const member = await db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.user_id', '=', userId)
    .where('o.coc_id', '=', cocId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirst()
  if (!member) {
    throw new AppError('unprocessable', 'The case manager must be an active user of an agency of this CoC', [
      { field: 'caseManagerUserId', message: 'not a user of this CoC' },
    ])
  }
}
