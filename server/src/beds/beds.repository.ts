import type { BedState, Facility, Stay } from '@threshold/core'
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely'
import type { FacilityScope } from '../access/bed-policy'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { publishChange } from '../live/publish-change'

/** The channel every bed change is announced on: `{ facilityId, bedId, version }`, nothing else. */
export const BEDS_CHANNEL = 'beds'

/** HUD project type 1: Emergency Shelter – Night-by-Night (bed nights, next-morning check-out). */
export const NIGHT_BY_NIGHT = 1

type Db = Kysely<DB> | Transaction<DB>

export function selectFacilities(db: Db) {
  return db
    .selectFrom('facility')
    .innerJoin('organization', 'organization.id', 'facility.organization_id')
    .select((eb) => [
      'facility.id',
      'facility.coc_id as cocId',
      'facility.organization_id as organizationId',
      'organization.name as organizationName',
      'facility.name',
      'facility.address',
      eb
        .selectFrom('bed')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('bed.facility_id', '=', 'facility.id')
        .as('bedCount'),
    ])
}

export async function findFacility(db: Db, id: string): Promise<Facility | undefined> {
  const row = await selectFacilities(db).where('facility.id', '=', id).executeTakeFirst()
  return row && { ...row, bedCount: row.bedCount ?? 0 }
}

/** A bed with what the rules and messages need: its facility's scope, its project and names. */
export interface BedFacts extends FacilityScope {
  id: string
  name: string
  facilityId: string
  facilityName: string
  unitId: string
  projectId: string
  projectName: string
  projectType: number
  activeFrom: string
  activeTo: string | null
}

export function findBed(db: Db, id: string): Promise<BedFacts | undefined> {
  return db
    .selectFrom('bed')
    .innerJoin('facility', 'facility.id', 'bed.facility_id')
    .innerJoin('project', 'project.id', 'bed.project_id')
    .select([
      'bed.id',
      'bed.name',
      'bed.facility_id as facilityId',
      'facility.name as facilityName',
      'facility.coc_id as cocId',
      'facility.organization_id as organizationId',
      'bed.unit_id as unitId',
      'bed.project_id as projectId',
      'project.name as projectName',
      'project.project_type as projectType',
      'bed.active_from as activeFrom',
      'bed.active_to as activeTo',
    ])
    .where('bed.id', '=', id)
    .executeTakeFirst()
}

/**
 * Serialises every change to these facilities' beds: each facility row is bumped (and so locked until
 * commit) in id order, so two writers never wait on each other in a circle.
 */
export async function lockFacilities(trx: Transaction<DB>, facilityIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(facilityIds)].sort()) {
    await trx
      .updateTable('facility')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
  }
}

/** Bumps a bed's version and announces it (delivered when the transaction commits). */
export async function announceBedChange(
  trx: Transaction<DB>,
  bed: { id: string; facilityId: string },
): Promise<void> {
  const { version } = await trx
    .updateTable('bed')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', bed.id)
    .returning('version')
    .executeTakeFirstOrThrow()
  await publishChange(trx, BEDS_CHANNEL, { facilityId: bed.facilityId, bedId: bed.id, version })
}

/** For changes that touch a facility but no particular bed (a reservation without a bed). */
export async function announceFacilityChange(trx: Transaction<DB>, facilityId: string): Promise<void> {
  const { version } = await trx
    .selectFrom('facility')
    .select('version')
    .where('id', '=', facilityId)
    .executeTakeFirstOrThrow()
  await publishChange(trx, BEDS_CHANNEL, { facilityId, bedId: null, version })
}

/** A bed's active dates include `today`. */
export function assertBedActive(bed: BedFacts, today: string): void {
  if (bed.activeFrom > today || (bed.activeTo !== null && bed.activeTo < today)) {
    throw new AppError('conflict', `Bed ${bed.name} is not in service on ${today}`)
  }
}

/**
 * Inside the locked transaction: the bed has nobody in it, is not offline and is not held for another
 * household now. A hold for this client (the reservation being checked in) does not count.
 */
