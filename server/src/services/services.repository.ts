import type { ServiceRecord } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { decimalToNumber } from './service-types.repository'

/** Live (not deleted) service records with their catalogue entry, agency and recorder. */
export function serviceRecordQuery(db: Kysely<DB>) {
  return db
    .selectFrom('service_record as sr')
    .innerJoin('service_type as st', 'st.id', 'sr.service_type_id')
    .innerJoin('organization as o', 'o.id', 'sr.owner_organization_id')
    .leftJoin('app_user as u', 'u.id', 'sr.created_by')
    .select([
      'sr.id',
      'sr.enrollment_id as enrollmentId',
      'sr.client_id as clientId',
      'sr.batch_id as batchId',
      'sr.provided_on as date',
      'sr.quantity',
      'sr.amount',
      'sr.funder',
      'sr.funding_source as fundingSource',
      'sr.note',
      'sr.created_at as createdAt',
      'st.id as serviceTypeId',
      'st.name as serviceTypeName',
      'st.category',
      'st.assistance_kind as assistanceKind',
      'st.unit',
      'o.id as organizationId',
      'o.name as organizationName',
      'u.id as createdById',
      'u.display_name as createdByName',
    ])
    .where('sr.deleted_at', 'is', null)
    .orderBy('sr.provided_on', 'desc')
    .orderBy('sr.created_at', 'desc')
    .orderBy('sr.id')
}

type ServiceRecordRow = Awaited<ReturnType<ReturnType<typeof serviceRecordQuery>['executeTakeFirstOrThrow']>>

export function toServiceRecord(row: ServiceRecordRow): ServiceRecord {
  return {
    id: row.id,
    enrollmentId: row.enrollmentId,
    clientId: row.clientId,
    batchId: row.batchId,
    date: row.date,
    serviceType: {
      id: row.serviceTypeId,
      name: row.serviceTypeName,
      category: row.category,
      assistanceKind: row.assistanceKind,
      unit: row.unit,
    },
    quantity: decimalToNumber(row.quantity),
    amount: decimalToNumber(row.amount),
    funder: row.funder,
    fundingSource: row.fundingSource,
    note: row.note,
    organization: { id: row.organizationId, name: row.organizationName },
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  }
}
