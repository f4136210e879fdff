import { z } from 'zod'
import { addDays } from '../enrollments/dates'
import { hudCode } from '../hud/index'
import { isoDate, requiredText, text, uuid } from './common'

// Closed-loop referrals: an opening (a project's slots) receives referrals of CE households; the
// receiving provider acknowledges, accepts and enrolls, or declines with a reason whose consequence
// decides the household's place on the Housing Queue.

export const REFERRAL_STATUSES = [
  'pending',
  'acknowledged',
  'accepted',
  'enrolled',
  'declined_by_provider',
  'declined_by_client',
  'unable_to_contact',
  'cancelled',
  'expired',
] as const
export const ReferralStatus = z.enum(REFERRAL_STATUSES)
export type ReferralStatus = z.infer<typeof ReferralStatus>

/** Still waiting for the provider or the household: holds a slot and blocks another referral of the type. */
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ['pending', 'acknowledged', 'accepted']

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: 'Pending',
  acknowledged: 'Acknowledged',
  accepted: 'Accepted',
  enrolled: 'Enrolled',
  declined_by_provider: 'Declined by provider',
  declined_by_client: 'Declined by client',
  unable_to_contact: 'Unable to contact / no show',
  cancelled: 'Cancelled',
  expired: 'Expired',
}

export const DECLINE_CONSEQUENCES = ['return_same_rank', 'inactive', 'needs_reassessment'] as const
export const DeclineConsequence = z.enum(DECLINE_CONSEQUENCES)
export type DeclineConsequence = z.infer<typeof DeclineConsequence>

export const DECLINE_CONSEQUENCE_LABELS: Record<DeclineConsequence, string> = {
  return_same_rank: 'Back to the queue at the same rank',
  inactive: 'Inactive on the queue for a number of days',
  needs_reassessment: 'Needs reassessment before the next referral',
}

export interface DeclineReasonDefault {
  code: string
  label: string
  consequence: DeclineConsequence
  inactiveDays?: number
}

/** The list a CoC starts with (clienttrack-workflow step 5: Dallas and Boston CAS reasons). */
export const DEFAULT_DECLINE_REASONS: readonly DeclineReasonDefault[] = [
  {
    code: 'ineligible_services',
    label: 'Client will not be eligible for services',
    consequence: 'return_same_rank',
  },
  {
    code: 'ineligible_housing_type',
    label: 'Not eligible for the housing type',
    consequence: 'return_same_rank',
  },
  {
    code: 'ineligible_funding',
    label: 'Not eligible based on funding type',
    consequence: 'return_same_rank',
  },
  {
    code: 'other_housing_option',
    label: 'Client has another housing option',
    consequence: 'needs_reassessment',
  },
  {
    code: 'not_located',
    label: 'Household could not be located / did not respond',
    consequence: 'inactive',
    inactiveDays: 30,
  },
  { code: 'refused_offer', label: 'Client refused offer / unit / voucher', consequence: 'return_same_rank' },
  {
    code: 'neighborhood',
    label: 'Unwilling to live in that neighborhood / in SRO',
    consequence: 'return_same_rank',
  },
  { code: 'not_now', label: 'Does not want housing at this time', consequence: 'inactive', inactiveDays: 60 },
  { code: 'self_resolved', label: 'Self-resolved', consequence: 'needs_reassessment' },
  { code: 'falsified_documents', label: 'Falsification of documents', consequence: 'needs_reassessment' },
  {
    code: 'cori_sori',
    label: 'CORI / SORI (criminal or sex-offender records)',
    consequence: 'return_same_rank',
  },
  { code: 'immigration_status', label: 'Immigration status', consequence: 'return_same_rank' },
  {
    code: 'third_party_screening',
    label: 'Additional screening criteria imposed by third parties',
    consequence: 'return_same_rank',
  },
  { code: 'health_safety', label: 'Health and safety', consequence: 'needs_reassessment' },
  { code: 'higher_care', label: 'Client needs a higher level of care', consequence: 'needs_reassessment' },
  { code: 'other', label: 'Other (confirmed with the CE team)', consequence: 'return_same_rank' },
]

