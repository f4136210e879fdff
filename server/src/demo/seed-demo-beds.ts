import { sql, type Transaction } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { NIGHT_BY_NIGHT } from '../beds/beds.repository'
import type { DB } from '../db/schema'
import { DEMO_AGENCIES } from './demo-agencies'
import { type DemoSeed, seededId } from './seed-step'

// The demo's beds: Lantern House (dorms for the night-by-night shelter, family rooms for the emergency
// shelter) and Oakridge Apartments (permanent supportive housing), a few hundred beds in all, with current
// residents (each under an open enrollment in the bed's project, created here), households enrolled and
// waiting for a bed tonight, holds, an offline room and a bar. Set-based inserts: the step stays fast.

const [ENTRY_EXIT_SHELTER, OVERNIGHT_BEDS] = DEMO_AGENCIES.shelter.projects
const [PSH] = DEMO_AGENCIES.supportiveHousing.projects

/** HUD 2.07.4 household types. */
const WITHOUT_CHILDREN = 1
const WITH_CHILDREN = 3

export const DEMO_BED_FACILITIES = {
  shelter: { name: 'Lantern House', address: '310 Harbor Street SW, Atlanta, GA 30303' },
  supportiveHousing: { name: 'Oakridge Apartments', address: '88 Oakridge Avenue NW, Atlanta, GA 30318' },
} as const

/** The family room taken out of service, and why. */
export const DEMO_OFFLINE_ROOM = { unit: 'Room 12', reason: 'Water damage repair' } as const

interface UnitPlan {
  building: string | null
  name: string
  projectName: string
  householdType: number
  beds: string[]
}

interface Candidate {
  clientId: string
  householdId: string | null
  relationship: number | null
}

/** People who arrive together: head of household first. */
type Group = { clientId: string; relationship: number }[]

interface Placement {
  group: Group
  bedIds: string[]
  projectId: string
  entryDate: string
  stayFrom: Date
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1)
const pad = (value: number) => String(value).padStart(2, '0')

function lanternHouse(): UnitPlan[] {
  const dorm = (name: string, prefix: string, count: number): UnitPlan => ({
    building: 'Main building',
    name,
    projectName: OVERNIGHT_BEDS.name,
    householdType: WITHOUT_CHILDREN,
    beds: range(count).map((bed) => `${prefix}${pad(bed)}`),
  })
  return [
    dorm('Dorm A', 'A', 40),
    dorm('Dorm B', 'B', 40),
    ...range(20).map((room) => ({
      building: 'Family annex',
      name: `Room ${room}`,
      projectName: ENTRY_EXIT_SHELTER.name,
      householdType: WITH_CHILDREN,
      beds: range(4).map((bed) => `${room}-${bed}`),
    })),
  ]
}

function oakridgeApartments(): UnitPlan[] {
  const building = (name: string, floor: number, householdType: number) =>
    range(30).map((unit) => {
      const number = floor * 100 + unit
      return {
        building: name,
        name: `Apt ${number}`,
        projectName: PSH.name,
        householdType,
        beds: [`${number}A`, `${number}B`],
      }
    })
  return [...building('Oakridge North', 1, WITHOUT_CHILDREN), ...building('Oakridge South', 2, WITH_CHILDREN)]
}

const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

