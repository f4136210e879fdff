import type { BedState, NewOpening, Opening } from '@threshold/core'
import { sql } from 'kysely'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canSeeProject } from '../access/policy'
import {
  canCloseOpening,
  canCreateCeReferral,
  canPostOpening,
  canRequestReferral,
  canSeeOpening,
} from '../access/referral-policy'
import { recordAudit } from '../audit/record-audit'
import { selectBedStatesNow } from '../beds/beds.repository'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import { notifyUsers, usersWithRoles } from '../notifications/notify'
import type { Executor, ReferralContext } from './referrals.repository'

// Openings: what a household is referred to. Not personal data; every CoC member sees its CoC's.

export interface OpeningRow {
  id: string
  cocId: string
  organizationId: string
  projectId: string
  projectName: string
  projectType: number
  organizationName: string
  capacity: number
  unitId: string | null
  bedId: string | null
  eligibilitySummary: string | null
  availableOn: string
  closedAt: Date | null
  createdAt: Date
  slotsTaken: number
  slotsFilled: number
}

function selectOpenings(db: Executor) {
  return db
    .selectFrom('referral_opening as o')
    .innerJoin('project as p', 'p.id', 'o.project_id')
    .innerJoin('organization as org', 'org.id', 'o.organization_id')
    .select([
      'o.id',
      'o.coc_id as cocId',
      'o.organization_id as organizationId',
      'o.project_id as projectId',
      'p.name as projectName',
      'p.project_type as projectType',
      'org.name as organizationName',
      'o.capacity',
      'o.unit_id as unitId',
      'o.bed_id as bedId',
      'o.eligibility_summary as eligibilitySummary',
      'o.available_on as availableOn',
      'o.closed_at as closedAt',
      'o.created_at as createdAt',
      sql<number>`(SELECT count(*)::int FROM referral r WHERE r.opening_id = o.id
        AND r.status IN ('pending', 'acknowledged', 'accepted', 'enrolled'))`.as('slotsTaken'),
      sql<number>`(SELECT count(*)::int FROM referral r WHERE r.opening_id = o.id AND r.status = 'enrolled')`.as(
        'slotsFilled',
      ),
    ])
}

export function loadOpening(db: Executor, id: string): Promise<OpeningRow | undefined> {
  return selectOpenings(db).where('o.id', '=', id).executeTakeFirst()
}

export function loadVisibleOpening(context: ReferralContext, id: string, action: string) {
  return loadVisible({
    db: context.db,
    actor: context.actor,
    entityType: 'referral_opening',
    id,
    action,
    load: loadOpening,
    canSee: canSeeOpening,
    label: 'opening',
  })
}

function presentOpening(context: ReferralContext, row: OpeningRow): Opening {
  return {
    id: row.id,
    project: { id: row.projectId, name: row.projectName, projectType: row.projectType },
    organization: { id: row.organizationId, name: row.organizationName },
    capacity: row.capacity,
    slotsTaken: row.slotsTaken,
    slotsFilled: row.slotsFilled,
    unitId: row.unitId,
    bedId: row.bedId,
    eligibilitySummary: row.eligibilitySummary,
    availableOn: row.availableOn,
    closed: row.closedAt !== null,
    createdAt: row.createdAt.toISOString(),
    canRefer:
      canCreateCeReferral(context.actor, row) && row.closedAt === null && row.slotsTaken < row.capacity,
  }
}

export async function getOpening(context: ReferralContext, id: string): Promise<Opening> {
  return presentOpening(context, await loadVisibleOpening(context, id, 'referral_opening.read'))
}

export async function listOpenings(
  context: ReferralContext,
  query: { projectId?: string; includeClosed?: 'true' | 'false' },
): Promise<Opening[]> {
  const actor = context.actor
  if (actor.kind !== 'user') return []
  const rows = await selectOpenings(context.db)
    .where('o.coc_id', '=', actor.cocId)
    .$if(query.projectId !== undefined, (q) => q.where('o.project_id', '=', query.projectId as string))
    .$if(query.includeClosed !== 'true', (q) => q.where('o.closed_at', 'is', null))
    .orderBy('o.available_on')
    .orderBy('o.created_at')
    .limit(500)
    .execute()
  return rows.map((row) => presentOpening(context, row))
}

const ACTION_CREATE = 'referral_opening.create'

