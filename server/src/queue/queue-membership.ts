import { CLOSED_QUEUE_STATUSES, PROJECT_TYPES, type QueueStatus } from '@threshold/core'
import type { Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { publishChange } from '../live/publish-change'
import { refreshQueueEligibility } from './queue-eligibility'
import { factColumns, loadQueueFacts } from './queue-facts'
import { recordQueuePositions } from './queue-history'
import { syncRankKeys } from './queue-order'

// Joining and leaving the Housing Queue, for the CE workflow (placing, refreshing, exiting) and referrals
// (referred, housed). The callers have checked the actor's access to the household; these functions keep
// the queue's own rules: facts refreshed, status rules, position history, audit and the live change.

export const QUEUE_CHANNEL = 'queue'

const dayOf = (now: Date) => now.toISOString().slice(0, 10)
const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null)

interface EntryRow {
  id: string
  coc_id: string
  ce_project_id: string
  status: QueueStatus
  version: number
}

async function announce(trx: Transaction<DB>, entry: EntryRow, version: number): Promise<void> {
  await publishChange(trx, QUEUE_CHANNEL, {
    queueEntryId: entry.id,
    cocId: entry.coc_id,
    ceProjectId: entry.ce_project_id,
    version,
  })
}

/**
 * 'ready' needs a complete document checklist for at least one program type; without one the household
 * waits as 'incomplete_documentation', and moves to 'ready' by itself once its documents are complete.
 */
function statusForDocuments(status: QueueStatus, facts: { documentsCompleteFor: readonly string[] }) {
  const complete = facts.documentsCompleteFor.length > 0
  if (status === 'ready' && !complete) return 'incomplete_documentation'
  if (status === 'incomplete_documentation' && complete) return 'ready'
  return status
}

/** Places a CE enrollment household on its CoC's queue (idempotent: an existing entry is returned as is). */
export async function placeOnQueue(
  trx: Transaction<DB>,
  input: { actor: Actor; enrollmentHouseholdId: string; now: Date },
): Promise<{ queueEntryId: string }> {
  const household = await trx
    .selectFrom('enrollment_household as eh')
    .innerJoin('project as p', 'p.id', 'eh.project_id')
    .select(['eh.id', 'eh.coc_id', 'eh.project_id', 'eh.owner_organization_id', 'p.project_type'])
    .where('eh.id', '=', input.enrollmentHouseholdId)
    .executeTakeFirst()
  if (!household) throw new AppError('not_found', 'No such enrollment household')
  if (household.project_type !== PROJECT_TYPES.CE)
    throw new AppError('unprocessable', 'Only a Coordinated Entry (project type 14) enrollment can be queued')
  const existing = await trx
    .selectFrom('queue_entry')
    .select('id')
    .where('enrollment_household_id', '=', household.id)
    .executeTakeFirst()
  if (existing) return { queueEntryId: existing.id }

  const today = dayOf(input.now)
  const facts = await loadQueueFacts(trx, household.id, today)
  if (!facts) throw new AppError('unprocessable', 'The enrollment household has no members')
  const head = await trx
    .selectFrom('enrollment')
    .select('created_by')
    .where('id', '=', facts.headEnrollmentId)
    .executeTakeFirstOrThrow()
  const inserted = await trx
    .insertInto('queue_entry')
    .values({
      coc_id: household.coc_id,
      ce_project_id: household.project_id,
      enrollment_household_id: household.id,
      owner_organization_id: household.owner_organization_id,
      status: 'pending_review',
      status_changed_at: input.now,
      placed_at: input.now,
      placed_by: userIdOf(input.actor),
      assigned_user_id: facts.caseManagerUserId ?? head.created_by,
      ...factColumns(facts, today),
    })
    // Two placements racing: the second finds the first's row.
    .onConflict((conflict) => conflict.column('enrollment_household_id').doNothing())
    .returning(['id', 'coc_id', 'ce_project_id', 'status', 'version'])
    .executeTakeFirst()
  if (!inserted) {
    const raced = await trx
      .selectFrom('queue_entry')
      .select('id')
      .where('enrollment_household_id', '=', household.id)
      .executeTakeFirstOrThrow()
    return { queueEntryId: raced.id }
  }
  await refreshQueueEligibility(trx, { cocId: inserted.coc_id, entryIds: [inserted.id], asOf: today })
  await syncRankKeys(trx, inserted.coc_id, [inserted.id])
  await recordQueuePositions(trx, {
    cocId: inserted.coc_id,
    entryIds: [inserted.id],
    event: 'placed',
    actorUserId: userIdOf(input.actor),
    now: input.now,
  })
  await recordAudit(trx, input.actor, {
    action: 'queue.placed',
    entityType: 'queue_entry',
    entityId: inserted.id,
    details: { enrollmentHouseholdId: household.id, ceProjectId: household.project_id },
  })
  await announce(trx, inserted, inserted.version)
  return { queueEntryId: inserted.id }
}