export async function assertBedFreeNow(
  trx: Transaction<DB>,
  bed: BedFacts,
  now: Date,
  today: string,
  forClientId: string,
): Promise<void> {
  const occupied = await trx
    .selectFrom('bed_stay')
    .select('id')
    .where('bed_id', '=', bed.id)
    .where(sql<boolean>`during && tstzrange(${now}, NULL)`)
    .executeTakeFirst()
  if (occupied) throw new AppError('conflict', `Bed ${bed.name} is already occupied`)
  const offline = await trx
    .selectFrom('bed_offline')
    .select('reason')
    .where('bed_id', '=', bed.id)
    .where(sql<boolean>`during @> ${now}::timestamptz`)
    .executeTakeFirst()
  if (offline) throw new AppError('conflict', `Bed ${bed.name} is offline: ${offline.reason}`)
  const held = await trx
    .selectFrom('reservation')
    .select(['reservation.end_date'])
    .where('bed_id', '=', bed.id)
    .where('status', '=', 'active')
    .where('start_date', '<=', today)
    .where('end_date', '>=', today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reservation_member')
            .whereRef('reservation_member.reservation_id', '=', 'reservation.id')
            .where('reservation_member.client_id', '=', forClientId),
        ),
      ),
    )
    .executeTakeFirst()
  if (held) {
    throw new AppError('conflict', `Bed ${bed.name} is held for another household until ${held.end_date}`)
  }
}

/** The client has no stay overlapping now anywhere (the database refuses two beds at once too). */
export async function assertClientNotStaying(trx: Transaction<DB>, clientId: string, now: Date) {
  const staying = await trx
    .selectFrom('bed_stay')
    .select('id')
    .where('client_id', '=', clientId)
    .where(sql<boolean>`during && tstzrange(${now}, NULL)`)
    .executeTakeFirst()
  if (staying) {
    throw new AppError(
      'conflict',
      'This client is already checked in to a bed; check them out (or move them) there first',
    )
  }
}

/**
 * Night-by-night shelters count a bed night for every night of a stay: from the check-in date up to the
 * night before check-out (at least the check-in night). Dates are UTC days, like `todayFrom`.
 */
export async function recordBedNights(trx: Transaction<DB>, stayId: string): Promise<void> {
  await sql`
    INSERT INTO bed_night (client_id, enrollment_id, stay_id, project_id, night)
    SELECT s.client_id, s.enrollment_id, s.id, b.project_id, night::date
    FROM bed_stay s
    JOIN bed b ON b.id = s.bed_id
    JOIN project p ON p.id = b.project_id AND p.project_type = ${NIGHT_BY_NIGHT}
    CROSS JOIN LATERAL generate_series(
      (lower(s.during) AT TIME ZONE 'UTC')::date,
      greatest((lower(s.during) AT TIME ZONE 'UTC')::date,
               coalesce((upper(s.during) AT TIME ZONE 'UTC')::date - 1, (lower(s.during) AT TIME ZONE 'UTC')::date)),
      interval '1 day') AS night
    WHERE s.id = ${stayId}::uuid
    ON CONFLICT (enrollment_id, night) DO NOTHING`.execute(trx)
}

/** Closes an open stay at `now` (never before it began: a range must not be empty); returns its end. */
export async function endStay(
  trx: Transaction<DB>,
  stayId: string,
  now: Date,
  endedBy: 'check_out' | 'auto_check_out' | 'move',
  userId: string | null,
): Promise<Date> {
  const { endedAt } = await trx
    .updateTable('bed_stay')
    .set({
      during: sql<string>`tstzrange(lower(during), greatest(${now}::timestamptz, lower(during) + interval '1 second'))`,
      ended_by: endedBy,
      ended_by_user_id: userId,
    })
    .where('id', '=', stayId)
    .returning(sql<Date>`upper(during)`.as('endedAt'))
    .executeTakeFirstOrThrow()
  await recordBedNights(trx, stayId)
  return endedAt
}

/** `[from, ∞)`: an open stay or period, as a tstzrange literal. */
export function openRangeFrom(from: Date): string {
  return `[${from.toISOString()},)`
}

const EXCLUSION_VIOLATION = '23P01'

/** The database refused an overlap (the constraint behind every check above): answer 409, never 500. */
export async function refusingOverlaps<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if ((error as { code?: string }).code === EXCLUSION_VIOLATION) throw new AppError('conflict', message)
    throw error
  }
}

