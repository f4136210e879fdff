import { z } from 'zod'
import type { RuleIssue } from '../enrollments/rules'
import { hudCode } from '../hud/index'
import { isoDate, uuid } from './common'

// HUD 4.20 Coordinated Entry Event, with HUD's dependent fields.

/** Events whose 4.20.D referral result (and 4.20.E result date) may be recorded. */
export const CE_EVENT_TYPES_WITH_RESULT: readonly number[] = [10, 11, 12, 13, 14, 15, 17, 18]
/** Referrals to a crisis or permanent housing opening: 4.20.C names the receiving project. */
export const CE_EVENT_TYPES_WITH_LOCATION: readonly number[] = [10, 11, 12, 13, 14, 15]
/** Access events (1–4) are not referrals to a housing opening; referral events 10–18 are CE's to make. */
export const CE_REFERRAL_EVENT_TYPES: readonly number[] = [10, 11, 12, 13, 14, 15, 17, 18]

export const CeEventRestriction = z.enum(['open', 'agency'])

export const CeEvent = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    eventDate: z.string(),
    eventType: z.number().int(),
    locationProject: z.object({ id: z.string(), name: z.string() }).nullable(),
    probSolDivRrResult: z.number().int().nullable(),
    referralCaseManageAfter: z.number().int().nullable(),
    referralResult: z.number().int().nullable(),
    resultDate: z.string().nullable(),
    /** `agency`: only the recording agency sees it. */
    restriction: CeEventRestriction,
    organization: z.object({ id: z.string(), name: z.string() }),
    referralId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CeEvent' })
export type CeEvent = z.infer<typeof CeEvent>
export const CeEventList = z.array(CeEvent).meta({ id: 'CeEventList' })

export const NewCeEvent = z
  .object({
    eventDate: isoDate,
    eventType: hudCode('4.20.2'),
    locationProjectId: uuid.optional(),
    probSolDivRrResult: hudCode('1.7').optional(),
    referralCaseManageAfter: hudCode('1.7').optional(),
    referralResult: hudCode('4.20.D').optional(),
    resultDate: isoDate.optional(),
    restriction: CeEventRestriction.optional(),
  })
  .strict()
  .meta({ id: 'NewCeEvent' })
export type NewCeEvent = z.infer<typeof NewCeEvent>

type CeEventFields = {
  eventDate: string
  eventType: number
  locationProjectId?: string | null
  probSolDivRrResult?: number | null
  referralCaseManageAfter?: number | null
  referralResult?: number | null
  resultDate?: string | null
}

/** HUD's rules for one 4.20 record (the database holds the same rules as constraints). */
export function ceEventIssues(event: CeEventFields, today: string): RuleIssue[] {
  const issues: RuleIssue[] = []
  const present = (value: unknown) => value !== undefined && value !== null
  if (event.eventDate > today) issues.push({ field: 'eventDate', message: 'The event date is in the future' })
  if (present(event.probSolDivRrResult) && event.eventType !== 2) {
    issues.push({
      field: 'probSolDivRrResult',
      message: '"Client housed/re-housed in a safe alternative" is only for Problem Solving/Diversion events',
    })
  }
  if (present(event.referralCaseManageAfter) && event.eventType !== 5) {
    issues.push({
      field: 'referralCaseManageAfter',
      message:
        '"Enrolled in aftercare project" is only for post-placement/follow-up case management referrals',
    })
  }
  if (CE_EVENT_TYPES_WITH_LOCATION.includes(event.eventType) && !present(event.locationProjectId)) {
    issues.push({
      field: 'locationProjectId',
      message: 'A referral to an opening names the receiving project',
    })
  }
  if (present(event.referralResult) && !CE_EVENT_TYPES_WITH_RESULT.includes(event.eventType)) {
    issues.push({
      field: 'referralResult',
      message: 'A referral result is only for referrals to housing openings',
    })
  }
  if (present(event.referralResult) !== present(event.resultDate)) {
    issues.push({ field: 'resultDate', message: 'A referral result and its date go together' })
  }
  if (present(event.resultDate)) {
    const resultDate = event.resultDate as string
    if (resultDate < event.eventDate)
      issues.push({ field: 'resultDate', message: 'The result date is before the event date' })
    if (resultDate > today) issues.push({ field: 'resultDate', message: 'The result date is in the future' })
  }
  return issues
}
