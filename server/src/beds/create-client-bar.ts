import type { ClientBar, NewClientBar } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canManageBar } from '../access/bed-policy'
import { canSeeClientIdentity } from '../access/client-policy'
import { loadClientAccessFacts, todayFrom } from '../access/client-visibility'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { presentBar, selectBars } from './bar.repository'

const ACTION = 'client_bar.create'

/**
 * Bars a client from a project, a facility or a service of the CoC, enforced by the agencies named. While it
 * lasts, enrollment, reservation and check-in there are refused with its reason.
 */
export async function createClientBar({
  db,
  actor,
  clock,
  clientId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientId: string
  input: NewClientBar
}): Promise<ClientBar> {
  const today = todayFrom(clock)
  const client = await loadVisible({
    db,
    actor,
    entityType: 'client',
    id: clientId,
    action: ACTION,
    load: (database, id) => loadClientAccessFacts(database, actor, id, today),
    canSee: canSeeClientIdentity,
  })
  const enforcingOrganizationIds = [...new Set(input.enforcingOrganizationIds)]
  await assertTargetsInCoc(db, client.cocId, input, enforcingOrganizationIds)
  await assertPermitted(db, actor, canManageBar(actor, { cocId: client.cocId, enforcingOrganizationIds }), {
    action: ACTION,
    entityType: 'client',
    entityId: client.id,
    message:
      'Bars are set by staff of an enforcing agency, Coordinated Entry managers and CoC administrators',
  })
  const id = await db.transaction().execute(async (trx) => {
    const bar = await trx
      .insertInto('client_bar')
      .values({
        client_id: client.id,
        coc_id: client.cocId,
        project_id: input.projectId ?? null,
        facility_id: input.facilityId ?? null,
        service: input.service ?? null,
        begin_date: input.beginDate,
        end_date: input.endDate,
        enforcing_organization_ids: enforcingOrganizationIds,
        reason: input.reason,
        notes: input.notes,
        created_by: actor.kind === 'user' ? actor.userId : null,
        created_by_organization_id: actor.kind === 'user' ? actor.organizationId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: 'client_bar',
      entityId: bar.id,
      details: { clientId: client.id, fields: Object.keys(input) },
    })
    return bar.id
  })
  return presentBar(await selectBars(db, today).where('id', '=', id).executeTakeFirstOrThrow())
}

/** The barred project or facility and every enforcing agency belong to the client's CoC. */
async function assertTargetsInCoc(
  db: Kysely<DB>,
  cocId: string,
  input: NewClientBar,
  organizationIds: string[],
): Promise<void> {
  const problems: { path: string; message: string }[] = []
  if (input.projectId) {
    const project = await db
      .selectFrom('project')
      .select('id')
      .where('id', '=', input.projectId)
      .where('coc_id', '=', cocId)
      .executeTakeFirst()
    if (!project) problems.push({ path: 'body.projectId', message: "must be a project of the client's CoC" })
  }
  if (input.facilityId) {
    const facility = await db
      .selectFrom('facility')
      .select('id')
      .where('id', '=', input.facilityId)
      .where('coc_id', '=', cocId)
      .executeTakeFirst()
    if (!facility)
      problems.push({ path: 'body.facilityId', message: "must be a facility of the client's CoC" })
  }
  const organizations = await db
    .selectFrom('organization')
    .select('id')
    .where('id', 'in', organizationIds)
    .where('coc_id', '=', cocId)
    .execute()
  if (organizations.length !== organizationIds.length) {
    problems.push({
      path: 'body.enforcingOrganizationIds',
      message: "must all be agencies of the client's CoC",
    })
  }
  if (problems.length > 0) {
    throw new AppError('invalid_input', problems.map((problem) => problem.message).join('; '), problems)
  }
}
