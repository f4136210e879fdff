import { PROJECT_TYPES } from '../hud/index'
import { annualWindowContaining } from './annual-assessment'

// The date, exit and household rules of an enrollment (HUD 3.10, 3.11, 3.12, 3.15, 3.20 and the data
// collection stages). Each check returns the broken rules as `{ field, message }`; none means valid.

export interface RuleIssue {
  field: string
  message: string
}

/** HUD 3.20 Housing Move-in Date is collected by permanent housing projects only. */
export const PERMANENT_HOUSING_PROJECT_TYPES: readonly number[] = [
  PROJECT_TYPES.PSH,
  PROJECT_TYPES.PH_HOUSING_ONLY,
  PROJECT_TYPES.PH_HOUSING_WITH_SERVICES,
  PROJECT_TYPES.RRH,
]

export const HEAD_OF_HOUSEHOLD = 1
/** 3.12 destinations that carry a detail: 435 the subsidy type (3.12.A), 17 "Other" a description (3.12.B). */
export const DESTINATION_WITH_SUBSIDY = 435
export const DESTINATION_OTHER = 17

export interface EnrollmentDates {
  entryDate: string
  moveInDate: string | null
  exitDate: string | null
  /** The client's date of birth, when known. */
  dob: string | null
  projectType: number
  today: string
}

/** Start ≤ move-in ≤ exit, nothing in the future, born by the start, move-in only in PH. */
export function enrollmentDateIssues(dates: EnrollmentDates): RuleIssue[] {
  const issues: RuleIssue[] = []
  const { entryDate, moveInDate, exitDate, dob, today } = dates
  const notFuture = (field: string, value: string | null, label: string) => {
    if (value !== null && value > today)
      issues.push({ field, message: `The ${label} must not be in the future` })
  }
  notFuture('entryDate', entryDate, 'project start date')
  notFuture('moveInDate', moveInDate, 'housing move-in date')
  notFuture('exitDate', exitDate, 'project exit date')
  if (dob !== null && dob > entryDate) {
    issues.push({
      field: 'entryDate',
      message: `The project start date ${entryDate} is before the client's date of birth`,
    })
  }
  if (exitDate !== null && exitDate < entryDate) {
    issues.push({
      field: 'exitDate',
      message: `The project exit date ${exitDate} is before the project start date ${entryDate}`,
    })
  }
  if (moveInDate !== null) {
    if (!PERMANENT_HOUSING_PROJECT_TYPES.includes(dates.projectType)) {
      issues.push({
        field: 'moveInDate',
        message: 'A housing move-in date applies only to permanent housing projects',
      })
    } else if (moveInDate < entryDate) {
      issues.push({
        field: 'moveInDate',
        message: `The housing move-in date ${moveInDate} is before the project start date ${entryDate}`,
      })
    } else if (exitDate !== null && moveInDate > exitDate) {
      issues.push({
        field: 'moveInDate',
        message: `The housing move-in date ${moveInDate} is after the project exit date ${exitDate}`,
      })
    }
  }
  return issues
}

export interface ExitAnswer {
  exitDate: string | null
  destination: number | null
  destinationSubsidyType: number | null
  otherDestination: string | null
}

/** A destination is given exactly when there is an exit; its details only for the answers that need them. */
export function exitIssues(exit: ExitAnswer): RuleIssue[] {
  const issues: RuleIssue[] = []
  if (exit.exitDate !== null && exit.destination === null) {
    issues.push({ field: 'destination', message: 'A destination is required when the client exits' })
  }
  if (exit.exitDate === null && exit.destination !== null) {
    issues.push({ field: 'destination', message: 'A destination is recorded only with a project exit date' })
  }
  if (exit.destination === DESTINATION_WITH_SUBSIDY && exit.destinationSubsidyType === null) {
    issues.push({
      field: 'destinationSubsidyType',
      message: 'Rental with an ongoing housing subsidy needs the subsidy type',
    })
  }
  if (exit.destination !== DESTINATION_WITH_SUBSIDY && exit.destinationSubsidyType !== null) {
    issues.push({
      field: 'destinationSubsidyType',
      message: 'A subsidy type is recorded only for rental with an ongoing housing subsidy',
    })
  }
  if (exit.destination !== DESTINATION_OTHER && exit.otherDestination !== null) {
    issues.push({
      field: 'otherDestination',
      message: 'A destination description is recorded only for "Other"',
    })
  }
  return issues
}