export async function findStays(db: Db, ids: readonly string[]): Promise<Stay[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('bed_stay')
    .select([
      'id',
      'bed_id as bedId',
      'client_id as clientId',
      'enrollment_id as enrollmentId',
      sql<Date>`lower(during)`.as('startedAt'),
      sql<Date | null>`upper(during)`.as('endedAt'),
      'ended_by as endedBy',
      'moved_from_stay_id as movedFromStayId',
    ])
    .where('id', 'in', ids)
    .execute()
  const byId = new Map(
    rows.map((row) => [
      row.id,
      { ...row, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null },
    ]),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** What decides a bed's state now, as SQL conditions over the `bed` row. */
interface StateConditions {
  offline: RawBuilder<unknown>
  occupied: RawBuilder<unknown>
  held: RawBuilder<unknown>
}

/**
 * The one definition of a bed's state: inactive (outside its active dates), offline, occupied (accepting
 * referrals when an expected vacancy date is set), held (an active reservation covers today) or available.
 */
function bedState(today: string, is: StateConditions) {
  return sql<BedState>`CASE
    WHEN NOT (bed.active_from <= ${today}::date AND (bed.active_to IS NULL OR bed.active_to >= ${today}::date))
      THEN 'inactive'
    WHEN ${is.offline} THEN 'offline'
    WHEN ${is.occupied} AND bed.expected_vacancy_date IS NOT NULL THEN 'occupied_accepting'
    WHEN ${is.occupied} THEN 'occupied'
    WHEN ${is.held} THEN 'held'
    ELSE 'available' END`
}

/**
 * Every bed with its state now, for CoC-wide counts: each condition is one set joined to all beds at once
 * (the exclusion constraints make each set hold a bed at most once), not a lookup per bed.
 */
export function selectBedStatesNow(db: Db, now: Date, today: string) {
  return db
    .selectFrom('bed')
    .leftJoin(
      (eb) =>
        eb.selectFrom('bed_stay').select('bed_id').where(sql<boolean>`upper(during) IS NULL`).as('occupied'),
      (join) => join.onRef('occupied.bed_id', '=', 'bed.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('bed_offline')
          .select('bed_id')
          .where(sql<boolean>`during @> ${now}::timestamptz`)
          .as('offline_now'),
      (join) => join.onRef('offline_now.bed_id', '=', 'bed.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('reservation')
          .select('bed_id')
          .where('status', '=', 'active')
          .where('start_date', '<=', today)
          .where('end_date', '>=', today)
          .as('held_today'),
      (join) => join.onRef('held_today.bed_id', '=', 'bed.id'),
    )
    .select(
      bedState(today, {
        offline: sql`offline_now.bed_id IS NOT NULL`,
        occupied: sql`occupied.bed_id IS NOT NULL`,
        held: sql`held_today.bed_id IS NOT NULL`,
      }).as('state'),
    )
}

/** Every bed with its state now and the stay, offline period and hold behind it (the facility board). */
export function selectBedStates(db: Db, now: Date, today: string) {
  return db
    .selectFrom('bed')
    .leftJoin('bed_stay as stay', (join) =>
      join.onRef('stay.bed_id', '=', 'bed.id').on(sql<boolean>`upper(stay.during) IS NULL`),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('bed_offline')
          .select(['bed_offline.reason', sql<Date | null>`upper(bed_offline.during)`.as('until')])
          .whereRef('bed_offline.bed_id', '=', 'bed.id')
          .where(sql<boolean>`bed_offline.during @> ${now}::timestamptz`)
          .limit(1)
          .as('offline'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('reservation')
          .select((inner) => [
            'reservation.id',
            'reservation.end_date as endDate',
            inner
              .selectFrom('reservation_member')
              .select(sql<number>`count(*)::int`.as('count'))
              .whereRef('reservation_member.reservation_id', '=', 'reservation.id')
              .as('householdSize'),
          ])
          .whereRef('reservation.bed_id', '=', 'bed.id')
          .where('reservation.status', '=', 'active')
          .where('reservation.start_date', '<=', today)
          .where('reservation.end_date', '>=', today)
          .limit(1)
          .as('hold'),
      (join) => join.onTrue(),
    )
    .select(
      bedState(today, {
        offline: sql`offline.reason IS NOT NULL`,
        occupied: sql`stay.id IS NOT NULL`,
        held: sql`hold.id IS NOT NULL`,
      }).as('state'),
    )
}
