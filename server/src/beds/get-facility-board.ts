import type { FacilityBoard } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { clientIdentityVisibleTo, todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { selectBedStates } from './beds.repository'
import { getFacility } from './get-facility'

/**
 * The facility board: every bed with its state now. A resident's name (and client id) shows only where the
 * viewer may see that client's identity; otherwise the bed just reads "occupied". Names shown are audited.
 */
export async function getFacilityBoard({
  db,
  actor,
  clock,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  id: string
}): Promise<FacilityBoard> {
  const facility = await getFacility({ db, actor, id })
  const today = todayFrom(clock)
  const identityVisible = clientIdentityVisibleTo(actor, today)
  const rows = await selectBedStates(db, clock.now(), today)
    .innerJoin('bed_unit', 'bed_unit.id', 'bed.unit_id')
    .innerJoin('project', 'project.id', 'bed.project_id')
    .leftJoin('client', 'client.id', 'stay.client_id')
    .select((eb) => [
      'bed.id',
      'bed.name',
      'bed.unit_id as unitId',
      'bed_unit.name as unitName',
      'bed_unit.building',
      'bed.project_id as projectId',
      'project.name as projectName',
      'bed.household_type as householdType',
      'bed.bed_type as bedType',
      'bed.availability',
      'bed.version',
      'bed.expected_vacancy_date as expectedVacancyDate',
      'stay.id as stayId',
      sql<Date | null>`lower(stay.during)`.as('stayStartedAt'),
      'client.id as clientId',
      'client.first_name as firstName',
      'client.last_name as lastName',
      sql<boolean>`coalesce(${identityVisible(eb as never)}, false)`.as('identityVisible'),
      'hold.id as holdId',
      'hold.endDate as holdUntil',
      'hold.householdSize',
      'offline.reason as offlineReason',
      'offline.until as offlineUntil',
    ])
    .where('bed.facility_id', '=', facility.id)
    .orderBy('bed_unit.building')
    .orderBy('bed_unit.name')
    .orderBy('bed.name')
    .execute()

  const named = rows.filter((row) => row.clientId && row.identityVisible).map((row) => row.clientId as string)
  if (named.length > 0) {
    await recordAudit(db, actor, {
      action: 'facility.board.read',
      entityType: 'facility',
      entityId: facility.id,
      details: { clientIds: named },
    })
  }
  return {
    facility,
    beds: rows.map((row) => ({
      id: row.id,
      name: row.name,
      unitId: row.unitId,
      unitName: row.unitName,
      building: row.building,
      projectId: row.projectId,
      projectName: row.projectName,
      householdType: row.householdType,
      bedType: row.bedType,
      availability: row.availability,
      state: row.state,
      version: row.version,
      expectedVacancyDate: row.expectedVacancyDate,
      stay:
        row.stayId && row.stayStartedAt
          ? {
              id: row.stayId,
              since: row.stayStartedAt.toISOString(),
              clientId: row.identityVisible ? row.clientId : null,
              residentName: row.identityVisible ? residentName(row.firstName, row.lastName) : null,
            }
          : null,
      hold: row.holdId
        ? { reservationId: row.holdId, until: row.holdUntil ?? '', householdSize: row.householdSize ?? 0 }
        : null,
      offline: row.offlineReason
        ? { reason: row.offlineReason, until: row.offlineUntil?.toISOString() ?? null }
        : null,
    })),
  }
}

function residentName(first: string | null, last: string | null): string {
  return [first, last].filter(Boolean).join(' ') || 'Name not recorded'
}
