import { type ServiceType, type ServiceTypeDefinition, serviceTypeProblems } from '@threshold/core'
import type { Kysely, Selectable } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import type { ServiceTypeTable } from './service.tables'

/** numeric(12,2) as a JSON number rounded to cents. */
export function decimalToNumber(value: string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 100) / 100
}

/** A catalogue entry with its organization's CoC (what the catalogue rules need). */
export type ServiceTypeState = Selectable<ServiceTypeTable> & { cocId: string }

export function loadServiceType(db: Kysely<DB>, id: string): Promise<ServiceTypeState | undefined> {
  return db
    .selectFrom('service_type')
    .innerJoin('organization', 'organization.id', 'service_type.organization_id')
    .selectAll('service_type')
    .select('organization.coc_id as cocId')
    .where('service_type.id', '=', id)
    .executeTakeFirst()
}

export function toServiceType(row: Selectable<ServiceTypeTable>): ServiceType {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    category: row.category,
    assistanceKind: row.assistance_kind,
    unit: row.unit,
    defaultValue: decimalToNumber(row.default_value),
    active: row.active,
    hudRecordType: row.hud_record_type,
    hudTypeProvided: row.hud_type_provided,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/** 422 naming every inconsistent field (financial assistance in dollars, a HUD mapping that exists…). */
export function assertConsistentServiceType(definition: ServiceTypeDefinition): void {
  const problems = Object.entries(serviceTypeProblems(definition))
  const [first] = problems
  if (first) {
    throw new AppError(
      'unprocessable',
      `${first[0]}: ${first[1]}`,
      problems.map(([path, message]) => ({ path, message })),
    )
  }
}

/** A second entry with the same name in one catalogue is a 409 that says so. */
export function explainServiceTypeConflict(error: unknown): unknown {
  if ((error as { constraint?: string }).constraint === 'service_type_name')
    return new AppError('conflict', 'Your catalogue already has a service with this name')
  return error
}
