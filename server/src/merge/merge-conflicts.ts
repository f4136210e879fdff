import { sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

// What stops two records from becoming one: rows of the two that the database would refuse to hold for a
// single person (the enrollment and bed-stay exclusion constraints, the one-membership-per-household,
// one-place-per-reservation and one-member-per-referral keys, one active referral per program type). Checked after both records are locked and before anything moves, so a
// CoC admin gets a 409 that names what overlaps — and what to fix — instead of a bare constraint error.

interface EnrollmentOverlap {
  kind: 'enrollment'
  projectId: string
  projectName: string
  survivorEnrollment: { id: string; entryDate: string; exitDate: string | null }
  mergedEnrollment: { id: string; entryDate: string; exitDate: string | null }
}

interface BedStayOverlap {
  kind: 'bed_stay'
  survivorStay: { id: string; bed: string; from: string; to: string | null }
  mergedStay: { id: string; bed: string; from: string; to: string | null }
}

type Overlap = EnrollmentOverlap | BedStayOverlap

/** How many overlaps of each kind the error lists (the first ones by date). */
const LISTED = 5

/** Throws a 409 naming what of the two records cannot be held by one person. */
export async function assertMergeable(trx: Transaction<DB>, survivorId: string, mergedId: string) {
  const sharedHousehold = await trx
    .selectFrom('household_member as m')
    .innerJoin('household_member as s', 's.household_id', 'm.household_id')
    .select('m.household_id')
    .where('m.client_id', '=', mergedId)
    .where('s.client_id', '=', survivorId)
    .where('m.removed_on', 'is', null)
    .where('s.removed_on', 'is', null)
    .executeTakeFirst()
  if (sharedHousehold) {
    throw new AppError(
      'conflict',
      'Both records are current members of the same household; remove one from it before merging',
      { householdId: sharedHousehold.household_id },
    )
  }

  const overlaps: Overlap[] = [
    ...(await enrollmentOverlaps(trx, survivorId, mergedId)),
    ...(await bedStayOverlaps(trx, survivorId, mergedId)),
  ]
  if (overlaps.length > 0) {
    throw new AppError(
      'conflict',
      `These records cannot be merged: ${overlaps.map(describe).join('; ')}. Correct the dates or exit one of ` +
        'them before merging',
      { overlaps },
    )
  }

  const sharedReservation = await trx
    .selectFrom('reservation_member as m')
    .innerJoin('reservation_member as s', 's.reservation_id', 'm.reservation_id')
    .select('m.reservation_id')
    .where('m.client_id', '=', mergedId)
    .where('s.client_id', '=', survivorId)
    .executeTakeFirst()
  if (sharedReservation) {
    throw new AppError(
      'conflict',
      'Both records are on the same bed reservation; remove one from it before merging',
      { reservationId: sharedReservation.reservation_id },
    )
  }
  await assertNoReferralConflict(trx, survivorId, mergedId)
}

/**
 * Referrals hold each person once (`referral_member` is unique per referral), and a household head at most
 * one active referral per program type where the CoC's rule is on: two records in one referral, or heading
 * two such referrals, cannot become one person.
 */
async function assertNoReferralConflict(trx: Transaction<DB>, survivorId: string, mergedId: string) {
  const shared = await trx
    .selectFrom('referral_member as m')
    .innerJoin('referral_member as s', 's.referral_id', 'm.referral_id')
    .innerJoin('referral as r', 'r.id', 'm.referral_id')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .select(['r.id', 'p.name as projectName', 'r.sent_on as sentOn', 'r.status'])
    .where('m.client_id', '=', mergedId)
    .where('s.client_id', '=', survivorId)
    .orderBy('r.sent_on')
    .orderBy('r.id')
    .executeTakeFirst()
  if (shared) {
    throw new AppError(
      'conflict',
      `Both records are members of the same referral (to ${shared.projectName}, sent ${shared.sentOn}, ` +
        `${shared.status.replaceAll('_', ' ')}), which holds each person once. Keep both records, or have the ` +
        'referral cancelled and made again with one of them, before merging',
      { referralId: shared.id },
    )
  }
  const active = ['pending', 'acknowledged', 'accepted'] as const
  const twoActive = await trx
    .selectFrom('referral as s')
    .innerJoin('referral as m', 'm.program_type', 's.program_type')
    .innerJoin('project as sp', 'sp.id', 's.project_id')
    .innerJoin('project as mp', 'mp.id', 'm.project_id')
    .select([
      's.id as survivorReferralId',
      'sp.name as survivorProject',
      'm.id as mergedReferralId',
      'mp.name as mergedProject',
    ])
    .where('s.head_client_id', '=', survivorId)
    .where('m.head_client_id', '=', mergedId)
    .where('s.status', 'in', active)
    .where('m.status', 'in', active)
    .where('s.one_per_program_type', '=', true)
    .where('m.one_per_program_type', '=', true)
    .executeTakeFirst()
  if (twoActive) {
    throw new AppError(
      'conflict',
      `Both records head an active referral of the same program type (to ${twoActive.survivorProject} on the ` +
        `surviving record, to ${twoActive.mergedProject} on the other), and a household holds one at a time. ` +
        'Resolve or cancel one of them before merging',
      { referralIds: [twoActive.survivorReferralId, twoActive.mergedReferralId] },
    )
  }
}

const period = (from: string, to: string | null) => `${from} to ${to ?? 'now (still open)'}`

function describe(overlap: Overlap): string {
  if (overlap.kind === 'enrollment') {
    const { survivorEnrollment: s, mergedEnrollment: m } = overlap
    return (
      `both are enrolled in ${overlap.projectName} at overlapping times ` +
      `(${period(s.entryDate, s.exitDate)} on the surviving record, ${period(m.entryDate, m.exitDate)} on the other)`
    )
  }
  const { survivorStay: s, mergedStay: m } = overlap
  return (
    'both have bed stays at overlapping times ' +
    `(${s.bed}, ${period(s.from, s.to)} on the surviving record; ${m.bed}, ${period(m.from, m.to)} on the other)`
  )
}

/** Pairs of enrollments in one project whose stays overlap (the rule of `enrollment_no_overlap`). */
async function enrollmentOverlaps(
  trx: Transaction<DB>,
  survivorId: string,
  mergedId: string,
): Promise<EnrollmentOverlap[]> {
  const { rows } = await sql<{
    project_id: string
    project_name: string
    s_id: string
    s_entry: string
    s_exit: string | null
    m_id: string
    m_entry: string
    m_exit: string | null
  }>`
    SELECT p.id AS project_id, p.name AS project_name,
           s.id AS s_id, s.entry_date::text AS s_entry, s.exit_date::text AS s_exit,
           m.id AS m_id, m.entry_date::text AS m_entry, m.exit_date::text AS m_exit
    FROM enrollment AS s
    JOIN enrollment AS m ON m.project_id = s.project_id
      AND daterange(m.entry_date, m.exit_date, '[)') && daterange(s.entry_date, s.exit_date, '[)')
    JOIN project AS p ON p.id = s.project_id
    WHERE s.client_id = ${survivorId}::uuid AND m.client_id = ${mergedId}::uuid
    ORDER BY s.entry_date, m.entry_date, s.id, m.id
    LIMIT ${LISTED}`.execute(trx)
  return rows.map((row) => ({
    kind: 'enrollment',
    projectId: row.project_id,
    projectName: row.project_name,
    survivorEnrollment: { id: row.s_id, entryDate: row.s_entry, exitDate: row.s_exit },
    mergedEnrollment: { id: row.m_id, entryDate: row.m_entry, exitDate: row.m_exit },
  }))
}

/** Pairs of bed stays that overlap in time (the rule of `bed_stay_one_bed_per_client`). */
async function bedStayOverlaps(
  trx: Transaction<DB>,
  survivorId: string,
  mergedId: string,
): Promise<BedStayOverlap[]> {
  // Times as UTC ISO strings, whatever the session's time zone.
  const iso = (column: string) =>
    sql`to_char(${sql.raw(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')`
  const { rows } = await sql<{
    s_id: string
    s_bed: string
    s_from: string
    s_to: string | null
    m_id: string
    m_bed: string
    m_from: string
    m_to: string | null
  }>`
    SELECT s.id AS s_id, concat_ws(' · ', sf.name, su.name, sb.name) AS s_bed,
           ${iso('lower(s.during)')} AS s_from, ${iso('upper(s.during)')} AS s_to,
           m.id AS m_id, concat_ws(' · ', mf.name, mu.name, mb.name) AS m_bed,
           ${iso('lower(m.during)')} AS m_from, ${iso('upper(m.during)')} AS m_to
    FROM bed_stay AS s
    JOIN bed_stay AS m ON m.during && s.during
    JOIN bed AS sb ON sb.id = s.bed_id
    JOIN bed_unit AS su ON su.id = sb.unit_id
    JOIN facility AS sf ON sf.id = sb.facility_id
    JOIN bed AS mb ON mb.id = m.bed_id
    JOIN bed_unit AS mu ON mu.id = mb.unit_id
    JOIN facility AS mf ON mf.id = mb.facility_id
    WHERE s.client_id = ${survivorId}::uuid AND m.client_id = ${mergedId}::uuid
    ORDER BY lower(s.during), lower(m.during), s.id, m.id
    LIMIT ${LISTED}`.execute(trx)
  return rows.map((row) => ({
    kind: 'bed_stay',
    survivorStay: { id: row.s_id, bed: row.s_bed, from: row.s_from, to: row.s_to },
    mergedStay: { id: row.m_id, bed: row.m_bed, from: row.m_from, to: row.m_to },
  }))
}
