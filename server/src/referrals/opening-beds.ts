import type { NewStay } from '@threshold/core'
import { sql, type Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { assertNotBarred } from '../beds/bars'
import { assertBedActive, type BedFacts, findBed, lockFacilities } from '../beds/beds.repository'
import { releaseReservation } from '../beds/cancel-reservation'
import { insertStays } from '../beds/check-in'
import { insertReservation } from '../beds/create-reservation'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

// A referral to an opening linked to a bed or a unit fills it, inside the referral's own status change:
// accepting holds the bed (a unit: one of its beds per member, as many as are free) for the household,
// enrolling checks the members into those beds with their new enrollments, declining or cancelling releases
// the hold. The beds domain's own writes do the work, so its rules and the database's exclusion constraints
// decide; a bed taken meanwhile makes the referral action fail (409) and nothing of it is saved.
// The opening's link is the authority for the receiving agency to hold and fill the bed: the bed was checked
// to be one of the project's when the opening was posted.

interface OpeningLink {
  projectId: string
  bedId: string | null
  unitId: string | null
  facilityId: string | null
  availableOn: string
}

/**
 * The opening's bed or unit, if it has one, with its facility locked: the beds chosen are still free when
 * the holds or stays are written (a check-in waits for the referral action, or it for the check-in). Take
 * it before the transaction writes any audit row: bed changes lock the facility first and the audit trail
 * second, and the same order everywhere is what keeps two transactions from waiting on each other.
 */
export async function lockOpeningLink(
  trx: Transaction<DB>,
  openingId: string,
): Promise<OpeningLink | undefined> {
  const link = await trx
    .selectFrom('referral_opening as o')
    .leftJoin('bed as b', 'b.id', 'o.bed_id')
    .leftJoin('bed_unit as u', 'u.id', 'o.unit_id')
    .select([
      'o.project_id as projectId',
      'o.bed_id as bedId',
      'o.unit_id as unitId',
      'o.available_on as availableOn',
      sql<string | null>`coalesce(b.facility_id, u.facility_id)`.as('facilityId'),
    ])
    .where('o.id', '=', openingId)
    .executeTakeFirstOrThrow()
  if (link.facilityId === null) return undefined
  await lockFacilities(trx, [link.facilityId])
  return link
}

const later = (a: string, b: string) => (a > b ? a : b)

/**
 * The linked bed, or the unit's beds of the project, that could take the household from `day` (in service,
 * not offline now, not held by anyone else from that day), in name order. With `vacating`, an occupied bed
 * whose resident is expected to leave counts (a hold starts on that day); filling needs them empty now.
 */
async function freeBeds(
  trx: Transaction<DB>,
  link: OpeningLink,
  { day, now, referralId, vacating }: { day: string; now: Date; referralId: string; vacating: boolean },
) {
  const staying = sql`SELECT 1 FROM bed_stay s WHERE s.bed_id = bed.id AND s.during && tstzrange(${now}, NULL)`
  return trx
    .selectFrom('bed')
    .select([
      'bed.id',
      'bed.expected_vacancy_date as expectedVacancyDate',
      sql<boolean>`EXISTS (${staying})`.as('occupied'),
    ])
    .$if(link.bedId !== null, (query) => query.where('bed.id', '=', link.bedId as string))
    .$if(link.bedId === null, (query) => query.where('bed.unit_id', '=', link.unitId as string))
    .where('bed.project_id', '=', link.projectId)
    .where('bed.active_from', '<=', day)
    .where((eb) => eb.or([eb('bed.active_to', 'is', null), eb('bed.active_to', '>=', day)]))
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM bed_offline o WHERE o.bed_id = bed.id
        AND o.during @> ${now}::timestamptz)`,
    )
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM reservation r WHERE r.bed_id = bed.id AND r.status = 'active'
        AND r.end_date >= ${day}::date AND r.referral_id IS DISTINCT FROM ${referralId}::uuid)`,
    )
    .where(
      vacating
        ? sql<boolean>`(bed.expected_vacancy_date IS NOT NULL OR NOT EXISTS (${staying}))`
        : sql<boolean>`NOT EXISTS (${staying})`,
    )
    .orderBy('bed.name')
    .execute()
}

async function memberIdsOf(trx: Transaction<DB>, referralId: string): Promise<string[]> {
  const members = await trx
    .selectFrom('referral_member')
    .select('client_id')
    .where('referral_id', '=', referralId)
    .orderBy('relationship_to_hoh')
    .execute()
  return members.map((member) => member.client_id)
}

async function assertNoneBarred(
  trx: Transaction<DB>,
  clientIds: readonly string[],
  bed: BedFacts,
  today: string,
) {
  for (const clientId of clientIds) {
    await assertNotBarred(trx, {
      clientId,
      projectId: bed.projectId,
      facilityId: bed.facilityId,
      placeName: bed.facilityName,
      today,
    })
  }
}

