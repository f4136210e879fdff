import { describe, expect, it } from 'vitest'
import {
  addDays,
  addYears,
  annualAssessmentStatus,
  annualWindow,
  annualWindowContaining,
  DATA_COLLECTION_STAGES,
  enrollmentDateIssues,
  exitIssues,
  householdIssues,
  PROJECT_TYPES,
  requiredElementsFor,
  stageRecordIssues,
} from '../src/index'

const TODAY = '2026-06-15'
const dates = (overrides: Partial<Parameters<typeof enrollmentDateIssues>[0]> = {}) =>
  enrollmentDateIssues({
    entryDate: '2026-01-10',
    moveInDate: null,
    exitDate: null,
    dob: '1990-04-01',
    projectType: PROJECT_TYPES.RRH,
    today: TODAY,
    ...overrides,
  })
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field)

describe('calendar arithmetic', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
  })

  it('puts the anniversary of 29 February on 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('2025-07-31', 1)).toBe('2026-07-31')
  })
})

describe('enrollment dates (3.10, 3.11, 3.20, 3.03)', () => {
  it('accepts start ≤ move-in ≤ exit in a PH project', () => {
    expect(dates({ moveInDate: '2026-02-01', exitDate: '2026-05-01' })).toEqual([])
    expect(dates({ moveInDate: '2026-01-10', exitDate: '2026-01-10' })).toEqual([])
  })

  it('refuses an exit before the start, with a message naming both dates', () => {
    const issues = dates({ exitDate: '2026-01-09' })
    expect(issues).toEqual([
      {
        field: 'exitDate',
        message: 'The project exit date 2026-01-09 is before the project start date 2026-01-10',
      },
    ])
  })

  it('refuses a move-in before the start or after the exit', () => {
    expect(fields(dates({ moveInDate: '2026-01-09' }))).toEqual(['moveInDate'])
    expect(fields(dates({ moveInDate: '2026-05-02', exitDate: '2026-05-01' }))).toEqual(['moveInDate'])
  })

  it('allows a move-in date only in permanent housing (3, 9, 10, 13)', () => {
    for (const type of [3, 9, 10, 13])
      expect(dates({ projectType: type, moveInDate: '2026-02-01' })).toEqual([])
    for (const type of [0, 1, 2, 4, 6, 7, 8, 11, 12, 14]) {
      expect(dates({ projectType: type, moveInDate: '2026-02-01' })[0]?.message).toBe(
        'A housing move-in date applies only to permanent housing projects',
      )
    }
  })

  it('refuses a start before the client was born, and accepts the birth day itself', () => {
    expect(fields(dates({ dob: '2026-01-11' }))).toEqual(['entryDate'])
    expect(dates({ dob: '2026-01-10' })).toEqual([])
    expect(dates({ dob: null })).toEqual([])
  })

  it('refuses future start, move-in and exit dates', () => {
    expect(fields(dates({ entryDate: '2026-06-16' }))).toContain('entryDate')
    expect(fields(dates({ moveInDate: '2026-06-16' }))).toContain('moveInDate')
    expect(fields(dates({ exitDate: '2026-06-16' }))).toEqual(['exitDate'])
    expect(dates({ exitDate: TODAY })).toEqual([])
  })
})

describe('exit destination (3.12)', () => {
  const exit = (overrides: Partial<Parameters<typeof exitIssues>[0]>) =>
    exitIssues({
      exitDate: '2026-05-01',
      destination: 410,
      destinationSubsidyType: null,
      otherDestination: null,
      ...overrides,
    })

  it('requires a destination on exit and none without one', () => {
    expect(exit({})).toEqual([])
    expect(exit({ destination: null })[0]?.message).toBe('A destination is required when the client exits')
    expect(fields(exit({ exitDate: null }))).toEqual(['destination'])
  })

  it('requires the subsidy type for 435 only', () => {
    expect(fields(exit({ destination: 435 }))).toEqual(['destinationSubsidyType'])
    expect(exit({ destination: 435, destinationSubsidyType: 431 })).toEqual([])
    expect(fields(exit({ destinationSubsidyType: 431 }))).toEqual(['destinationSubsidyType'])
  })

  it('takes a description for "Other" (17) only', () => {
    expect(exit({ destination: 17, otherDestination: 'Boat' })).toEqual([])
    expect(fields(exit({ otherDestination: 'Boat' }))).toEqual(['otherDestination'])
  })
})