export async function seedDemoBeds(seed: DemoSeed): Promise<void> {
  const { db } = seed
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db)
  const now = (rows[0] as { now: Date }).now
  const today = now.toISOString().slice(0, 10)
  const staffUserId = seed.userIds.get('shelter.staff') ?? null

  const facilities = [
    { agency: 'shelter' as const, units: lanternHouse() },
    { agency: 'supportiveHousing' as const, units: oakridgeApartments() },
  ]
  const bedIds = new Map<string, string[]>()
  const facilityIds = new Map<string, string>()
  const counts = { beds: 0, residents: 0, waiting: 0, reservations: 0 }
  for (const { agency, units } of facilities) {
    const organizationId = seededId(seed.organizationIds, agency)
    const facility = await db
      .insertInto('facility')
      .values({ coc_id: seed.cocId, organization_id: organizationId, ...DEMO_BED_FACILITIES[agency] })
      .returning('id')
      .executeTakeFirstOrThrow()
    facilityIds.set(agency, facility.id)
    const unitRows = units.map((unit) => ({ id: crypto.randomUUID(), unit }))
    await db
      .insertInto('bed_unit')
      .values(
        unitRows.map(({ id, unit }) => ({
          id,
          facility_id: facility.id,
          building: unit.building,
          name: unit.name,
        })),
      )
      .execute()
    const bedRows = unitRows.flatMap(({ id: unitId, unit }) =>
      unit.beds.map((name) => ({
        id: crypto.randomUUID(),
        facility_id: facility.id,
        unit_id: unitId,
        project_id: seededId(seed.projectIds, unit.projectName),
        name,
        household_type: unit.householdType,
        active_from: '2024-01-01',
      })),
    )
    await db.insertInto('bed').values(bedRows).execute()
    counts.beds += bedRows.length
    for (const { id: unitId, unit } of unitRows) {
      bedIds.set(
        `${agency}:${unit.name}`,
        bedRows.filter((bed) => bed.unit_id === unitId).map((bed) => bed.id),
      )
    }
  }
  const bedsOf = (agency: string, unit: string) => bedIds.get(`${agency}:${unit}`) ?? []

  // Residents and waiting households are clients each agency owns (so its staff see their names).
  const shelterGroups = await candidateGroups(db, seed.cocId, seededId(seed.organizationIds, 'shelter'))
  const pshGroups = await candidateGroups(db, seed.cocId, seededId(seed.organizationIds, 'supportiveHousing'))
  const singles = shelterGroups.filter((group) => group.length === 1)
  const families = shelterGroups.filter((group) => group.length >= 2 && group.length <= 4)
  // Enrolled in the night-by-night shelter tonight, no bed yet: two couples and a few single adults; the
  // last single is barred from Lantern House (check-in refuses them, with the reason).
  const couples = families.filter((group) => group.length === 2).slice(0, 2)
  const waiting = [...couples, ...singles.splice(0, 4)]
  const barred = waiting.at(-1)
  const roomFamilies = families.filter((group) => !couples.includes(group))
  const overnightId = seededId(seed.projectIds, OVERNIGHT_BEDS.name)
  const entryExitId = seededId(seed.projectIds, ENTRY_EXIT_SHELTER.name)
  const pshId = seededId(seed.projectIds, PSH.name)
  const tonight = new Date(now.getTime() - 3_600_000)

  const placements: Placement[] = []
  // Night-by-night: most dorm beds taken tonight.
  const dormBeds = [...bedsOf('shelter', 'Dorm A'), ...bedsOf('shelter', 'Dorm B').slice(0, 18)]
  singles.splice(0, dormBeds.length).forEach((group, index) => {
    placements.push({
      group,
      bedIds: [dormBeds[index] as string],
      projectId: overnightId,
      entryDate: today,
      stayFrom: tonight,
    })
  })
  // Family rooms: one household per room, for days or weeks now (room 12 is being repaired).
  const familyRooms = range(20)
    .filter((room) => room <= 13 && `Room ${room}` !== DEMO_OFFLINE_ROOM.unit)
    .map((room) => bedsOf('shelter', `Room ${room}`))
  for (const [index, room] of familyRooms.entries()) {
    const group = roomFamilies.shift()
    if (!group) break
    const entryDate = daysBefore(today, 2 + ((index * 5) % 60))
    placements.push({
      group,
      bedIds: room.slice(0, group.length),
      projectId: entryExitId,
      entryDate,
      stayFrom: new Date(`${entryDate}T18:00:00Z`),
    })
  }
  // Supportive housing: two-bed apartments, people housed for months or years.
  const apartments = [
    ...range(24).map((unit) => bedsOf('supportiveHousing', `Apt ${100 + unit}`)),
    ...range(22).map((unit) => bedsOf('supportiveHousing', `Apt ${200 + unit}`)),
  ]
  const pshHouseholds = pshGroups.filter((group) => group.length <= 2)
  for (const [index, apartment] of apartments.entries()) {
    const group = pshHouseholds[index]
    if (!group) break
    const entryDate = daysBefore(today, 20 + ((index * 37) % 700))
    placements.push({
      group,
      bedIds: apartment.slice(0, group.length),
      projectId: pshId,
      entryDate,
      stayFrom: new Date(`${entryDate}T15:00:00Z`),
    })
  }

  const enrollments = await enrollGroups(
    db,
    seed.cocId,
    [
      ...placements.map((placement) => ({ ...placement, agency: ownerOf(placement.projectId, pshId) })),
      ...waiting.map((group) => ({
        group,
        projectId: overnightId,
        entryDate: today,
        agency: 'shelter' as const,
      })),
    ],
    (agency) => seededId(seed.organizationIds, agency),
  )
  counts.residents = placements.reduce((sum, placement) => sum + placement.group.length, 0)
  counts.waiting = waiting.reduce((sum, group) => sum + group.length, 0)

  await db
    .insertInto('bed_stay')
    .values(
      placements.flatMap((placement) =>
        placement.group.map((member, index) => ({
          bed_id: placement.bedIds[index] as string,
          client_id: member.clientId,
          enrollment_id: enrollments.get(`${placement.projectId}:${member.clientId}`) as string,
          during: `[${placement.stayFrom.toISOString()},)`,
          created_by: staffUserId,
        })),
      ),
    )
    .execute()
  await recordDemoBedNights(db, facilityIds.get('shelter') as string)

  // A few residents are expected to leave soon: their beds accept referrals.
  const leavingSoon = [...apartments.slice(0, 3).map((apartment) => apartment[0]), familyRooms[0]?.[0]]
  await db
    .updateTable('bed')
    .set({ expected_vacancy_date: daysBefore(today, -14) })
    .where(
      'id',
      'in',
      leavingSoon.filter((id): id is string => id !== undefined),
    )
    .execute()

  // Holds: a family room and two dorm beds, for people the access centers sent.
  const holds = [
    { bedId: bedsOf('shelter', 'Room 14')[0], unit: 'Room 14', group: roomFamilies.shift() },
    { bedId: bedsOf('shelter', 'Dorm B')[30], unit: 'Dorm B', group: singles.shift() },
    { bedId: bedsOf('shelter', 'Dorm B')[31], unit: 'Dorm B', group: singles.shift() },
  ].filter((hold): hold is { bedId: string; unit: string; group: Group } => !!hold.bedId && !!hold.group)
  for (const hold of holds) {
    const reservation = await db
      .insertInto('reservation')
      .values({
        facility_id: facilityIds.get('shelter') as string,
        bed_id: hold.bedId,
        start_date: today,
        end_date: daysBefore(today, -2),
        created_by: staffUserId,
        created_by_organization_id: seededId(seed.organizationIds, 'shelter'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('reservation_member')
      .values(hold.group.map((member) => ({ reservation_id: reservation.id, client_id: member.clientId })))
      .execute()
  }
  counts.reservations = holds.length

  await db
    .insertInto('bed_offline')
    .values(
      bedsOf('shelter', DEMO_OFFLINE_ROOM.unit).map((bedId) => ({
        bed_id: bedId,
        during: sql<string>`tstzrange(${now}::timestamptz - interval '2 days', ${now}::timestamptz + interval '10 days')`,
        reason: DEMO_OFFLINE_ROOM.reason,
        created_by: staffUserId,
      })),
    )
    .execute()

  if (barred?.[0]) {
    await db
      .insertInto('client_bar')
      .values({
        client_id: barred[0].clientId,
        coc_id: seed.cocId,
        facility_id: facilityIds.get('shelter') as string,
        begin_date: daysBefore(today, 30),
        enforcing_organization_ids: [seededId(seed.organizationIds, 'shelter')],
        reason: 'Repeated threats toward other guests',
        notes: 'May return after a meeting with the shelter director.',
        created_by: staffUserId,
        created_by_organization_id: seededId(seed.organizationIds, 'shelter'),
      })
      .execute()
  }

  await recordAudit(db, systemActor, {
    action: 'demo.seed_beds',
    entityType: 'coc',
    entityId: seed.cocId,
    details: { ...counts, facilities: facilityIds.size, bars: barred ? 1 : 0 },
  })
}

function ownerOf(projectId: string, pshId: string) {
  return projectId === pshId ? ('supportiveHousing' as const) : ('shelter' as const)
}

/**
 * The agency's clients who could arrive: not confidential, never enrolled anywhere, not in a bed, grouped
 * by their current household (those of its members the agency owns), head first.
 */
async function candidateGroups(db: Transaction<DB>, cocId: string, organizationId: string): Promise<Group[]> {
  const candidates: Candidate[] = await db
    .selectFrom('client')
    .leftJoin('household_member', (join) =>
      join
        .onRef('household_member.client_id', '=', 'client.id')
        .on('household_member.removed_on', 'is', null),
    )
    .select([
      'client.id as clientId',
      'household_member.household_id as householdId',
      'household_member.relationship_to_hoh as relationship',
    ])
    .where('client.coc_id', '=', cocId)
    .where('client.owner_organization_id', '=', organizationId)
    .where('client.restriction', '<>', 'confidential')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrollment').select('enrollment.id').whereRef('enrollment.client_id', '=', 'client.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bed_stay')
            .select('bed_stay.id')
            .whereRef('bed_stay.client_id', '=', 'client.id')
            .where(sql<boolean>`upper(bed_stay.during) IS NULL`),
        ),
      ),
    )
    .orderBy('client.client_number')
    .execute()
  const groups = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    const key = candidate.householdId ?? candidate.clientId
    groups.set(key, [...(groups.get(key) ?? []), candidate])
  }
  return [...groups.values()].map((members) => {
    const ordered = [...members].sort((a, b) => Number(a.relationship !== 1) - Number(b.relationship !== 1))
    return ordered.map((member, index) => ({
      clientId: member.clientId,
      relationship:
        index === 0 ? 1 : member.relationship && member.relationship !== 1 ? member.relationship : 5,
    }))
  })
}

