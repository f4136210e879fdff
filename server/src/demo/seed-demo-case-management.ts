import {
  ADULT_AGE,
  addDays,
  ageOn,
  DISABILITY_TYPE_CODES,
  type FinancialAssistanceKind,
  HEAD_OF_HOUSEHOLD,
  PERMANENT_HOUSING_PROJECT_TYPES,
  type ServiceCategory,
  type ServiceUnit,
  DATA_COLLECTION_STAGES as STAGE,
} from '@threshold/core'
import { type Insertable, sql, type Transaction } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import type { IncomeBenefitsTable } from '../enrollments/enrollment.tables'
import { DEMO_AGENCIES, DEMO_COC, type DemoAgencyKey } from './demo-agencies'
import { DEMO_USERS } from './demo-users'
import { type DemoSeed, seededId } from './seed-step'

// Case management in the demo: households enrolled in every kind of project the demo agencies run (not
// Coordinated Entry: the queue's step enrolls those), with their project-start records, services,
// financial assistance and case notes. Some have exited; a few left elements out on purpose so that the
// data-quality report and the dashboard's "missing elements" have something to show. Loaded in bulk.

/** What one demo household went through. Days count back from the day the demo is created. */
interface Placement {
  project: string
  agency: DemoAgencyKey
  entryDaysAgo: number
  exit?: { daysAgo: number; destination: number }
  moveInDaysAgo?: number
  /** Leaves income, disabilities and DV unrecorded and answers insurance "client doesn't know". */
  incomplete?: boolean
  /** A household of two or more (when the agency has one left). */
  family?: boolean
}

const RRH = DEMO_AGENCIES.rapidRehousing.projects[0].name
const [SHELTER] = DEMO_AGENCIES.shelter.projects
const PSH = DEMO_AGENCIES.supportiveHousing.projects[0].name
const [PREVENTION, RENTAL_ASSISTANCE] = DEMO_AGENCIES.prevention.projects
const [FAMILY_SUPPORT, SUPPORTIVE_SERVICES] = DEMO_AGENCIES.familyServices.projects

/** HUD 3.12 destinations used below: rental without subsidy, staying with family, emergency shelter. */
const RENTAL_NO_SUBSIDY = 410
const WITH_FAMILY_PERMANENT = 422
const EMERGENCY_SHELTER = 101

const PLACEMENTS: readonly Placement[] = [
  { project: RRH, agency: 'rapidRehousing', entryDaysAgo: 95, moveInDaysAgo: 60, family: true },
  { project: RRH, agency: 'rapidRehousing', entryDaysAgo: 380, moveInDaysAgo: 330 },
  { project: RRH, agency: 'rapidRehousing', entryDaysAgo: 40, incomplete: true },
  {
    project: RRH,
    agency: 'rapidRehousing',
    entryDaysAgo: 300,
    moveInDaysAgo: 270,
    family: true,
    exit: { daysAgo: 30, destination: RENTAL_NO_SUBSIDY },
  },
  { project: SHELTER.name, agency: 'shelter', entryDaysAgo: 12 },
  {
    project: SHELTER.name,
    agency: 'shelter',
    entryDaysAgo: 70,
    exit: { daysAgo: 50, destination: WITH_FAMILY_PERMANENT },
  },
  { project: SHELTER.name, agency: 'shelter', entryDaysAgo: 9, incomplete: true },
  { project: PSH, agency: 'supportiveHousing', entryDaysAgo: 500, moveInDaysAgo: 480 },
  { project: PSH, agency: 'supportiveHousing', entryDaysAgo: 20, family: true },
  { project: PREVENTION.name, agency: 'prevention', entryDaysAgo: 45, family: true },
  {
    project: PREVENTION.name,
    agency: 'prevention',
    entryDaysAgo: 150,
    exit: { daysAgo: 60, destination: RENTAL_NO_SUBSIDY },
  },
  { project: RENTAL_ASSISTANCE.name, agency: 'prevention', entryDaysAgo: 25, incomplete: true },
  { project: FAMILY_SUPPORT.name, agency: 'familyServices', entryDaysAgo: 120, family: true },
  {
    project: SUPPORTIVE_SERVICES.name,
    agency: 'familyServices',
    entryDaysAgo: 200,
    exit: { daysAgo: 15, destination: EMERGENCY_SHELTER },
  },
]

interface CatalogueEntry {
  name: string
  category: ServiceCategory
  assistanceKind: FinancialAssistanceKind | null
  unit: ServiceUnit
  defaultValue: number | null
}

