import {
  type AreaMedianIncome,
  buildEligibilityFacts,
  type EligibilityFacts,
  type EligibilityMemberRecord,
  HEAD_OF_HOUSEHOLD,
  PROJECT_TYPES,
} from '@threshold/core'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

// The eligibility facts of many enrollment households at once: five set-based queries per chunk (members,
// latest income per member, the head's latest DV record, the latest CE score, the CoC's AMI), whatever the
// number of households, and the derivation in core (buildEligibilityFacts). No access checks: callers
// decide which households the actor may evaluate.

type Db = Kysely<DB> | Transaction<DB>

/** Households per round of queries: one array parameter each, so the queue's 50k rows take 5 rounds. */
const CHUNK = 10_000

const inIds = (column: string, ids: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} = any(${ids}::uuid[])`

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK))
  return result
}

export async function loadAreaMedianIncomes(
  db: Db,
  cocIds: readonly string[],
): Promise<Map<string, AreaMedianIncome>> {
  if (cocIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('coc_area_median_income')
    .select(['coc_id', 'year', 'amounts'])
    .where(inIds('coc_id', [...new Set(cocIds)]))
    .execute()
  return new Map(rows.map((row) => [row.coc_id, { year: row.year, amounts: row.amounts }]))
}

/**
 * Eligibility facts on `asOf` for each enrollment household that exists (missing ids are left out). The
 * members are those still enrolled (all of them when the whole household has exited); the CE project is
 * the household's own project when it is a CE (type 14) project.
 */
export async function loadEligibilityFacts(
  db: Db,
  { enrollmentHouseholdIds, asOf }: { enrollmentHouseholdIds: readonly string[]; asOf: string },
): Promise<Map<string, EligibilityFacts>> {
  const facts = new Map<string, EligibilityFacts>()
  for (const ids of chunks([...new Set(enrollmentHouseholdIds)])) {
    for (const [id, householdFacts] of await loadChunk(db, ids, asOf)) facts.set(id, householdFacts)
  }
  return facts
}

async function loadChunk(db: Db, ids: string[], asOf: string): Promise<Map<string, EligibilityFacts>> {
  const members = await db
    .selectFrom('enrollment as e')
    .innerJoin('client as c', 'c.id', 'e.client_id')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .select([
      'e.id',
      'e.enrollment_household_id as householdId',
      'e.relationship_to_hoh as relationshipToHoh',
      'e.entry_date as entryDate',
      'e.exit_date as exitDate',
      'e.disabling_condition as disablingCondition',
      'e.living_situation as livingSituation',
      'e.length_of_stay as lengthOfStay',
      'e.los_under_threshold as losUnderThreshold',
      'e.previous_street_essh as previousStreetEssh',
      'e.date_to_street_essh as dateToStreetEssh',
      'e.times_homeless_past_three_years as timesHomelessPastThreeYears',
      'e.months_homeless_past_three_years as monthsHomelessPastThreeYears',
      'c.dob',
      'c.veteran_status as veteranStatus',
      'p.id as projectId',
      'p.project_type as projectType',
      'p.coc_id as cocId',
    ])
    .where(inIds('e.enrollment_household_id', ids))
    .execute()
  if (members.length === 0) return new Map()
  const enrollmentIds = members.map((member) => member.id)
  const headEnrollmentIds = members
    .filter((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD)
    .map((member) => member.id)

  const [incomes, violence, scores, amis] = await Promise.all([
    db
      .selectFrom('income_benefits')
      .select(['enrollment_id', 'total_monthly_income'])
      .distinctOn('enrollment_id')
      .where(inIds('enrollment_id', enrollmentIds))
      .orderBy('enrollment_id')
      .orderBy('information_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('health_and_dv')
      .select(['enrollment_id', 'domestic_violence_survivor', 'currently_fleeing'])
      .distinctOn('enrollment_id')
      .where(inIds('enrollment_id', headEnrollmentIds))
      .orderBy('enrollment_id')
      .orderBy('information_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('ce_assessment')
      .select(['enrollment_id', 'score'])
      .distinctOn('enrollment_id')
      .where(inIds('enrollment_id', headEnrollmentIds))
      .where('score', 'is not', null)
      .orderBy('enrollment_id')
      .orderBy('assessment_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    loadAreaMedianIncomes(
      db,
      members.map((member) => member.cocId),
    ),
  ])
  const incomeOf = new Map(incomes.map((row) => [row.enrollment_id, row.total_monthly_income]))
  const violenceOf = new Map(violence.map((row) => [row.enrollment_id, row]))
  const scoreOf = new Map(scores.map((row) => [row.enrollment_id, Number(row.score)]))

  const byHousehold = new Map<string, typeof members>()
  for (const member of members) {
    const household = byHousehold.get(member.householdId)
    if (household) household.push(member)
    else byHousehold.set(member.householdId, [member])
  }
  const facts = new Map<string, EligibilityFacts>()
  for (const [householdId, everyone] of byHousehold) {
    const staying = everyone.filter((member) => member.exitDate === null || member.exitDate > asOf)
    const current = staying.length > 0 ? staying : everyone
    const head = current.find((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD)
    const first = everyone[0]
    if (!first) continue
    const dv = head ? violenceOf.get(head.id) : undefined
    facts.set(
      householdId,
      buildEligibilityFacts({
        asOf,
        members: current.map(
          (member): EligibilityMemberRecord => ({
            dob: member.dob,
            relationshipToHoh: member.relationshipToHoh,
            veteranStatus: member.veteranStatus,
            disablingCondition: member.disablingCondition,
            chronic: {
              entryDate: member.entryDate,
              projectType: member.projectType,
              priorLivingSituation: member,
            },
            latestMonthlyIncome: incomeOf.has(member.id)
              ? nullableNumber(incomeOf.get(member.id))
              : undefined,
          }),
        ),
        domesticViolence: dv
          ? {
              domesticViolenceSurvivor: dv.domestic_violence_survivor,
              currentlyFleeing: dv.currently_fleeing,
            }
          : null,
        ceScore: (head && scoreOf.get(head.id)) ?? null,
        ceProjectId: first.projectType === PROJECT_TYPES.CE ? first.projectId : null,
        areaMedianIncome: amis.get(first.cocId) ?? null,
      }),
    )
  }
  return facts
}

const nullableNumber = (value: string | null | undefined) =>
  value === null || value === undefined ? null : Number(value)

/** A client on their own, from their record alone (no enrollment yet): ages and veteran status only. */
export async function loadClientOnlyFacts(
  db: Db,
  { clientId, cocId, asOf }: { clientId: string; cocId: string; asOf: string },
): Promise<EligibilityFacts> {
  const client = await db
    .selectFrom('client')
    .select(['dob', 'veteran_status'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
  const amis = await loadAreaMedianIncomes(db, [cocId])
  return buildEligibilityFacts({
    asOf,
    members: [
      {
        dob: client.dob,
        relationshipToHoh: HEAD_OF_HOUSEHOLD,
        veteranStatus: client.veteran_status,
        disablingCondition: null,
        chronic: null,
        latestMonthlyIncome: undefined,
      },
    ],
    domesticViolence: null,
    ceScore: null,
    ceProjectId: null,
    areaMedianIncome: amis.get(cocId) ?? null,
  })
}