export const CANCEL_REASONS = ['filled_otherwise', 'entered_in_error', 'other'] as const
export const CANCEL_REASON_LABELS: Record<(typeof CANCEL_REASONS)[number], string> = {
  filled_otherwise: 'Vacancy filled by another client',
  entered_in_error: 'Entered in error',
  other: 'Other',
}

export interface ReferralTimers {
  acknowledgeWorkingDays: number
  decisionDays: number
  /** Days after sending when a referral still waiting for a decision expires. */
  expireDays: number
}

export const DEFAULT_REFERRAL_TIMERS: ReferralTimers = {
  acknowledgeWorkingDays: 3,
  decisionDays: 10,
  expireDays: 20,
}

/** `days` working days (Monday to Friday) after `date`. */
export function addWorkingDays(date: string, days: number): string {
  let current = date
  let left = days
  while (left > 0) {
    current = addDays(current, 1)
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return current
}

/** Overdue: not acknowledged by its acknowledgement date, or undecided past its decision date. */
export function isReferralStalled(
  referral: { status: ReferralStatus; acknowledgeDueOn: string; decisionDueOn: string },
  today: string,
): boolean {
  if (referral.status === 'pending')
    return today > referral.acknowledgeDueOn || today > referral.decisionDueOn
  if (referral.status === 'acknowledged') return today > referral.decisionDueOn
  return false
}

/** HUD 4.20.2: the referral event for a project type's opening (undefined: the type takes no CE referrals). */
export function ceEventTypeForProjectType(projectType: number): number | undefined {
  const byType: Record<number, number> = { 0: 10, 1: 10, 8: 10, 2: 11, 13: 13, 3: 14, 9: 15, 10: 15, 12: 1 }
  return byType[projectType]
}

/** HUD 4.20.D for a resolved referral; undefined while it is open, or when it ended without a result. */
export function referralResultForStatus(status: ReferralStatus): 1 | 2 | 3 | undefined {
  if (status === 'enrolled' || status === 'accepted') return 1
  if (status === 'declined_by_client' || status === 'unable_to_contact') return 2
  if (status === 'declined_by_provider') return 3
  return undefined
}

const named = z.object({ id: z.string(), name: z.string() })

export const Opening = z
  .object({
    id: z.string(),
    project: named.extend({ projectType: z.number().int() }),
    organization: named,
    capacity: z.number().int(),
    /** Slots held by pending, acknowledged, accepted or enrolled referrals. */
    slotsTaken: z.number().int(),
    /** Slots filled by an enrollment. */
    slotsFilled: z.number().int(),
    unitId: z.string().nullable(),
    bedId: z.string().nullable(),
    eligibilitySummary: z.string().nullable(),
    availableOn: z.string(),
    closed: z.boolean(),
    createdAt: z.iso.datetime(),
    canRefer: z.boolean(),
  })
  .meta({ id: 'Opening' })
export type Opening = z.infer<typeof Opening>
export const OpeningList = z.array(Opening).meta({ id: 'OpeningList' })

export const NewOpening = z
  .object({
    projectId: uuid,
    capacity: z.number().int().min(1).max(100).optional(),
    unitId: uuid.optional(),
    bedId: uuid.optional(),
    eligibilitySummary: text(2000).optional(),
    availableOn: isoDate,
  })
  .strict()
  .meta({ id: 'NewOpening' })
export type NewOpening = z.infer<typeof NewOpening>

export const OpeningQuery = z.object({
  projectId: uuid.optional(),
  includeClosed: z.enum(['true', 'false']).optional(),
})

export const ReferralRequestAnswer = z
  .object({ notified: z.number().int() })
  .meta({ id: 'ReferralRequestAnswer' })

/** One queued household that could fill an opening, best first, with why. */
export const OpeningCandidate = z
  .object({
    queueEntryId: z.string(),
    ceEnrollmentId: z.string(),
    rank: z.number().int(),
    /** The household's label as the viewer may see it (a reference when the name is not theirs to see). */
    householdLabel: z.string(),
    householdSize: z.number().int(),
    explanation: z.array(z.string()),
  })
  .meta({ id: 'OpeningCandidate' })
export const OpeningCandidateList = z.array(OpeningCandidate).meta({ id: 'OpeningCandidateList' })

export const ReferralSnapshot = z
  .object({
    rank: z.number().int().nullable(),
    rankingVersion: z.string().nullable(),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    /** Where a referral made outside the queue came from, e.g. "direct referral from Lantern House". */
    origin: z.string().optional(),
  })
  .meta({ id: 'ReferralSnapshot' })
export type ReferralSnapshot = z.infer<typeof ReferralSnapshot>

export const NewReferral = z
  .object({
    openingId: uuid,
    /** A Coordinated Entry referral: the head of household's CE enrollment (HUD 4.20 events attach to it). */
    ceEnrollmentId: uuid.optional(),
    /**
     * A direct referral (no queue) to a project that accepts them: the head of household's open enrollment
     * in a project of the referring agency.
     */
    sourceEnrollmentId: uuid.optional(),
    /** Who of the household is referred; everyone still in it when left out. */
    memberClientIds: z.array(uuid).min(1).max(30).optional(),
    queueEntryId: uuid.optional(),
    note: text(1000).optional(),
  })
  .strict()
  .refine((input) => (input.ceEnrollmentId === undefined) !== (input.sourceEnrollmentId === undefined), {
    message: 'give either ceEnrollmentId (Coordinated Entry) or sourceEnrollmentId (a direct referral)',
    path: ['ceEnrollmentId'],
  })
  .meta({ id: 'NewReferral' })
export type NewReferral = z.infer<typeof NewReferral>

export const ReferralStatusNote = z
  .object({ note: text(1000).optional() })
  .strict()
  .meta({ id: 'ReferralStatusNote' })
export type ReferralStatusNote = z.infer<typeof ReferralStatusNote>

export const ReferralDecline = z
  .object({
    declinedBy: z.enum(['provider', 'client', 'unable_to_contact']),
    /** A code of the CoC's decline reasons (required when the provider declines). */
    reasonCode: text(60).optional(),
    note: text(1000).optional(),
  })
  .strict()
  .meta({ id: 'ReferralDecline' })
export type ReferralDecline = z.infer<typeof ReferralDecline>

export const ReferralCancellation = z
  .object({ reason: z.enum(CANCEL_REASONS), note: text(1000).optional() })
  .strict()
  .meta({ id: 'ReferralCancellation' })
export type ReferralCancellation = z.infer<typeof ReferralCancellation>

export const ReferralEnrollment = z
  .object({ entryDate: isoDate, note: text(1000).optional() })
  .strict()
  .meta({ id: 'ReferralEnrollment' })
export type ReferralEnrollment = z.infer<typeof ReferralEnrollment>

export const ReferralQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: ReferralStatus.optional(),
  stalled: z.enum(['true', 'false']).optional(),
  projectId: uuid.optional(),
})

