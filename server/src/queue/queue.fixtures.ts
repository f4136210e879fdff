import type { Kysely } from 'kysely'
import { type Actor, systemActor } from '../access/actor'
import type { Restriction } from '../clients/client.tables'
import type { DB } from '../db/schema'
import { insertTestClient } from '../households/household.fixtures'
import { placeOnQueue } from './queue-membership'

// Queued households straight in the database: a client, a CE (type 14) enrollment household headed by them,
// an optional CE assessment with a score, and the household placed on the queue.

export interface QueuedHouseholdSpec {
  cocId: string
  ownerOrganizationId: string
  ceProjectId: string
  firstName: string
  lastName?: string
  dob?: string
  restriction?: Restriction
  /** Owner of the client record when it is not the agency that enrolled them in CE. */
  clientOwnerOrganizationId?: string
  entryDate?: string
  score?: number | null
  /** Disabled and homeless on the street for over a year: chronically homeless. */
  chronic?: boolean
  veteran?: boolean
  documents?: string[]
  now?: Date
  actor?: Actor
}

export async function insertQueuedHousehold(db: Kysely<DB>, spec: QueuedHouseholdSpec) {
  const entryDate = spec.entryDate ?? '2026-01-05'
  const clientId = await insertTestClient(db, {
    cocId: spec.cocId,
    ownerOrganizationId: spec.clientOwnerOrganizationId ?? spec.ownerOrganizationId,
    firstName: spec.firstName,
    lastName: spec.lastName ?? 'Queued',
    dob: spec.dob ?? '1980-03-04',
    restriction: spec.restriction ?? 'open',
  })
  if (spec.veteran !== undefined)
    await db
      .updateTable('client')
      .set({ veteran_status: spec.veteran ? 1 : 0 })
      .where('id', '=', clientId)
      .execute()
  const household = await db
    .insertInto('enrollment_household')
    .values({
      project_id: spec.ceProjectId,
      coc_id: spec.cocId,
      owner_organization_id: spec.ownerOrganizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: spec.ceProjectId,
      relationship_to_hoh: 1,
      entry_date: entryDate,
      disabling_condition: spec.chronic ? 1 : 0,
      living_situation: 116,
      date_to_street_essh: spec.chronic ? '2024-06-01' : '2025-12-01',
      owner_organization_id: spec.ownerOrganizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (spec.score !== undefined && spec.score !== null)
    await db
      .insertInto('ce_assessment')
      .values({
        enrollment_id: enrollment.id,
        assessment_date: entryDate,
        assessment_location_project_id: spec.ceProjectId,
        assessment_type: 3,
        assessment_level: 2,
        prioritization_status: 1,
        score: spec.score,
        owner_organization_id: spec.ownerOrganizationId,
      })
      .execute()
  for (const type of spec.documents ?? []) await insertCeDocument(db, household.id, spec, type)
  const now = spec.now ?? new Date('2026-02-01T12:00:00Z')
  const { queueEntryId } = await db
    .transaction()
    .execute((trx) =>
      placeOnQueue(trx, { actor: spec.actor ?? systemActor, enrollmentHouseholdId: household.id, now }),
    )
  return { clientId, householdId: household.id, enrollmentId: enrollment.id, queueEntryId }
}

/** A CE document of the household (the CE workflow's upload, minus the workflow). */
export async function insertCeDocument(
  db: Kysely<DB>,
  householdId: string,
  spec: Pick<QueuedHouseholdSpec, 'cocId' | 'ownerOrganizationId'>,
  documentType: string,
) {
  const head = await db
    .selectFrom('enrollment')
    .select('client_id')
    .where('enrollment_household_id', '=', householdId)
    .where('relationship_to_hoh', '=', 1)
    .executeTakeFirstOrThrow()
  let workflow = await db
    .selectFrom('ce_workflow')
    .select('id')
    .where('enrollment_household_id', '=', householdId)
    .executeTakeFirst()
  if (!workflow) {
    const caseManager = await db
      .selectFrom('membership')
      .select('user_id')
      .where('organization_id', '=', spec.ownerOrganizationId)
      .executeTakeFirstOrThrow()
    workflow = await db
      .insertInto('ce_workflow')
      .values({
        enrollment_household_id: householdId,
        coc_id: spec.cocId,
        head_client_id: head.client_id,
        case_manager_user_id: caseManager.user_id,
        owner_organization_id: spec.ownerOrganizationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  }
  await db
    .insertInto('ce_document')
    .values({
      workflow_id: workflow.id,
      enrollment_household_id: householdId,
      document_type: documentType,
      file_name: `${documentType}.pdf`,
      content_type: 'application/pdf',
      size_bytes: 4,
      content: Buffer.from('%PDF'),
      owner_organization_id: spec.ownerOrganizationId,
    })
    .execute()
}
