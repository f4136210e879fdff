import type { Availability } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeAvailability } from '../access/bed-policy'
import { todayFrom } from '../access/client-visibility'
import { isUser } from '../access/policy'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { selectBedStatesNow } from './beds.repository'

/**
 * "Available tonight" across the actor's CoC, by facility, project type and household type: counts of beds
 * in service, available now, and occupied but accepting referrals. Never anyone's identity.
 */
export async function getAvailability({
  db,
  actor,
  clock,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
}): Promise<Availability> {
  if (!isUser(actor) || !canSeeAvailability(actor, { id: actor.cocId })) {
    throw new AppError('forbidden', 'Availability is shown to the users of a CoC')
  }
  const today = todayFrom(clock)
  const beds = selectBedStatesNow(db, clock.now(), today)
    .select(['bed.facility_id', 'bed.project_id', 'bed.household_type'])
    .as('beds')
  const items = await db
    .selectFrom(beds)
    .innerJoin('facility', 'facility.id', 'beds.facility_id')
    .innerJoin('organization', 'organization.id', 'facility.organization_id')
    .innerJoin('project', 'project.id', 'beds.project_id')
    .select([
      'facility.id as facilityId',
      'facility.name as facilityName',
      'organization.name as organizationName',
      'project.project_type as projectType',
      'beds.household_type as householdType',
      sql<number>`(count(*) FILTER (WHERE beds.state <> 'inactive'))::int`.as('beds'),
      sql<number>`(count(*) FILTER (WHERE beds.state = 'available'))::int`.as('availableTonight'),
      sql<number>`(count(*) FILTER (WHERE beds.state = 'occupied_accepting'))::int`.as('acceptingReferrals'),
    ])
    .where('facility.coc_id', '=', actor.cocId)
    .groupBy([
      'facility.id',
      'facility.name',
      'organization.name',
      'project.project_type',
      'beds.household_type',
    ])
    .orderBy('facility.name')
    .orderBy('project.project_type')
    .orderBy('beds.household_type')
    .execute()
  return { date: today, items }
}