/** The bed rules speak of one bed; say which referral action they stopped. */
async function explainingBedRefusal<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, `${prefix}: ${error.message}`, error.details)
    throw error
  }
}

/**
 * Accepted: holds the linked bed (or one bed of the linked unit per member, as many as are free) for the
 * household, from the day the opening is available (or its resident is expected to leave) through the
 * referral's decision date at least; the beds' no-show rule still expires a hold nobody uses.
 */
export async function holdOpeningBeds(
  trx: Transaction<DB>,
  actor: Actor,
  referral: { id: string; openingId: string; decisionDueOn: string },
  { now, today }: { now: Date; today: string },
): Promise<void> {
  const link = await lockOpeningLink(trx, referral.openingId)
  if (!link) return
  const clientIds = await memberIdsOf(trx, referral.id)
  const from = later(today, link.availableOn)
  const free = await freeBeds(trx, link, { day: from, now, referralId: referral.id, vacating: true })
  if (free.length === 0)
    throw new AppError(
      'conflict',
      `${link.bedId ? 'The opening’s bed is not' : 'No bed of the opening’s unit is'} free to hold for the ` +
        'household (offline, held for another household, out of service, or occupied with no expected ' +
        'vacancy date): the referral was not accepted',
    )
  await explainingBedRefusal('The referral was not accepted', async () => {
    for (const candidate of free.slice(0, clientIds.length)) {
      const bed = (await findBed(trx, candidate.id)) as BedFacts
      const startDate = candidate.occupied ? later(from, candidate.expectedVacancyDate ?? from) : from
      assertBedActive(bed, startDate)
      await assertNoneBarred(trx, clientIds, bed, today)
      await insertReservation(trx, actor, {
        facilityId: bed.facilityId,
        unitId: bed.unitId,
        bed,
        startDate,
        endDate: later(startDate, referral.decisionDueOn),
        clientIds,
        referralId: referral.id,
      })
    }
  })
}

/**
 * Enrolled: checks the members (head of household first) into the beds held for the referral, then into
 * the unit's other free beds, one each, as many as fit; members beyond the unit's free beds are enrolled
 * without a bed. A linked bed, or a linked unit with no free bed, that cannot be filled now fails the
 * enrollment (409). Holds not used are released. Returns the number of beds filled.
 */
export async function fillOpeningBeds(
  trx: Transaction<DB>,
  actor: Actor,
  referral: { id: string; openingId: string },
  members: readonly { clientId: string; enrollmentId: string }[],
  { now, today }: { now: Date; today: string },
): Promise<number> {
  const link = await lockOpeningLink(trx, referral.openingId)
  if (!link) return 0
  const holds = await activeHoldsOf(trx, referral.id)
  const heldBedIds = holds.flatMap((hold) => (hold.bedId ? [hold.bedId] : []))
  const bedIds = link.bedId
    ? [link.bedId]
    : [
        ...heldBedIds,
        ...(await freeBeds(trx, link, { day: today, now, referralId: referral.id, vacating: false }))
          .map((bed) => bed.id)
          .filter((id) => !heldBedIds.includes(id)),
      ].slice(0, members.length)
  if (bedIds.length === 0)
    throw new AppError('conflict', 'No bed of the opening’s unit is free now: the household was not enrolled')
  return explainingBedRefusal('The household was not enrolled', async () => {
    const placed: { member: NewStay; bed: BedFacts }[] = []
    for (const [index, bedId] of bedIds.entries()) {
      const member = members[index]
      if (!member) break
      const bed = (await findBed(trx, bedId)) as BedFacts
      assertBedActive(bed, today)
      await assertNoneBarred(trx, [member.clientId], bed, today)
      const hold = holds.find((candidate) => candidate.bedId === bed.id && candidate.startDate <= today)
      placed.push({
        member: { bedId: bed.id, ...member, ...(hold && { reservationId: hold.id }) },
        bed,
      })
    }
    await insertStays(trx, { actor, now, today, placed })
    await releaseOpeningHolds(trx, actor, referral.id, now)
    return placed.length
  })
}

function activeHoldsOf(trx: Transaction<DB>, referralId: string) {
  return trx
    .selectFrom('reservation')
    .innerJoin('bed', 'bed.id', 'reservation.bed_id')
    .select([
      'reservation.id',
      'reservation.facility_id as facilityId',
      'reservation.bed_id as bedId',
      'reservation.start_date as startDate',
    ])
    .where('reservation.referral_id', '=', referralId)
    .where('reservation.status', '=', 'active')
    .orderBy('bed.name')
    .execute()
}

/** Declined, cancelled or done: the referral's holds still active are released. */
export async function releaseOpeningHolds(
  trx: Transaction<DB>,
  actor: Actor,
  referralId: string,
  now: Date,
): Promise<void> {
  for (const hold of await activeHoldsOf(trx, referralId)) {
    await releaseReservation(trx, actor, hold, now, { referralId })
  }
}
