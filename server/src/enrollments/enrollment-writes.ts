import {
  DATA_COLLECTION_STAGES,
  enrollmentDateIssues,
  type PriorLivingSituation,
  type RuleIssue,
  type StageAnswers,
} from '@threshold/core'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { UserActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { assertNotBarred } from '../beds/bars'
import { loadVisibleClient } from '../clients/load-visible-client'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import type { EnrollmentContext } from './enrollment-access'
import { priorLivingSituationColumns } from './enrollments.repository'
import { answeredParts, insertStageRecord } from './stage-records'

// Steps shared by the use cases that create or close enrollments.

export interface ProjectForEnrollment {
  id: string
  name: string
  organizationId: string
  cocId: string
  cocCode: string
  projectType: number
  operatingStartDate: string
  operatingEndDate: string | null
}

export function findProjectForEnrollment(
  db: Kysely<DB>,
  projectId: string,
): Promise<ProjectForEnrollment | undefined> {
  return db
    .selectFrom('project as p')
    .innerJoin('coc', 'coc.id', 'p.coc_id')
    .select([
      'p.id',
      'p.name',
      'p.organization_id as organizationId',
      'p.coc_id as cocId',
      'coc.code as cocCode',
      'p.project_type as projectType',
      'p.operating_start_date as operatingStartDate',
      'p.operating_end_date as operatingEndDate',
    ])
    .where('p.id', '=', projectId)
    .executeTakeFirst()
}

/** A stay starts while the project operates; 3.16 names the project's CoC. */
export function projectIssues(
  project: ProjectForEnrollment,
  stay: { entryDate: string; enrollmentCoc?: string | null },
): RuleIssue[] {
  const issues: RuleIssue[] = []
  if (stay.entryDate < project.operatingStartDate) {
    issues.push({
      field: 'entryDate',
      message: `The project start date is before the project began operating (${project.operatingStartDate})`,
    })
  }
  if (project.operatingEndDate !== null && stay.entryDate > project.operatingEndDate) {
    issues.push({
      field: 'entryDate',
      message: `The project start date is after the project stopped operating (${project.operatingEndDate})`,
    })
  }
  if (stay.enrollmentCoc && stay.enrollmentCoc !== project.cocCode) {
    issues.push({
      field: 'enrollmentCoc',
      message: `The enrollment CoC must be the project's CoC (${project.cocCode})`,
    })
  }
  return issues
}

/** The member's own dates against the project type and their date of birth. */
export function memberDateIssues(
  project: { projectType: number },
  stay: { entryDate: string; moveInDate?: string | null; exitDate?: string | null; dob: string | null },
  today: string,
): RuleIssue[] {
  return enrollmentDateIssues({
    entryDate: stay.entryDate,
    moveInDate: stay.moveInDate ?? null,
    exitDate: stay.exitDate ?? null,
    dob: stay.dob,
    projectType: project.projectType,
    today,
  })
}

/** A client the actor may see (else 404 + denied audit), of the project's CoC; their date of birth. */
export async function loadEnrollableClientDob(
  context: EnrollmentContext,
  project: { cocId: string },
  clientId: string,
  action: string,
): Promise<string | null> {
  const client = await loadVisibleClient({ ...context, clientId, action })
  if (client.cocId !== project.cocId)
    throw new AppError('unprocessable', 'The client belongs to another CoC than the project')
  const { dob } = await context.db
    .selectFrom('client')
    .select('dob')
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
  return dob
}

interface Stay {
  clientId: string
  projectId: string
  entryDate: string
  exitDate: string | null
}

/** 409 naming the client's enrollment in the project whose nights overlap this stay (exit = day after). */
export async function assertNoOverlap(
  db: Kysely<DB> | Transaction<DB>,
  stay: Stay,
  exceptId?: string,
): Promise<void> {
  const overlapping = await db
    .selectFrom('enrollment')
    .select(['id', 'entry_date as entryDate', 'exit_date as exitDate'])
    .where('client_id', '=', stay.clientId)
    .where('project_id', '=', stay.projectId)
    .$if(exceptId !== undefined, (query) => query.where('id', '<>', exceptId as string))
    .where(
      sql<boolean>`daterange(entry_date, exit_date, '[)') && daterange(${stay.entryDate}::date, ${stay.exitDate}::date, '[)')`,
    )
    .executeTakeFirst()
  if (overlapping) {
    const until = overlapping.exitDate ? `to ${overlapping.exitDate}` : '(still open)'
    throw new AppError(
      'conflict',
      `The client is already enrolled in this project from ${overlapping.entryDate} ${until}: enrollment ${overlapping.id}`,
      {
        enrollmentId: overlapping.id,
        clientId: stay.clientId,
        entryDate: overlapping.entryDate,
        exitDate: overlapping.exitDate,
      },
    )
  }
}

/** The database's exclusion constraint caught a race the check above could not: same answer. */
export async function explainOverlap(db: Kysely<DB>, error: unknown, stays: readonly Stay[]): Promise<never> {
  if ((error as { code?: string }).code === '23P01') {
    for (const stay of stays) await assertNoOverlap(db, stay)
  }
  throw error
}

export interface NewMemberStay {
  enrollmentHouseholdId: string
  project: ProjectForEnrollment
  clientId: string
  relationshipToHoh: number
  entryDate: string
  enrollmentCoc: string | null
  disablingCondition?: number
  priorLivingSituation?: PriorLivingSituation
  projectStart?: StageAnswers
}

/**
 * Whether these clients may begin a stay in the project on `entryDate`: no overlapping stay there, and no
 * bar from it active on the day the stay begins.
 */
export async function assertMembersMayStart(
  db: Kysely<DB> | Transaction<DB>,
  project: ProjectForEnrollment,
  clientIds: readonly string[],
  entryDate: string,
): Promise<void> {
  for (const clientId of clientIds)
    await assertNoOverlap(db, { clientId, projectId: project.id, entryDate, exitDate: null })
  for (const clientId of clientIds)
    await assertNotBarred(db, { clientId, projectId: project.id, placeName: project.name, today: entryDate })
}

/** One HUD household in the project with an enrollment per member, audited with `details`. */
export async function insertHouseholdEnrollments(
  trx: Transaction<DB>,
  actor: UserActor,
  household: {
    project: ProjectForEnrollment
    entryDate: string
    members: Omit<NewMemberStay, 'enrollmentHouseholdId' | 'project' | 'entryDate'>[]
    details?: Record<string, unknown>
  },
): Promise<{ householdId: string; enrollmentIds: string[] }> {
  const { project, entryDate, members } = household
  const { id: householdId } = await trx
    .insertInto('enrollment_household')
    .values({
      project_id: project.id,
      coc_id: project.cocId,
      owner_organization_id: actor.organizationId,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, actor, {
    action: 'enrollment_household.create',
    entityType: 'enrollment_household',
    entityId: householdId,
    details: {
      projectId: project.id,
      clientIds: members.map((member) => member.clientId),
      ...household.details,
    },
  })
  const enrollmentIds: string[] = []
  for (const member of members) {
    enrollmentIds.push(
      await insertMemberEnrollment(trx, actor, {
        ...member,
        enrollmentHouseholdId: householdId,
        project,
        entryDate,
      }),
    )
  }
  return { householdId, enrollmentIds }
}

/** Inserts one member's enrollment with its project-start records, audited with the fields recorded. */
export async function insertMemberEnrollment(
  trx: Transaction<DB>,
  actor: UserActor,
  stay: NewMemberStay,
): Promise<string> {
  const { id } = await trx
    .insertInto('enrollment')
    .values({
      enrollment_household_id: stay.enrollmentHouseholdId,
      client_id: stay.clientId,
      project_id: stay.project.id,
      relationship_to_hoh: stay.relationshipToHoh,
      entry_date: stay.entryDate,
      enrollment_coc: stay.enrollmentCoc,
      ...(stay.disablingCondition !== undefined && { disabling_condition: stay.disablingCondition }),
      ...priorLivingSituationColumns(stay.priorLivingSituation ?? null),
      owner_organization_id: actor.organizationId,
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (stay.projectStart) {
    await insertStageRecord(trx, actor, {
      enrollmentId: id,
      stage: DATA_COLLECTION_STAGES.projectStart,
      informationDate: stay.entryDate,
      answers: stay.projectStart,
    })
  }
  const given = {
    enrollmentCoc: stay.enrollmentCoc,
    disablingCondition: stay.disablingCondition,
    priorLivingSituation: stay.priorLivingSituation,
  }
  const fields = [
    'projectId',
    'entryDate',
    'relationshipToHoh',
    ...Object.keys(given).filter((field) => given[field as keyof typeof given] != null),
  ]
  await recordAudit(trx, actor, {
    action: 'enrollment.create',
    entityType: 'enrollment',
    entityId: id,
    details: {
      clientId: stay.clientId,
      enrollmentHouseholdId: stay.enrollmentHouseholdId,
      fields,
      projectStart: stay.projectStart ? answeredParts(stay.projectStart) : [],
    },
  })
  return id
}

export interface MemberExit {
  enrollmentId: string
  exitDate: string
  destination: number
  destinationSubsidyType: number | null
  otherDestination: string | null
  projectExit?: StageAnswers
}

/** Closes one enrollment with its destination and project-exit records, audited. */
export async function writeMemberExit(
  trx: Transaction<DB>,
  actor: UserActor,
  exit: MemberExit,
  action: string,
) {
  const updated = await trx
    .updateTable('enrollment')
    .set({
      exit_date: exit.exitDate,
      destination: exit.destination,
      destination_subsidy_type: exit.destinationSubsidyType,
      other_destination: exit.otherDestination,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: actor.userId,
    })
    .where('id', '=', exit.enrollmentId)
    .where('exit_date', 'is', null)
    .executeTakeFirst()
  if (updated.numUpdatedRows === 0n) throw new AppError('conflict', 'This member has already exited')
  if (exit.projectExit) {
    await insertStageRecord(trx, actor, {
      enrollmentId: exit.enrollmentId,
      stage: DATA_COLLECTION_STAGES.projectExit,
      informationDate: exit.exitDate,
      answers: exit.projectExit,
    })
  }
  await recordAudit(trx, actor, {
    action,
    entityType: 'enrollment',
    entityId: exit.enrollmentId,
    details: {
      fields: ['exitDate', 'destination', 'destinationSubsidyType', 'otherDestination'],
      projectExit: exit.projectExit ? answeredParts(exit.projectExit) : [],
    },
  })
}
