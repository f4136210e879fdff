import { describe, expect, it } from 'vitest'
import { ceEventIssues } from '../src/api/ce-events'
import {
  addWorkingDays,
  ceEventTypeForProjectType,
  isReferralStalled,
  referralResultForStatus,
} from '../src/api/referrals'

describe('referral timers', () => {
  it('counts working days past weekends', () => {
    expect(addWorkingDays('2026-03-05', 3)).toBe('2026-03-10') // Thursday → Tuesday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09') // Saturday → Monday
  })

  it('is stalled when the acknowledgement or the decision is overdue', () => {
    const dates = { acknowledgeDueOn: '2026-03-10', decisionDueOn: '2026-03-15' }
    expect(isReferralStalled({ status: 'pending', ...dates }, '2026-03-10')).toBe(false)
    expect(isReferralStalled({ status: 'pending', ...dates }, '2026-03-11')).toBe(true)
    expect(isReferralStalled({ status: 'acknowledged', ...dates }, '2026-03-11')).toBe(false)
    expect(isReferralStalled({ status: 'acknowledged', ...dates }, '2026-03-16')).toBe(true)
    expect(isReferralStalled({ status: 'accepted', ...dates }, '2026-04-16')).toBe(false)
  })

  it('maps project types to HUD 4.20 events and statuses to 4.20.D results', () => {
    expect(ceEventTypeForProjectType(13)).toBe(13)
    expect(ceEventTypeForProjectType(3)).toBe(14)
    expect(ceEventTypeForProjectType(0)).toBe(10)
    expect(ceEventTypeForProjectType(14)).toBeUndefined()
    expect(referralResultForStatus('enrolled')).toBe(1)
    expect(referralResultForStatus('unable_to_contact')).toBe(2)
    expect(referralResultForStatus('declined_by_provider')).toBe(3)
    expect(referralResultForStatus('cancelled')).toBeUndefined()
  })
})

describe('HUD 4.20 rules', () => {
  const today = '2026-03-10'
  const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field)
  it('accepts the dependent fields only with their event types', () => {
    expect(ceEventIssues({ eventDate: today, eventType: 2, probSolDivRrResult: 1 }, today)).toEqual([])
    expect(fields(ceEventIssues({ eventDate: today, eventType: 3, probSolDivRrResult: 1 }, today))).toEqual([
      'probSolDivRrResult',
    ])
    expect(
      fields(ceEventIssues({ eventDate: today, eventType: 6, referralCaseManageAfter: 0 }, today)),
    ).toEqual(['referralCaseManageAfter'])
    expect(fields(ceEventIssues({ eventDate: today, eventType: 13 }, today))).toEqual(['locationProjectId'])
    expect(
      fields(ceEventIssues({ eventDate: today, eventType: 7, referralResult: 1, resultDate: today }, today)),
    ).toEqual(['referralResult'])
    expect(fields(ceEventIssues({ eventDate: today, eventType: 17, referralResult: 1 }, today))).toEqual([
      'resultDate',
    ])
    expect(
      fields(
        ceEventIssues(
          { eventDate: today, eventType: 18, referralResult: 2, resultDate: '2026-03-01' },
          today,
        ),
      ),
    ).toEqual(['resultDate'])
    expect(fields(ceEventIssues({ eventDate: '2026-03-11', eventType: 1 }, today))).toEqual(['eventDate'])
  })
})
