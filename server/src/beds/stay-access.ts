import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { canOperateBeds, canSeeFacilityBoard } from '../access/bed-policy'
import { canSeeClientIdentity, canSeeClientProjectData } from '../access/client-policy'
import { loadClientAccessFacts } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError, notFound } from '../http/errors'
import { type BedFacts, findBed } from './beds.repository'

/** A bed the actor may run: 404 when it is missing or its board is hidden from them, 403 when only seen. */
export async function loadOperableBed(
  db: Kysely<DB>,
  actor: Actor,
  bedId: string,
  action: string,
): Promise<BedFacts> {
  const bed = await loadVisible({
    db,
    actor,
    entityType: 'bed',
    id: bedId,
    action,
    load: findBed,
    canSee: canSeeFacilityBoard,
  })
  await assertPermitted(db, actor, canOperateBeds(actor, bed), {
    action,
    entityType: 'bed',
    entityId: bed.id,
    message: `Only the staff of the agency that runs ${bed.facilityName} can do this`,
  })
  return bed
}

/**
 * Check-in needs an enrollment of this client in the bed's project that is open today (entry on or before
 * today, no exit date or one after today). Someone who may not see the client learns nothing: 404.
 */
export async function assertOpenEnrollment(
  db: Kysely<DB>,
  actor: Actor,
  stay: { clientId: string; enrollmentId: string },
  bed: BedFacts,
  today: string,
  action: string,
): Promise<void> {
  const facts = await loadClientAccessFacts(db, actor, stay.clientId, today)
  if (!facts) throw notFound('client')
  const enrollment = await db
    .selectFrom('enrollment')
    .select(['project_id as projectId', 'entry_date as entryDate', 'exit_date as exitDate'])
    .where('id', '=', stay.enrollmentId)
    .where('client_id', '=', stay.clientId)
    .executeTakeFirst()
  const open =
    enrollment !== undefined &&
    enrollment.projectId === bed.projectId &&
    enrollment.entryDate <= today &&
    (enrollment.exitDate === null || enrollment.exitDate > today)
  if (open) return
  if (!canSeeClientIdentity(actor, facts) && !canSeeClientProjectData(actor, facts)) {
    await recordAudit(db, actor, { action, entityType: 'client', entityId: stay.clientId, outcome: 'denied' })
    throw notFound('client')
  }
  throw new AppError(
    'unprocessable',
    `This client has no open enrollment in ${bed.projectName} on ${today}: enroll them in the project first, ` +
      'or check the entry and exit dates of the enrollment given',
    [{ path: 'body.enrollmentId', message: 'must be an open enrollment of the client in the bed’s project' }],
  )
}

export interface StayFacts {
  id: string
  clientId: string
  enrollmentId: string
  open: boolean
  bed: BedFacts
}

async function findStayFacts(db: Kysely<DB>, id: string): Promise<StayFacts | undefined> {
  const stay = await db
    .selectFrom('bed_stay')
    .select([
      'id',
      'bed_id as bedId',
      'client_id as clientId',
      'enrollment_id as enrollmentId',
      sql<boolean>`upper(during) IS NULL`.as('open'),
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  const bed = stay && (await findBed(db, stay.bedId))
  if (!stay || !bed) return undefined
  const { bedId: _bedId, ...rest } = stay
  return { ...rest, bed }
}

/** An open stay in a bed the actor may run (404 / 403 as for beds; 409 once it has ended). */
export async function loadOpenStay(db: Kysely<DB>, actor: Actor, stayId: string, action: string) {
  const stay = await loadVisible({
    db,
    actor,
    entityType: 'bed_stay',
    id: stayId,
    action,
    label: 'stay',
    load: findStayFacts,
    canSee: (viewer, found) => canSeeFacilityBoard(viewer, found.bed),
  })
  await assertPermitted(db, actor, canOperateBeds(actor, stay.bed), {
    action,
    entityType: 'bed_stay',
    entityId: stay.id,
    message: `Only the staff of the agency that runs ${stay.bed.facilityName} can do this`,
  })
  if (!stay.open) throw new AppError('conflict', 'This stay has already ended')
  return stay
}