const money = (name: string, kind: FinancialAssistanceKind, defaultValue: number | null): CatalogueEntry => ({
  name,
  category: 'financial_assistance',
  assistanceKind: kind,
  unit: 'dollars',
  defaultValue,
})
const service = (name: string, category: ServiceCategory, unit: ServiceUnit, defaultValue = 1) => ({
  name,
  category,
  assistanceKind: null,
  unit,
  defaultValue,
})

/** Each agency's catalogue; the first financial entry is the one the demo pays from. */
export const DEMO_SERVICE_CATALOGUES: Partial<Record<DemoAgencyKey, readonly CatalogueEntry[]>> = {
  rapidRehousing: [
    money('Rental assistance', 'rental', 850),
    money('Security deposit', 'security_deposit', null),
    money('Utility deposit', 'utility_deposit', null),
    service('Housing case management', 'rapid_rehousing', 'hours'),
  ],
  shelter: [
    service('Shelter stay', 'emergency_shelter', 'count'),
    service('Meals', 'supportive_services', 'count', 3),
  ],
  supportiveHousing: [
    money('Moving costs', 'moving_costs', null),
    service('Supportive housing case management', 'permanent_supportive_housing', 'hours'),
  ],
  prevention: [
    money('Rental arrears', 'rental_arrears', null),
    money('Utility payment', 'utility_payment', 150),
    service('Eviction prevention counseling', 'homeless_prevention', 'hours'),
  ],
  familyServices: [
    service('Family setting support visit', 'family_based_setting_support', 'hours', 2),
    service('Supportive services', 'supportive_services', 'minutes', 30),
  ],
}

interface Member {
  clientId: string
  relationship: number
  dob: string | null
}

/**
 * The agency's own clients not enrolled anywhere yet, not confidential, grouped by their current household
 * with the head first (a lone client is their own head).
 */
async function householdsOwnedBy(db: Transaction<DB>, cocId: string, organizationId: string) {
  const rows = await db
    .selectFrom('client')
    .leftJoin('household_member', (join) =>
      join
        .onRef('household_member.client_id', '=', 'client.id')
        .on('household_member.removed_on', 'is', null),
    )
    .select([
      'client.id as clientId',
      'client.dob',
      'household_member.household_id as householdId',
      'household_member.relationship_to_hoh as relationship',
    ])
    .where('client.coc_id', '=', cocId)
    .where('client.owner_organization_id', '=', organizationId)
    .where('client.restriction', '<>', 'confidential')
    .where('client.merged_into_client_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrollment').select('enrollment.id').whereRef('enrollment.client_id', '=', 'client.id'),
        ),
      ),
    )
    .orderBy('client.client_number')
    .execute()
  const groups = new Map<string, typeof rows>()
  for (const row of rows)
    groups.set(row.householdId ?? row.clientId, [...(groups.get(row.householdId ?? row.clientId) ?? []), row])
  return [...groups.values()].map((rowsOfGroup): Member[] => {
    const ordered = [...rowsOfGroup].sort(
      (a, b) => Number(a.relationship !== HEAD_OF_HOUSEHOLD) - Number(b.relationship !== HEAD_OF_HOUSEHOLD),
    )
    return ordered.map((row, index) => ({
      clientId: row.clientId,
      dob: row.dob,
      relationship:
        index === 0
          ? HEAD_OF_HOUSEHOLD
          : row.relationship && row.relationship !== HEAD_OF_HOUSEHOLD
            ? row.relationship
            : 5,
    }))
  })
}

/** The demo user working at the agency, if it has one (agencies without a sign-in get no case notes). */
function staffOf(seed: DemoSeed, agency: DemoAgencyKey): string | null {
  const user = DEMO_USERS.find((candidate) =>
    candidate.memberships.some((membership) => membership.agency === agency),
  )
  return user ? seededId(seed.userIds, user.username) : null
}

const isAdultOn = (member: Member, date: string) =>
  member.dob === null || ageOn(member.dob, date) >= ADULT_AGE

