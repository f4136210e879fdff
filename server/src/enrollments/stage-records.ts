import {
  type DataCollectionStageCode,
  type EnrollmentAssessment,
  INCOME_SOURCE_FIELDS,
  IncomeBenefits,
  type IncomeBenefitsAnswers,
  incomeAmountField,
  type StageAnswers,
  snakeCase,
} from '@threshold/core'
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { UserActor } from '../access/actor'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import type { IncomeBenefitsTable } from './enrollment.tables'

// The records of one data collection stage (HUD IncomeBenefits, Disabilities, HealthAndDV), written
// together for one enrollment and one information date, and read back grouped the same way.

const INCOME_BENEFIT_FIELDS = Object.keys(IncomeBenefits.shape) as (keyof IncomeBenefits)[]
const MONEY_FIELDS = new Set<string>([
  ...INCOME_SOURCE_FIELDS.map(incomeAmountField),
  'otherIncomeAmount',
  'totalMonthlyIncome',
])

/** 4.02.18: the sum of the amounts when there is income, 0 when there is none, unknown otherwise. */
function totalMonthlyIncome(answers: IncomeBenefitsAnswers): number | null {
  if (answers.incomeFromAnySource === 0) return 0
  if (answers.incomeFromAnySource !== 1) return null
  const amounts = [...INCOME_SOURCE_FIELDS.map(incomeAmountField), 'otherIncomeAmount' as const].map(
    (field) => answers[field] ?? 0,
  )
  return Math.round(amounts.reduce((sum, amount) => sum + amount * 100, 0)) / 100
}

export interface StageRecord {
  enrollmentId: string
  stage: DataCollectionStageCode
  informationDate: string
  answers: StageAnswers
}

/** Which parts were answered: the field names an audit row records. */
export function answeredParts(answers: StageAnswers): string[] {
  return Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .map(([part]) => part)
}

/** Writes the answered parts; a second project start or exit record of a kind is a 409. */
export async function insertStageRecord(
  trx: Transaction<DB>,
  actor: UserActor,
  record: StageRecord,
): Promise<void> {
  const base = {
    enrollment_id: record.enrollmentId,
    information_date: record.informationDate,
    data_collection_stage: record.stage,
    created_by: actor.userId,
  }
  const { incomeBenefits, disabilities, healthAndDv } = record.answers
  try {
    if (incomeBenefits) {
      const columns = Object.fromEntries(
        Object.entries(incomeBenefits).map(([field, value]) => [snakeCase(field), value ?? null]),
      )
      await trx
        .insertInto('income_benefits')
        .values({
          ...base,
          ...columns,
          total_monthly_income: totalMonthlyIncome(incomeBenefits),
        } as Insertable<IncomeBenefitsTable>)
        .execute()
    }
    if (disabilities && disabilities.length > 0) {
      await trx
        .insertInto('disabilities')
        .values(
          disabilities.map((answer) => ({
            ...base,
            disability_type: answer.disabilityType,
            disability_response: answer.disabilityResponse,
            indefinite_and_impairs: answer.indefiniteAndImpairs,
          })),
        )
        .execute()
    }
    if (healthAndDv) {
      await trx
        .insertInto('health_and_dv')
        .values({
          ...base,
          domestic_violence_survivor: healthAndDv.domesticViolenceSurvivor,
          when_occurred: healthAndDv.whenOccurred,
          currently_fleeing: healthAndDv.currentlyFleeing,
        })
        .execute()
    }
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError(
        'conflict',
        'This enrollment already has a record of this stage for that date (project start and exit are recorded once)',
      )
    }
    throw error
  }
}

/** Every stage record of an enrollment, one entry per stage and information date, latest first. */
export async function loadStageRecords(
  db: Kysely<DB>,
  enrollmentId: string,
): Promise<EnrollmentAssessment[]> {
  const [incomes, disabilities, dv] = await Promise.all([
    db.selectFrom('income_benefits').selectAll().where('enrollment_id', '=', enrollmentId).execute(),
    db
      .selectFrom('disabilities')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .orderBy('disability_type')
      .execute(),
    db.selectFrom('health_and_dv').selectAll().where('enrollment_id', '=', enrollmentId).execute(),
  ])
  const assessments = new Map<string, EnrollmentAssessment>()
  const entryFor = (row: { data_collection_stage: number; information_date: string }) => {
    const key = `${row.information_date}/${row.data_collection_stage}`
    let entry = assessments.get(key)
    if (!entry) {
      entry = {
        dataCollectionStage: row.data_collection_stage as DataCollectionStageCode,
        informationDate: row.information_date,
        incomeBenefits: null,
        disabilities: [],
        healthAndDv: null,
      }
      assessments.set(key, entry)
    }
    return entry
  }
  for (const row of incomes) {
    const columns = row as unknown as Record<string, unknown>
    entryFor(row).incomeBenefits = Object.fromEntries(
      INCOME_BENEFIT_FIELDS.map((field) => {
        const value = columns[snakeCase(field)] ?? null
        return [field, value !== null && MONEY_FIELDS.has(field) ? Number(value) : value]
      }),
    ) as IncomeBenefits
  }
  for (const row of disabilities) {
    entryFor(row).disabilities.push({
      disabilityType: row.disability_type,
      disabilityResponse: row.disability_response,
      indefiniteAndImpairs: row.indefinite_and_impairs,
    })
  }
  for (const row of dv) {
    entryFor(row).healthAndDv = {
      domesticViolenceSurvivor: row.domestic_violence_survivor,
      whenOccurred: row.when_occurred,
      currentlyFleeing: row.currently_fleeing,
    }
  }
  return [...assessments.values()].sort(
    (a, b) =>
      b.informationDate.localeCompare(a.informationDate) || b.dataCollectionStage - a.dataCollectionStage,
  )
}