/** A provider posts an opening for their project (CE on their behalf); a unit or bed must be the project's. */
export async function createOpening(context: ReferralContext, input: NewOpening): Promise<Opening> {
  const { db } = context
  const actor = userActor(context.actor)
  const project = await loadVisible({
    db,
    actor,
    entityType: 'project',
    id: input.projectId,
    action: ACTION_CREATE,
    load: (database, id) =>
      database
        .selectFrom('project')
        .select(['id', 'coc_id as cocId', 'organization_id as organizationId', 'project_type as projectType'])
        .where('id', '=', id)
        .executeTakeFirst(),
    canSee: canSeeProject,
  })
  await assertPermitted(db, actor, canPostOpening(actor, project), {
    action: ACTION_CREATE,
    entityType: 'project',
    entityId: project.id,
    message: 'Only the agency operating the project or Coordinated Entry posts its openings',
  })
  if (project.projectType === 14)
    throw new AppError('unprocessable', 'A Coordinated Entry project does not receive referrals')
  if (input.bedId) {
    const bed = await db
      .selectFrom('bed')
      .select(['project_id', 'unit_id'])
      .where('id', '=', input.bedId)
      .executeTakeFirst()
    if (!bed || bed.project_id !== project.id)
      throw new AppError('unprocessable', 'The bed must be one of the project’s beds')
    if (input.unitId && input.unitId !== bed.unit_id)
      throw new AppError('unprocessable', 'The bed is not in that unit')
  } else if (input.unitId) {
    const unit = await db
      .selectFrom('bed')
      .select('id')
      .where('unit_id', '=', input.unitId)
      .where('project_id', '=', project.id)
      .executeTakeFirst()
    if (!unit) throw new AppError('unprocessable', 'The unit must hold beds of the project')
  }
  if (input.bedId || input.unitId) await assertLinkCanTakeReferral(context, project.id, input)
  const id = await db.transaction().execute(async (trx) => {
    const opening = await trx
      .insertInto('referral_opening')
      .values({
        coc_id: project.cocId,
        project_id: project.id,
        organization_id: project.organizationId,
        capacity: input.capacity ?? 1,
        unit_id: input.unitId ?? null,
        bed_id: input.bedId ?? null,
        eligibility_summary: input.eligibilitySummary || null,
        available_on: input.availableOn,
        posted_by: actor.userId,
        posted_by_organization_id: actor.organizationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: ACTION_CREATE,
      entityType: 'referral_opening',
      entityId: opening.id,
      details: { projectId: project.id, capacity: input.capacity ?? 1 },
    })
    return opening.id
  })
  return presentOpening(context, (await loadOpening(db, id)) as OpeningRow)
}

const REFERRABLE_STATES: readonly BedState[] = ['available', 'occupied_accepting']

/**
 * A linked bed must be able to take the referred household: available now, or occupied with its resident
 * expected to leave (accepting referrals). A linked unit needs at least one such bed of the project.
 */
async function assertLinkCanTakeReferral(
  context: ReferralContext,
  projectId: string,
  link: { bedId?: string; unitId?: string },
): Promise<void> {
  const states = await selectBedStatesNow(context.db, context.clock.now(), todayFrom(context.clock))
    .select(['bed.name'])
    .where('bed.project_id', '=', projectId)
    .$if(link.bedId !== undefined, (query) => query.where('bed.id', '=', link.bedId as string))
    .$if(link.bedId === undefined, (query) => query.where('bed.unit_id', '=', link.unitId as string))
    .orderBy('bed.name')
    .execute()
  if (states.some((bed) => REFERRABLE_STATES.includes(bed.state))) return
  const [bed] = states
  if (link.bedId && bed)
    throw new AppError(
      'unprocessable',
      `Bed ${bed.name} cannot take a referral: it is ${BED_STATE_WORDS[bed.state]}. Link a bed that is ` +
        'available, or occupied with an expected vacancy date (accepting referrals)',
    )
  throw new AppError(
    'unprocessable',
    'No bed of that unit can take a referral: each is offline, held, out of service, or occupied without ' +
      'an expected vacancy date',
  )
}

const BED_STATE_WORDS: Record<BedState, string> = {
  available: 'available',
  occupied_accepting: 'occupied and accepting referrals',
  occupied: 'occupied with no expected vacancy date',
  held: 'held for another household',
  offline: 'offline',
  inactive: 'out of service',
}

/** No more referrals to it (those already made continue). */
export async function closeOpening(context: ReferralContext, id: string): Promise<Opening> {
  const { db } = context
  const actor = userActor(context.actor)
  const action = 'referral_opening.close'
  const opening = await loadVisibleOpening(context, id, action)
  await assertPermitted(db, actor, canCloseOpening(actor, opening), {
    action,
    entityType: 'referral_opening',
    entityId: id,
    message: 'Only the agency operating the project or Coordinated Entry closes its openings',
  })
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('referral_opening')
      .set({ closed_at: context.clock.now(), updated_at: context.clock.now() })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .execute()
    await recordAudit(trx, actor, { action, entityType: 'referral_opening', entityId: id })
  })
  return presentOpening(context, (await loadOpening(db, id)) as OpeningRow)
}

/** A provider asks Coordinated Entry to refer a household to their opening: CE managers are notified. */
export async function requestReferral(context: ReferralContext, id: string): Promise<{ notified: number }> {
  const { db } = context
  const actor = userActor(context.actor)
  const action = 'referral_opening.request_referral'
  const opening = await loadVisibleOpening(context, id, action)
  await assertPermitted(db, actor, canRequestReferral(actor, opening), {
    action,
    entityType: 'referral_opening',
    entityId: id,
    message: 'Only the agency operating the project requests referrals to it',
  })
  if (opening.closedAt) throw new AppError('conflict', 'The opening is closed')
  return db.transaction().execute(async (trx) => {
    const recipients = await usersWithRoles(trx, { cocId: opening.cocId, roles: ['ce_manager'] })
    await notifyUsers(trx, recipients, {
      kind: 'referral_requested',
      openingId: id,
      message: `${opening.organizationName} asks for a referral to ${opening.projectName}`,
      at: context.clock.now(),
    })
    await recordAudit(trx, actor, {
      action,
      entityType: 'referral_opening',
      entityId: id,
      details: { notified: recipients.length },
    })
    return { notified: recipients.length }
  })
}
