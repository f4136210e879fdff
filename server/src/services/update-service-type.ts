import type { ServiceType, ServiceTypePatch } from '@threshold/core'
import { sql } from 'kysely'
import { canManageServiceCatalogue, canSeeServiceCatalogue } from '../access/case-note-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from './service-access'
import {
  assertConsistentServiceType,
  explainServiceTypeConflict,
  loadServiceType,
  toServiceType,
} from './service-types.repository'

const ACTION = 'service_type.update'

/** Changes a catalogue entry (deactivating keeps the services already recorded with it). */
export async function updateServiceType(
  context: CaseManagementContext,
  id: string,
  patch: ServiceTypePatch,
): Promise<ServiceType> {
  const { db } = context
  const actor = userActor(context.actor)
  const current = await loadVisible({
    db,
    actor,
    entityType: 'service_type',
    id,
    action: ACTION,
    label: 'service type',
    load: loadServiceType,
    canSee: (viewer, type) => canSeeServiceCatalogue(viewer, { id: type.organization_id, cocId: type.cocId }),
  })
  const organization = { id: current.organization_id, cocId: current.cocId }
  await assertPermitted(db, actor, canManageServiceCatalogue(actor, organization), {
    action: ACTION,
    entityType: 'service_type',
    entityId: id,
    message: 'Only agency administrators and CoC administrators manage the service catalogue',
  })
  const next = {
    category: patch.category ?? current.category,
    assistanceKind: patch.assistanceKind === undefined ? current.assistance_kind : patch.assistanceKind,
    unit: patch.unit ?? current.unit,
    hudRecordType: patch.hudRecordType === undefined ? current.hud_record_type : patch.hudRecordType,
    hudTypeProvided: patch.hudTypeProvided === undefined ? current.hud_type_provided : patch.hudTypeProvided,
  }
  assertConsistentServiceType(next)
  const row = await db
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable('service_type')
        .set({
          name: patch.name,
          category: patch.category,
          assistance_kind: patch.assistanceKind,
          unit: patch.unit,
          default_value: patch.defaultValue,
          active: patch.active,
          hud_record_type: patch.hudRecordType,
          hud_type_provided: patch.hudTypeProvided,
          updated_at: sql`now()`,
          updated_by: actor.userId,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'service_type',
        entityId: id,
        details: { fields: Object.keys(patch) },
      })
      return updated
    })
    .catch((error) => {
      throw explainServiceTypeConflict(error)
    })
  return toServiceType(row)
}