/** Recomputes a queued household's facts after its data changed (a no-op when it is not queued). */
export async function refreshQueueEntry(
  trx: Transaction<DB>,
  input: { enrollmentHouseholdId: string; now: Date },
): Promise<void> {
  const entry = await trx
    .selectFrom('queue_entry')
    .select(['id', 'coc_id', 'ce_project_id', 'status', 'version'])
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .forUpdate()
    .executeTakeFirst()
  if (!entry) return
  const today = dayOf(input.now)
  const facts = await loadQueueFacts(trx, input.enrollmentHouseholdId, today)
  if (!facts) return
  const status = statusForDocuments(entry.status, facts)
  const statusChanged = status !== entry.status
  const version = statusChanged ? entry.version + 1 : entry.version
  await trx
    .updateTable('queue_entry')
    .set({
      ...factColumns(facts, today),
      ...(statusChanged && {
        status,
        status_changed_at: input.now,
        status_reason: 'document checklist',
        version,
      }),
    })
    .where('id', '=', entry.id)
    .execute()
  await refreshQueueEligibility(trx, { cocId: entry.coc_id, entryIds: [entry.id], asOf: today })
  await syncRankKeys(trx, entry.coc_id, [entry.id])
  await recordQueuePositions(trx, {
    cocId: entry.coc_id,
    entryIds: [entry.id],
    event: statusChanged ? 'status_changed' : 'refreshed',
    actorUserId: null,
    now: input.now,
  })
  await announce(trx, entry, version)
}

/**
 * Sets a queued household's status. `expectedVersion` (the version the user saw) turns a concurrent change
 * into a 409; 'inactive' records the day it began; a household that left the queue stays closed.
 */
export async function changeQueueStatus(
  trx: Transaction<DB>,
  input: {
    actor: Actor
    queueEntryId: string
    status: QueueStatus
    reason?: string | null
    now: Date
    expectedVersion?: number
  },
): Promise<void> {
  const entry = await trx
    .selectFrom('queue_entry')
    .select(['id', 'coc_id', 'ce_project_id', 'status', 'version', 'documents_complete_for'])
    .where('id', '=', input.queueEntryId)
    .forUpdate()
    .executeTakeFirst()
  if (!entry) throw new AppError('not_found', 'No such queue entry')
  if (input.expectedVersion !== undefined && input.expectedVersion !== entry.version)
    throw new AppError('conflict', 'The queue entry was changed by someone else; reload it', {
      currentVersion: entry.version,
    })
  if (CLOSED_QUEUE_STATUSES.includes(entry.status) && entry.status !== input.status)
    throw new AppError('conflict', `The household has left the queue (${entry.status})`)
  const status = statusForDocuments(input.status, { documentsCompleteFor: entry.documents_complete_for })
  const reason = input.reason ?? (status !== input.status ? 'document checklist incomplete' : null)
  const version = entry.version + 1
  await trx
    .updateTable('queue_entry')
    .set({
      status,
      status_reason: reason,
      status_changed_at: input.now,
      inactive_since: status === 'inactive' ? dayOf(input.now) : null,
      version,
    })
    .where('id', '=', entry.id)
    .execute()
  await syncRankKeys(trx, entry.coc_id, [entry.id])
  await recordQueuePositions(trx, {
    cocId: entry.coc_id,
    entryIds: [entry.id],
    event: CLOSED_QUEUE_STATUSES.includes(status) ? 'left_queue' : 'status_changed',
    actorUserId: userIdOf(input.actor),
    now: input.now,
  })
  await recordAudit(trx, input.actor, {
    action: 'queue.status_changed',
    entityType: 'queue_entry',
    entityId: entry.id,
    details: { from: entry.status, to: status },
  })
  await announce(trx, entry, version)
}

/** The household left the queue: its CE enrollment was exited, or it was housed (no-op when not queued). */
export async function leaveQueue(
  trx: Transaction<DB>,
  input: { actor: Actor; enrollmentHouseholdId: string; status: 'exited' | 'housed'; now: Date },
): Promise<void> {
  const entry = await trx
    .selectFrom('queue_entry')
    .select(['id', 'status'])
    .where('enrollment_household_id', '=', input.enrollmentHouseholdId)
    .executeTakeFirst()
  if (!entry || CLOSED_QUEUE_STATUSES.includes(entry.status)) return
  await changeQueueStatus(trx, {
    actor: input.actor,
    queueEntryId: entry.id,
    status: input.status,
    reason: input.status === 'exited' ? 'CE enrollment exited' : 'housed',
    now: input.now,
  })
}