export async function seedDemoCaseManagement(seed: DemoSeed): Promise<void> {
  const { db, cocId } = seed
  const { rows } = await sql<{
    today: string
  }>`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`.execute(db)
  const today = (rows[0] as { today: string }).today
  const daysAgo = (days: number) => addDays(today, -days)

  // The service catalogues.
  const catalogue = new Map<string, { id: string; entry: CatalogueEntry }>()
  const typeRows = Object.entries(DEMO_SERVICE_CATALOGUES).flatMap(([agency, entries]) =>
    (entries ?? []).map((entry) => {
      const id = crypto.randomUUID()
      catalogue.set(`${agency}:${entry.name}`, { id, entry })
      return {
        id,
        organization_id: seededId(seed.organizationIds, agency as DemoAgencyKey),
        name: entry.name,
        category: entry.category,
        assistance_kind: entry.assistanceKind,
        unit: entry.unit,
        default_value: entry.defaultValue,
        created_by: staffOf(seed, agency as DemoAgencyKey),
      }
    }),
  )
  await db.insertInto('service_type').values(typeRows).execute()

  const available = new Map<DemoAgencyKey, Member[][]>()
  const projectTypes = new Map(
    (await db.selectFrom('project').select(['id', 'project_type']).where('coc_id', '=', cocId).execute()).map(
      (project) => [project.id, project.project_type],
    ),
  )
  const households: Insertable<DB['enrollment_household']>[] = []
  const enrollments: (Insertable<DB['enrollment']> & { id: string })[] = []
  const incomes: Insertable<IncomeBenefitsTable>[] = []
  const disabilities: Insertable<DB['disabilities']>[] = []
  const dv: Insertable<DB['health_and_dv']>[] = []
  const services: Insertable<DB['service_record']>[] = []
  const notes: (Insertable<DB['case_note']> & { id: string })[] = []

  for (const [index, placement] of PLACEMENTS.entries()) {
    const organizationId = seededId(seed.organizationIds, placement.agency)
    if (!available.has(placement.agency))
      available.set(placement.agency, await householdsOwnedBy(db, cocId, organizationId))
    const groups = available.get(placement.agency) ?? []
    const wanted = placement.family ? groups.findIndex((candidate) => candidate.length > 1) : 0
    const [group] = groups.splice(Math.max(wanted, 0), 1)
    if (!group) continue
    const projectId = seededId(seed.projectIds, placement.project)
    const staff = staffOf(seed, placement.agency)
    const householdId = crypto.randomUUID()
    const entryDate = daysAgo(placement.entryDaysAgo)
    const exitDate = placement.exit ? daysAgo(placement.exit.daysAgo) : null
    const permanent = PERMANENT_HOUSING_PROJECT_TYPES.includes(projectTypes.get(projectId) ?? -1)
    households.push({
      id: householdId,
      project_id: projectId,
      coc_id: cocId,
      owner_organization_id: organizationId,
      created_by: staff,
    })

    for (const member of group) {
      const head = member.relationship === HEAD_OF_HOUSEHOLD
      const adult = head || isAdultOn(member, entryDate)
      const enrollmentId = crypto.randomUUID()
      enrollments.push({
        id: enrollmentId,
        enrollment_household_id: householdId,
        client_id: member.clientId,
        project_id: projectId,
        relationship_to_hoh: member.relationship,
        entry_date: entryDate,
        move_in_date: head && permanent && placement.moveInDaysAgo ? daysAgo(placement.moveInDaysAgo) : null,
        exit_date: exitDate,
        destination: placement.exit?.destination ?? null,
        enrollment_coc: head ? DEMO_COC.code : null,
        disabling_condition: placement.incomplete ? 99 : index % 4 === 1 && head ? 1 : 0,
        living_situation: adult ? (placement.incomplete ? 8 : 116) : null,
        length_of_stay: adult && !placement.incomplete ? 4 : null,
        owner_organization_id: organizationId,
        created_by: staff,
      })
      const stage = (dataCollectionStage: number, informationDate: string) => ({
        enrollment_id: enrollmentId,
        data_collection_stage: dataCollectionStage,
        information_date: informationDate,
        created_by: staff,
      })
      const stages = [
        { code: STAGE.projectStart, date: entryDate },
        ...(exitDate ? [{ code: STAGE.projectExit, date: exitDate }] : []),
      ]
      for (const { code, date } of stages) {
        if (placement.incomplete) {
          // Insurance unknown; income, benefits, disabilities and DV never asked.
          if (code === STAGE.projectStart)
            incomes.push({ ...stage(code, date), insurance_from_any_source: 8 })
          continue
        }
        const earned = adult && index % 2 === 0 ? 1100 + index * 25 : null
        incomes.push({
          ...stage(code, date),
          income_from_any_source: adult ? (earned ? 1 : 0) : null,
          earned: earned ? 1 : adult ? 0 : null,
          earned_amount: earned,
          total_monthly_income: adult ? (earned ?? 0) : null,
          benefits_from_any_source: adult ? 1 : null,
          snap: adult ? 1 : null,
          insurance_from_any_source: 1,
          medicaid: 1,
        })
        for (const type of DISABILITY_TYPE_CODES)
          disabilities.push({ ...stage(code, date), disability_type: type, disability_response: 0 })
        if (adult && code === STAGE.projectStart)
          dv.push({ ...stage(code, date), domestic_violence_survivor: 0 })
      }

      if (!head) continue
      // Services for the head: assistance paid where the agency pays any, and the agency's main service.
      const entries = DEMO_SERVICE_CATALOGUES[placement.agency] ?? []
      const paid = entries.find((entry) => entry.category === 'financial_assistance')
      const regular = entries.find((entry) => entry.category !== 'financial_assistance')
      const serviceRow = (entry: CatalogueEntry, daysIn: number, measure: number) => ({
        id: crypto.randomUUID(),
        enrollment_id: enrollmentId,
        client_id: member.clientId,
        service_type_id: (catalogue.get(`${placement.agency}:${entry.name}`) as { id: string }).id,
        owner_organization_id: organizationId,
        batch_id: crypto.randomUUID(),
        provided_on: addDays(entryDate, daysIn),
        [entry.unit === 'dollars' ? 'amount' : 'quantity']: measure,
        funder: entry.unit === 'dollars' ? 'CoC Program' : null,
        created_by: staff,
      })
      const lastDay = exitDate ? placement.entryDaysAgo - placement.exit!.daysAgo : placement.entryDaysAgo
      for (let day = 3, month = 0; day <= lastDay && month < 4; day += 30, month += 1) {
        if (paid) services.push(serviceRow(paid, day, paid.defaultValue ?? 400 + 50 * month))
        if (regular) services.push(serviceRow(regular, day + 1, regular.defaultValue ?? 1))
      }

      if (!staff) continue
      const note = (
        regarding: string,
        text: string,
        daysIn: number,
        extra: { locked?: boolean; shareable?: boolean } = {},
      ) => {
        notes.push({
          id: crypto.randomUUID(),
          client_id: member.clientId,
          coc_id: cocId,
          owner_organization_id: organizationId,
          author_user_id: staff,
          enrollment_id: enrollmentId,
          entry_date: addDays(entryDate, Math.min(daysIn, lastDay)),
          regarding,
          body_html: `<p>${text}</p>`,
          plain_text: text,
          locked: extra.locked ?? false,
          shareable: extra.shareable ?? false,
          updated_by: staff,
        })
      }
      note('Intake at project start', 'Reviewed the household’s needs and goals; documents collected.', 0)
      if (index === 0) {
        note(
          'Lease signed',
          'Household signed a 12-month lease. Landlord contact recorded in the file.',
          30,
          {
            locked: true,
          },
        )
        note(
          'Housing plan shared with CE',
          'Housing plan agreed; the client asked that CE partners see it.',
          35,
          {
            shareable: true,
          },
        )
      }
    }
  }

  if (households.length > 0) {
    await db.insertInto('enrollment_household').values(households).execute()
    await db.insertInto('enrollment').values(enrollments).execute()
  }
  if (incomes.length > 0) await db.insertInto('income_benefits').values(incomes).execute()
  if (disabilities.length > 0) await db.insertInto('disabilities').values(disabilities).execute()
  if (dv.length > 0) await db.insertInto('health_and_dv').values(dv).execute()
  if (services.length > 0) await db.insertInto('service_record').values(services).execute()
  if (notes.length > 0) {
    await db.insertInto('case_note').values(notes).execute()
    await db
      .insertInto('case_note_version')
      .values(
        notes.map((row) => ({
          case_note_id: row.id,
          version: 1,
          action: 'created' as const,
          entry_date: row.entry_date,
          regarding: row.regarding,
          body_html: row.body_html,
          shareable: row.shareable ?? false,
          locked: row.locked ?? false,
          changed_fields: [],
          changed_by: row.author_user_id,
          organization_id: row.owner_organization_id,
        })),
      )
      .execute()
  }
  await recordAudit(db, systemActor, {
    action: 'demo.seed_case_management',
    entityType: 'coc',
    entityId: cocId,
    details: {
      enrollmentHouseholds: households.length,
      enrollments: enrollments.length,
      serviceTypes: typeRows.length,
      serviceRecords: services.length,
      caseNotes: notes.length,
    },
  })
}
