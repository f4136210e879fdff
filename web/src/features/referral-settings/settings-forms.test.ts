import { DEFAULT_REFERRAL_TIMERS, DeclineReasonsUpdate, ReferralTimerSettings } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import {
  type DeclineReasonRow,
  declineErrorPaths,
  declineReasonsUpdateFrom,
  declineRowsFrom,
  inheritedTimers,
  timerErrorPaths,
  timerRowsFrom,
  timerSettingsFrom,
  validateDeclineRows,
  validateTimerRows,
} from './settings-forms'

const row = (code: string, changes: Partial<DeclineReasonRow> = {}): DeclineReasonRow => ({
  code,
  label: code.toUpperCase(),
  consequence: 'return_same_rank',
  inactiveDays: '',
  active: true,
  ...changes,
})

describe('decline reasons editor', () => {
  it('saves the active reasons in order, with days only for the "inactive" consequence', () => {
    const rows = [
      row('not_now', { consequence: 'inactive', inactiveDays: 60 }),
      row('retired', { active: false }),
      row('other', { inactiveDays: 5 }),
    ]
    const update = declineReasonsUpdateFrom(rows)
    expect(DeclineReasonsUpdate.parse(update)).toEqual({
      reasons: [
        { code: 'not_now', label: 'NOT_NOW', consequence: 'inactive', inactiveDays: 60 },
        { code: 'other', label: 'OTHER', consequence: 'return_same_rank' },
      ],
    })
    // The server numbers the saved reasons; its complaint about the second lands on the third row.
    expect(declineErrorPaths(rows)['reasons.1.label']).toBe('rows.2.label')
  })

  it('round-trips what the server lists, retired reasons included', () => {
    const rows = declineRowsFrom([
      { code: 'a', label: 'A', consequence: 'inactive', inactiveDays: 7, active: true },
      { code: 'b', label: 'B', consequence: 'needs_reassessment', inactiveDays: null, active: false },
    ])
    expect(rows[1]).toEqual({
      code: 'b',
      label: 'B',
      consequence: 'needs_reassessment',
      inactiveDays: '',
      active: false,
    })
    expect(validateDeclineRows(rows)).toEqual({})
  })

  it('explains what the server would refuse, on the field', () => {
    expect(
      validateDeclineRows([
        row('Bad Code'),
        row('dup'),
        row('dup', { label: ' ' }),
        row('wait', { consequence: 'inactive', inactiveDays: '' }),
      ]),
    ).toEqual({
      'rows.0.code': 'Use lower-case letters, digits and _',
      'rows.2.code': 'Each code appears once',
      'rows.2.label': 'Enter the label staff choose from',
      'rows.3.inactiveDays': 'Enter 1 to 365 days',
    })
    expect(validateDeclineRows([row('only', { active: false })]).rows).toBe('Keep at least one reason active')
  })
})

describe('timers editor', () => {
  const rrh = 13

  it('lists the CoC default and each referral project type, empty where nothing is set', () => {
    const rows = timerRowsFrom({ timers: [] })
    expect(rows[0]?.projectType).toBeNull()
    expect(rows.map((line) => line.projectType)).toContain(rrh)
    expect(rows.map((line) => line.projectType)).not.toContain(14)
    expect(timerSettingsFrom(rows)).toEqual({ timers: [] })
    expect(inheritedTimers(rows, rrh)).toEqual(DEFAULT_REFERRAL_TIMERS)
  })

  it('saves only the lines with something set, filling their empty boxes with what they inherit', () => {
    const rows = timerRowsFrom({
      timers: [
        {
          projectType: null,
          acknowledgeWorkingDays: 5,
          decisionDays: 12,
          expireDays: 30,
          housedOnEnroll: true,
        },
      ],
    })
    const rrhIndex = rows.findIndex((line) => line.projectType === rrh)
    const edited = rows.map((line, index) =>
      index === rrhIndex ? { ...line, decisionDays: 7 as const } : line,
    )
    const saved = ReferralTimerSettings.parse(timerSettingsFrom(edited))
    expect(saved.timers).toEqual([
      {
        projectType: null,
        acknowledgeWorkingDays: 5,
        decisionDays: 12,
        expireDays: 30,
        housedOnEnroll: true,
      },
      { projectType: rrh, acknowledgeWorkingDays: 5, decisionDays: 7, expireDays: 30, housedOnEnroll: true },
    ])
    expect(timerErrorPaths(edited)['timers.1.expireDays']).toBe(`rows.${rrhIndex}.expireDays`)
    // Turning housed-on-enrollment off is a setting of its own.
    const keptQueued = rows.map((line) =>
      line.projectType === 3 ? { ...line, housedOnEnroll: false } : line,
    )
    expect(timerSettingsFrom(keptQueued).timers.find((timer) => timer.projectType === 3)).toMatchObject({
      decisionDays: 12,
      housedOnEnroll: false,
    })
  })

  it('refuses a line that expires before its decision is due, or is out of range', () => {
    const rows = timerRowsFrom({ timers: [] }).map((line) =>
      line.projectType === rrh ? { ...line, decisionDays: 30 as const, expireDays: 10 as const } : line,
    )
    const rrhIndex = rows.findIndex((line) => line.projectType === rrh)
    expect(validateTimerRows(rows)).toEqual({
      [`rows.${rrhIndex}.expireDays`]: 'Cannot expire before the decision is due',
    })
    rows[0] = { ...(rows[0] as (typeof rows)[number]), acknowledgeWorkingDays: 61 }
    expect(validateTimerRows(rows)['rows.0.acknowledgeWorkingDays']).toBe('Enter 1 to 60')
  })
})