export const ReferralMember = z.object({
  clientId: z.string(),
  relationshipToHoh: z.number().int(),
  /** The name when the viewer may see the client's identity; otherwise null. */
  name: z.string().nullable(),
})

export const ReferralStatusChange = z
  .object({
    fromStatus: ReferralStatus.nullable(),
    toStatus: ReferralStatus,
    changedAt: z.iso.datetime(),
    changedBy: named.nullable(),
    organization: named.nullable(),
    reasonCode: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ReferralStatusChange' })
export const ReferralHistory = z.array(ReferralStatusChange).meta({ id: 'ReferralHistory' })

export const Referral = z
  .object({
    id: z.string(),
    openingId: z.string(),
    project: named.extend({ projectType: z.number().int() }),
    receivingOrganization: named,
    referringOrganization: named,
    status: ReferralStatus,
    statusChangedAt: z.iso.datetime(),
    sentOn: z.string(),
    acknowledgeDueOn: z.string(),
    decisionDueOn: z.string(),
    expiresOn: z.string(),
    acknowledgedOn: z.string().nullable(),
    resultOn: z.string().nullable(),
    declineReasonCode: z.string().nullable(),
    stalled: z.boolean(),
    /** Null for a direct referral, which has `sourceEnrollmentId` instead. */
    ceEnrollmentId: z.string().nullable(),
    sourceEnrollmentId: z.string().nullable(),
    /** The referral's HUD 4.20 event: seen by whoever sees the referral. */
    ceEvent: z
      .object({
        id: z.string(),
        eventType: z.number().int(),
        referralResult: z.number().int().nullable(),
        resultDate: z.string().nullable(),
      })
      .nullable(),
    queueEntryId: z.string().nullable(),
    placementHouseholdId: z.string().nullable(),
    householdLabel: z.string(),
    members: z.array(ReferralMember),
    snapshot: ReferralSnapshot,
    version: z.number().int(),
    /** What the viewer may do with it now. */
    actions: z.array(z.enum(['acknowledge', 'accept', 'decline', 'enroll', 'cancel'])),
  })
  .meta({ id: 'Referral' })
export type Referral = z.infer<typeof Referral>
export const ReferralList = z.array(Referral).meta({ id: 'ReferralList' })

export const ReferralDetail = Referral.extend({ history: ReferralHistory }).meta({ id: 'ReferralDetail' })
export type ReferralDetail = z.infer<typeof ReferralDetail>

export const DeclineReason = z
  .object({
    code: z.string(),
    label: z.string(),
    consequence: DeclineConsequence,
    inactiveDays: z.number().int().nullable(),
    /** Offered when declining; inactive reasons are listed only when asked for (they stay on old referrals). */
    active: z.boolean(),
  })
  .meta({ id: 'DeclineReason' })
export type DeclineReason = z.infer<typeof DeclineReason>
export const DeclineReasonList = z.array(DeclineReason).meta({ id: 'DeclineReasonList' })

export const DeclineReasonQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() })

