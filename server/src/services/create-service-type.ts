import type { NewServiceType, ServiceType } from '@threshold/core'
import { canManageServiceCatalogue } from '../access/case-note-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { userActor } from '../http/app-context'
import type { CaseManagementContext } from './service-access'
import {
  assertConsistentServiceType,
  explainServiceTypeConflict,
  toServiceType,
} from './service-types.repository'

const ACTION = 'service_type.create'

/** A new entry in the actor's own organization's catalogue. */
export async function createServiceType(
  context: CaseManagementContext,
  input: NewServiceType,
): Promise<ServiceType> {
  const { db } = context
  const actor = userActor(context.actor)
  const organization = { id: actor.organizationId, cocId: actor.cocId }
  await assertPermitted(db, actor, canManageServiceCatalogue(actor, organization), {
    action: ACTION,
    entityType: 'organization',
    entityId: organization.id,
    message: 'Only agency administrators and CoC administrators manage the service catalogue',
  })
  assertConsistentServiceType(input)
  const row = await db
    .transaction()
    .execute(async (trx) => {
      const created = await trx
        .insertInto('service_type')
        .values({
          organization_id: organization.id,
          name: input.name,
          category: input.category,
          assistance_kind: input.assistanceKind,
          unit: input.unit,
          default_value: input.defaultValue,
          active: input.active,
          hud_record_type: input.hudRecordType,
          hud_type_provided: input.hudTypeProvided,
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordAudit(trx, actor, {
        action: ACTION,
        entityType: 'service_type',
        entityId: created.id,
        details: { organizationId: organization.id, fields: Object.keys(input) },
      })
      return created
    })
    .catch((error) => {
      throw explainServiceTypeConflict(error)
    })
  return toServiceType(row)
}
