import type { ClientBar } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'

/** Bars as the API shows them; `active` is computed for `today`. */
export function selectBars(db: Kysely<DB>, today: string) {
  return db.selectFrom('client_bar').select([
    'id',
    'client_id as clientId',
    'coc_id as cocId',
    'project_id as projectId',
    'facility_id as facilityId',
    'service',
    'begin_date as beginDate',
    'end_date as endDate',
    'enforcing_organization_ids as enforcingOrganizationIds',
    'reason',
    'notes',
    'ended_at as endedAt',
    sql<boolean>`(ended_at IS NULL AND begin_date <= ${today}::date
                    AND (end_date IS NULL OR end_date >= ${today}::date))`.as('active'),
  ])
}

export function presentBar({ cocId: _cocId, endedAt, ...bar }: BarRow): ClientBar {
  return { ...bar, endedAt: endedAt?.toISOString() ?? null }
}

export type BarRow = Awaited<ReturnType<ReturnType<typeof selectBars>['executeTakeFirstOrThrow']>>