export const DeclineReasonsUpdate = z
  .object({
    reasons: z
      .array(
        z
          .object({
            code: requiredText(60).pipe(
              z.string().regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits, _'),
            ),
            label: requiredText(200),
            consequence: DeclineConsequence,
            inactiveDays: z.number().int().min(1).max(365).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(60),
  })
  .strict()
  .meta({ id: 'DeclineReasonsUpdate' })
export type DeclineReasonsUpdate = z.infer<typeof DeclineReasonsUpdate>

export const Notification = z
  .object({
    id: z.string(),
    kind: z.enum([
      'referral_received',
      'referral_reminder',
      'referral_stalled',
      'referral_updated',
      'referral_requested',
      'referral_expired',
    ]),
    referralId: z.string().nullable(),
    openingId: z.string().nullable(),
    message: z.string(),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' })
export type Notification = z.infer<typeof Notification>
export const NotificationList = z
  .object({ unread: z.number().int(), notifications: z.array(Notification) })
  .meta({ id: 'NotificationList' })
export type NotificationList = z.infer<typeof NotificationList>

/** Timers of a CoC: a row without a project type is the CoC's default; absent rows use the built-in ones. */
export const ReferralTimerSetting = z
  .object({
    projectType: hudCode('2.02.6').nullable(),
    acknowledgeWorkingDays: z.number().int().min(1).max(60),
    decisionDays: z.number().int().min(1).max(120),
    expireDays: z.number().int().min(1).max(365),
    /**
     * Enrolling through a referral to this project type takes the household off the queue as housed (the
     * default); false keeps it queued ('ready') for other program types.
     */
    housedOnEnroll: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'ReferralTimerSetting' })
export type ReferralTimerSetting = z.infer<typeof ReferralTimerSetting>

export const ReferralTimerSettings = z
  .object({ timers: z.array(ReferralTimerSetting).max(20) })
  .strict()
  .meta({ id: 'ReferralTimerSettings' })
export type ReferralTimerSettings = z.infer<typeof ReferralTimerSettings>

/** The CoC's rules for making referrals. */
export const ReferralRules = z
  .object({
    /** A household holds at most one pending, acknowledged or accepted referral per program type (default on). */
    oneActivePerProgramType: z.boolean(),
  })
  .strict()
  .meta({ id: 'ReferralRules' })
export type ReferralRules = z.infer<typeof ReferralRules>