export interface HouseholdStay {
  clientId: string
  relationshipToHoh: number
  entryDate: string
  exitDate: string | null
}

/**
 * HUD 3.15: exactly one head of household per enrollment household; members join on or after the head's
 * start and leave no later than the head's exit (the household ends with its head).
 */
export function householdIssues(stays: readonly HouseholdStay[]): RuleIssue[] {
  const heads = stays.filter((stay) => stay.relationshipToHoh === HEAD_OF_HOUSEHOLD)
  if (heads.length !== 1) {
    return [
      {
        field: 'relationshipToHoh',
        message: `An enrollment household needs exactly one head of household (Self); this one has ${heads.length}`,
      },
    ]
  }
  const head = heads[0] as HouseholdStay
  const issues: RuleIssue[] = []
  for (const stay of stays) {
    if (stay === head) continue
    if (stay.entryDate < head.entryDate) {
      issues.push({
        field: 'entryDate',
        message: `A member cannot start (${stay.entryDate}) before the head of household (${head.entryDate})`,
      })
    }
    if (head.exitDate !== null && (stay.exitDate === null || stay.exitDate > head.exitDate)) {
      issues.push({
        field: 'exitDate',
        message: `Every member must exit by the head of household's exit date ${head.exitDate}`,
      })
    }
    if (head.exitDate !== null && stay.entryDate > head.exitDate) {
      issues.push({
        field: 'entryDate',
        message: `A member cannot start after the head of household exited (${head.exitDate})`,
      })
    }
  }
  return issues
}

/** HUD 5.03.1 DataCollectionStage codes. */
export const DATA_COLLECTION_STAGES = {
  projectStart: 1,
  update: 2,
  projectExit: 3,
  annualAssessment: 5,
  postExit: 6,
} as const
export type DataCollectionStageCode = (typeof DATA_COLLECTION_STAGES)[keyof typeof DATA_COLLECTION_STAGES]

export interface StageRecordContext {
  stage: DataCollectionStageCode
  informationDate: string
  entryDate: string
  exitDate: string | null
  /** The annual window follows the head of household's start date. */
  hohEntryDate: string
  today: string
}

/**
 * When a stage record may be dated: project start on the start date, exit on the exit date, updates during
 * the stay, annual assessments within ±30 days of an anniversary of the head's start, post-exit after exit.
 */
export function stageRecordIssues(record: StageRecordContext): RuleIssue[] {
  const { stage, informationDate: date, entryDate, exitDate } = record
  const issue = (message: string): RuleIssue[] => [{ field: 'informationDate', message }]
  if (date > record.today) return issue('The information date must not be in the future')
  if (date < entryDate)
    return issue(`The information date ${date} is before the project start date ${entryDate}`)
  switch (stage) {
    case DATA_COLLECTION_STAGES.projectStart:
      return date === entryDate
        ? []
        : issue(`Project start information is dated the project start date ${entryDate}`)
    case DATA_COLLECTION_STAGES.projectExit:
      if (exitDate === null) return issue('Project exit information needs a project exit date first')
      return date === exitDate
        ? []
        : issue(`Project exit information is dated the project exit date ${exitDate}`)
    case DATA_COLLECTION_STAGES.postExit:
      if (exitDate === null || date <= exitDate)
        return issue('Post-exit information is dated after the project exit date')
      return []
    case DATA_COLLECTION_STAGES.update:
    case DATA_COLLECTION_STAGES.annualAssessment: {
      if (exitDate !== null && date > exitDate) {
        return issue(`The information date ${date} is after the project exit date ${exitDate}`)
      }
      if (stage === DATA_COLLECTION_STAGES.update || annualWindowContaining(record.hohEntryDate, date))
        return []
      return issue(
        `An annual assessment is dated within 30 days of an anniversary of the head of household's start date ${record.hohEntryDate}`,
      )
    }
  }
}