describe('enrollment household (3.15)', () => {
  const head = { clientId: 'head', relationshipToHoh: 1, entryDate: '2026-01-10', exitDate: null }
  const child = { clientId: 'child', relationshipToHoh: 2, entryDate: '2026-01-10', exitDate: null }

  it('needs exactly one head of household', () => {
    expect(householdIssues([head, child])).toEqual([])
    expect(householdIssues([child])[0]?.message).toMatch(/exactly one head of household.*has 0/)
    expect(householdIssues([head, { ...child, relationshipToHoh: 1 }])[0]?.message).toMatch(/has 2/)
  })

  it('lets members join on or after the head’s start, not before', () => {
    expect(householdIssues([head, { ...child, entryDate: '2026-03-01' }])).toEqual([])
    expect(householdIssues([head, { ...child, entryDate: '2026-01-09' }])[0]?.field).toBe('entryDate')
  })

  it('lets members leave before the head, never after the head exited', () => {
    expect(householdIssues([head, { ...child, exitDate: '2026-02-01' }])).toEqual([])
    const exitedHead = { ...head, exitDate: '2026-04-01' }
    expect(householdIssues([exitedHead, { ...child, exitDate: '2026-04-01' }])).toEqual([])
    expect(fields(householdIssues([exitedHead, { ...child, exitDate: '2026-04-02' }]))).toEqual(['exitDate'])
    expect(fields(householdIssues([exitedHead, child]))).toEqual(['exitDate'])
    expect(
      fields(householdIssues([exitedHead, { ...child, entryDate: '2026-04-02', exitDate: '2026-04-02' }])),
    ).toEqual(['exitDate', 'entryDate'])
  })
})

describe('annual assessment window (±30 days of the head’s anniversary)', () => {
  const entry = '2025-03-01'

  it('opens 30 days before and closes 30 days after each anniversary', () => {
    expect(annualWindow(entry, 1)).toEqual({
      anniversary: '2026-03-01',
      windowStart: '2026-01-30',
      windowEnd: '2026-03-31',
    })
    expect(annualWindowContaining(entry, '2026-01-30')?.anniversary).toBe('2026-03-01')
    expect(annualWindowContaining(entry, '2026-03-31')?.anniversary).toBe('2026-03-01')
    expect(annualWindowContaining(entry, '2026-01-29')).toBeUndefined()
    expect(annualWindowContaining(entry, '2026-04-01')).toBeUndefined()
    expect(annualWindowContaining(entry, '2027-02-20')?.anniversary).toBe('2027-03-01')
  })

  it('has no window in the first year', () => {
    expect(annualWindowContaining(entry, '2025-03-15')).toBeUndefined()
  })

  it('shows not yet due, open, completed and overdue', () => {
    const status = (today: string, recordedDates: string[] = []) =>
      annualAssessmentStatus({ hohEntryDate: entry, exitDate: null, today, recordedDates })?.status
    expect(status('2025-12-31')).toBe('not_yet_due')
    expect(status('2026-01-30')).toBe('open')
    expect(status('2026-03-31')).toBe('open')
    expect(status('2026-03-10', ['2026-02-15'])).toBe('completed')
    expect(status('2026-04-01')).toBe('overdue')
    expect(status('2026-04-01', ['2026-03-31'])).toBe('completed')
    expect(status('2027-02-01', ['2026-03-01'])).toBe('open')
  })

  it('is not shown once the member exited', () => {
    expect(
      annualAssessmentStatus({
        hohEntryDate: entry,
        exitDate: '2026-02-01',
        today: '2026-03-01',
        recordedDates: [],
      }),
    ).toBeNull()
  })
})