/** One enrollment household per group in its project; returns enrollment ids by `projectId:clientId`. */
async function enrollGroups(
  db: Transaction<DB>,
  cocId: string,
  groups: { group: Group; projectId: string; entryDate: string; agency: 'shelter' | 'supportiveHousing' }[],
  organizationOf: (agency: 'shelter' | 'supportiveHousing') => string,
): Promise<Map<string, string>> {
  const households = groups.map((entry) => ({ ...entry, id: crypto.randomUUID() }))
  if (households.length === 0) return new Map()
  await db
    .insertInto('enrollment_household')
    .values(
      households.map((household) => ({
        id: household.id,
        project_id: household.projectId,
        coc_id: cocId,
        owner_organization_id: organizationOf(household.agency),
      })),
    )
    .execute()
  const rows = households.flatMap((household) =>
    household.group.map((member) => ({
      id: crypto.randomUUID(),
      enrollment_household_id: household.id,
      client_id: member.clientId,
      project_id: household.projectId,
      relationship_to_hoh: member.relationship,
      entry_date: household.entryDate,
      owner_organization_id: organizationOf(household.agency),
    })),
  )
  await db.insertInto('enrollment').values(rows).execute()
  return new Map(rows.map((row) => [`${row.project_id}:${row.client_id}`, row.id]))
}

/** HUD bed nights for the night-by-night stays just created (the check-in night). */
async function recordDemoBedNights(db: Transaction<DB>, facilityId: string): Promise<void> {
  await sql`
    INSERT INTO bed_night (client_id, enrollment_id, stay_id, project_id, night)
    SELECT s.client_id, s.enrollment_id, s.id, b.project_id, (lower(s.during) AT TIME ZONE 'UTC')::date
    FROM bed_stay s
    JOIN bed b ON b.id = s.bed_id
    JOIN project p ON p.id = b.project_id AND p.project_type = ${NIGHT_BY_NIGHT}
    WHERE b.facility_id = ${facilityId}::uuid
    ON CONFLICT (enrollment_id, night) DO NOTHING`.execute(db)
}
