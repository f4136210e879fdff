import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

export interface ActiveBar {
  id: string
  reason: string
  beginDate: string
  endDate: string | null
  target: 'project' | 'facility'
}

/**
 * A bar keeping the client out of this project (or this facility) on `today`, if there is one. Enrollment,
 * reservation and check-in all refuse while it lasts: begun, not past its end date, not ended early.
 */
export async function activeBarFor({
  db,
  clientId,
  projectId,
  facilityId,
  today,
}: {
  db: Kysely<DB> | Transaction<DB>
  clientId: string
  projectId?: string
  facilityId?: string
  today: string
}): Promise<ActiveBar | undefined> {
  if (projectId === undefined && facilityId === undefined) return undefined
  const row = await db
    .selectFrom('client_bar')
    .select(['id', 'reason', 'begin_date as beginDate', 'end_date as endDate', 'project_id as projectId'])
    .where('client_id', '=', clientId)
    .where('begin_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .where('ended_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(projectId ? [eb('project_id', '=', projectId)] : []),
        ...(facilityId ? [eb('facility_id', '=', facilityId)] : []),
      ]),
    )
    .orderBy('begin_date')
    .executeTakeFirst()
  if (!row) return undefined
  const { projectId: barredProject, ...bar } = row
  return { ...bar, target: barredProject ? 'project' : 'facility' }
}

/** Refuses (422, with the bar's reason) when an active bar covers the project or facility. */
export async function assertNotBarred(
  db: Kysely<DB> | Transaction<DB>,
  place: { clientId: string; projectId?: string; facilityId?: string; placeName: string; today: string },
): Promise<void> {
  const bar = await activeBarFor({ db, ...place })
  if (!bar) return
  const until = bar.endDate ? `until ${bar.endDate}` : 'with no end date'
  throw new AppError(
    'unprocessable',
    `This client is barred from ${place.placeName} (since ${bar.beginDate}, ${until}). Reason: ${bar.reason}`,
    { barId: bar.id, clientId: place.clientId },
  )
}