describe('stage record dates', () => {
  const record = (overrides: Partial<Parameters<typeof stageRecordIssues>[0]>) =>
    stageRecordIssues({
      stage: DATA_COLLECTION_STAGES.update,
      informationDate: '2026-02-01',
      entryDate: '2025-03-01',
      exitDate: null,
      hohEntryDate: '2025-03-01',
      today: '2026-06-15',
      ...overrides,
    })
  const { projectStart, update, projectExit, annualAssessment, postExit } = DATA_COLLECTION_STAGES

  it('dates project start on the start date', () => {
    expect(record({ stage: projectStart, informationDate: '2025-03-01' })).toEqual([])
    expect(record({ stage: projectStart, informationDate: '2025-03-02' })[0]?.message).toMatch(
      /dated the project start date/,
    )
  })

  it('dates project exit on the exit date, and only after an exit', () => {
    expect(record({ stage: projectExit, informationDate: '2026-05-01', exitDate: '2026-05-01' })).toEqual([])
    expect(
      record({ stage: projectExit, informationDate: '2026-04-30', exitDate: '2026-05-01' }),
    ).toHaveLength(1)
    expect(record({ stage: projectExit, informationDate: '2026-05-01' })[0]?.message).toMatch(
      /needs a project exit date/,
    )
  })

  it('dates updates within the stay', () => {
    expect(record({ stage: update })).toEqual([])
    expect(record({ stage: update, informationDate: '2025-02-28' })[0]?.message).toMatch(
      /before the project start/,
    )
    expect(
      record({ stage: update, informationDate: '2026-05-02', exitDate: '2026-05-01' })[0]?.message,
    ).toMatch(/after the project exit/)
  })

  it('dates annual assessments inside the window of the head’s anniversary only', () => {
    expect(record({ stage: annualAssessment, informationDate: '2026-02-01' })).toEqual([])
    expect(record({ stage: annualAssessment, informationDate: '2026-01-29' })[0]?.message).toMatch(
      /within 30 days of an anniversary/,
    )
    // A member who joined later still follows the head's anniversary.
    expect(
      record({ stage: annualAssessment, entryDate: '2025-09-01', informationDate: '2026-03-20' }),
    ).toEqual([])
  })

  it('dates post-exit records after the exit', () => {
    expect(record({ stage: postExit, informationDate: '2026-05-10', exitDate: '2026-05-01' })).toEqual([])
    expect(record({ stage: postExit, informationDate: '2026-05-01', exitDate: '2026-05-01' })).toHaveLength(1)
  })

  it('refuses any future date', () => {
    expect(record({ informationDate: '2026-06-16' })[0]?.message).toBe(
      'The information date must not be in the future',
    )
  })
})

describe('required elements per project type and stage', () => {
  const elements = (input: Parameters<typeof requiredElementsFor>[0]) =>
    requiredElementsFor(input).map((required) => required.element)

  it('asks the head of an RRH household for everything at project start', () => {
    expect(
      elements({ projectType: PROJECT_TYPES.RRH, stage: 'project start', isHead: true, isAdult: true }),
    ).toEqual([
      '3.08 Disabling Condition',
      '3.917 Prior Living Situation',
      '3.16 Enrollment CoC',
      '4.02 Income and Sources',
      '4.03 Non-Cash Benefits',
      '4.04 Health Insurance',
      '4.05 Physical Disability',
      '4.06 Developmental Disability',
      '4.07 Chronic Health Condition',
      '4.08 HIV/AIDS',
      '4.09 Mental Health Disorder',
      '4.10 Substance Use Disorder',
      '4.11 Domestic Violence',
    ])
  })

  it('asks a child for insurance and disabilities, not income, benefits, prior living situation or DV', () => {
    const child = elements({
      projectType: PROJECT_TYPES.RRH,
      stage: 'project start',
      isHead: false,
      isAdult: false,
    })
    expect(child).toContain('4.04 Health Insurance')
    expect(child).toContain('4.05 Physical Disability')
    expect(child).not.toContain('4.02 Income and Sources')
    expect(child).not.toContain('3.917 Prior Living Situation')
    expect(child).not.toContain('4.11 Domestic Violence')
    expect(child).not.toContain('3.16 Enrollment CoC')
  })

  it('asks for the destination and income again at exit, not prior living situation', () => {
    const exit = elements({
      projectType: PROJECT_TYPES.TH,
      stage: 'project exit',
      isHead: true,
      isAdult: true,
    })
    expect(exit).toContain('3.12 Destination')
    expect(exit).toContain('4.02 Income and Sources')
    expect(exit).not.toContain('3.917 Prior Living Situation')
  })

  it('asks contact-based projects (SO, ES night-by-night, CE) for 4.12, and CE not for income', () => {
    for (const type of [PROJECT_TYPES.SO, PROJECT_TYPES.ES_NIGHT_BY_NIGHT, PROJECT_TYPES.CE]) {
      expect(elements({ projectType: type, stage: 'project start', isHead: true, isAdult: true })).toContain(
        '4.12 Current Living Situation',
      )
    }
    expect(
      elements({ projectType: PROJECT_TYPES.RRH, stage: 'project start', isHead: true, isAdult: true }),
    ).not.toContain('4.12 Current Living Situation')
    expect(
      elements({ projectType: PROJECT_TYPES.CE, stage: 'project start', isHead: true, isAdult: true }),
    ).not.toContain('4.02 Income and Sources')
  })
})
