import type {
  DeclineReason,
  DeclineReasonsUpdate,
  NewOpening,
  NewReferral,
  NotificationList,
  Opening,
  Referral,
  ReferralCancellation,
  ReferralDecline,
  ReferralDetail,
  ReferralEnrollment,
  ReferralRules,
  ReferralStatus,
  ReferralTimerSettings,
} from '@threshold/core'
import { api } from '../../api/client'

export interface ReferralFilter {
  direction?: 'incoming' | 'outgoing'
  status?: ReferralStatus
  stalled?: boolean
}

export interface OpeningCandidate {
  queueEntryId: string
  ceEnrollmentId: string
  rank: number
  householdLabel: string
  householdSize: number
  explanation: string[]
}

/** Live changes of the referrals you may see, or of one (text/event-stream of `{ referralId, status }`). */
export const referralEventsUrl = (referralId?: string) =>
  `/api/referrals/events${referralId ? `?referralId=${encodeURIComponent(referralId)}` : ''}`

const referralPath = (id: string) => `/api/referrals/${encodeURIComponent(id)}`
const openingPath = (id: string) => `/api/openings/${encodeURIComponent(id)}`

export const referralKeys = {
  all: ['referrals'] as const,
  list: (filter: ReferralFilter) => ['referrals', 'list', filter] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  openings: ['referrals', 'openings'] as const,
  candidates: (openingId: string) => ['referrals', 'candidates', openingId] as const,
  declineReasons: ['referrals', 'decline-reasons'] as const,
  settings: ['referrals', 'settings'] as const,
  declineReasonSettings: ['referrals', 'settings', 'decline-reasons'] as const,
  timers: ['referrals', 'settings', 'timers'] as const,
  rules: ['referrals', 'settings', 'rules'] as const,
  notifications: ['notifications'] as const,
}

export const referralsApi = {
  list: (filter: ReferralFilter) =>
    api.get<Referral[]>('/api/referrals', {
      direction: filter.direction,
      status: filter.status,
      stalled: filter.stalled ? 'true' : undefined,
    }),
  get: (id: string) => api.get<ReferralDetail>(referralPath(id)),
  create: (input: NewReferral) => api.post<ReferralDetail>('/api/referrals', input),
  acknowledge: (id: string, note?: string) =>
    api.post<ReferralDetail>(`${referralPath(id)}/acknowledge`, note ? { note } : {}),
  accept: (id: string, note?: string) =>
    api.post<ReferralDetail>(`${referralPath(id)}/accept`, note ? { note } : {}),
  decline: (id: string, input: ReferralDecline) =>
    api.post<ReferralDetail>(`${referralPath(id)}/decline`, input),
  enroll: (id: string, input: ReferralEnrollment) =>
    api.post<ReferralDetail>(`${referralPath(id)}/enroll`, input),
  cancel: (id: string, input: ReferralCancellation) =>
    api.post<ReferralDetail>(`${referralPath(id)}/cancel`, input),
  declineReasons: () => api.get<DeclineReason[]>('/api/referrals/decline-reasons'),
  /** Active and retired reasons, for the settings screen. */
  declineReasonSettings: () =>
    api.get<DeclineReason[]>('/api/referrals/decline-reasons', { includeInactive: 'true' }),
  saveDeclineReasons: (input: DeclineReasonsUpdate) =>
    api.put<DeclineReason[]>('/api/referrals/decline-reasons', input),
  timers: () => api.get<ReferralTimerSettings>('/api/referrals/timers'),
  saveTimers: (input: ReferralTimerSettings) =>
    api.put<ReferralTimerSettings>('/api/referrals/timers', input),
  rules: () => api.get<ReferralRules>('/api/referrals/rules'),
  saveRules: (input: ReferralRules) => api.put<ReferralRules>('/api/referrals/rules', input),
  openings: () => api.get<Opening[]>('/api/openings'),
  postOpening: (input: NewOpening) => api.post<Opening>('/api/openings', input),
  candidates: (openingId: string) => api.get<OpeningCandidate[]>(`${openingPath(openingId)}/candidates`),
  requestReferral: (openingId: string) =>
    api.post<{ notified: number }>(`${openingPath(openingId)}/request-referral`),
  notifications: () => api.get<NotificationList>('/api/notifications'),
  markRead: (id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<void>('/api/notifications/read-all'),
}
