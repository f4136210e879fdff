import type { DeclineConsequence, ReferralStatus } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json = ColumnType<unknown, string | undefined, string>

/** What a household is referred to: a project with `capacity` slots, optionally one unit or bed. */
export interface ReferralOpeningTable {
  id: Generated<string>
  coc_id: string
  project_id: string
  organization_id: string
  capacity: Generated<number>
  unit_id: string | null
  bed_id: string | null
  eligibility_summary: string | null
  available_on: string
  closed_at: Timestamp | null
  posted_by: string | null
  posted_by_organization_id: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ReferralTimerSettingTable {
  coc_id: string
  project_type: number | null
  acknowledge_working_days: number
  decision_days: number
  expire_days: number
  /** Enrolling through a referral moves the queue entry to housed (else it stays queued for other types). */
  housed_on_enroll: Generated<boolean>
}

export interface ReferralDeclineReasonTable {
  id: Generated<string>
  coc_id: string
  code: string
  label: string
  consequence: DeclineConsequence
  inactive_days: number | null
  active: Generated<boolean>
  sort_order: Generated<number>
}

export interface ReferralTable {
  id: Generated<string>
  coc_id: string
  opening_id: string
  slot_no: number
  project_id: string
  program_type: number
  receiving_organization_id: string
  referring_organization_id: string
  referred_by: string | null
  /** The head's CE enrollment; null for a direct referral (see `source_enrollment_id`). */
  ce_enrollment_id: string | null
  /** A direct project-to-project referral: the head's enrollment in the referring project. */
  source_enrollment_id: string | null
  enrollment_household_id: string
  head_client_id: string
  queue_entry_id: string | null
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>
  status_changed_at: Timestamp
  sent_on: string
  acknowledge_due_on: string
  decision_due_on: string
  expires_on: string
  acknowledged_on: string | null
  result_on: string | null
  decline_reason_code: string | null
  snapshot: Json
  placement_household_id: string | null
  queue_inactive_until: string | null
  reminded_at: Timestamp | null
  /** Set by the database from the CoC's rule when the referral is made (0052_referral_rules). */
  one_per_program_type: Generated<boolean>
  version: Generated<number>
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ReferralMemberTable {
  id: Generated<string>
  referral_id: string
  client_id: string
  relationship_to_hoh: number
}

export interface ReferralStatusChangeTable {
  id: Generated<string>
  seq: ColumnType<number, never, never>
  referral_id: string
  from_status: ReferralStatus | null
  to_status: ReferralStatus
  changed_at: Timestamp
  changed_by: string | null
  organization_id: string | null
  reason_code: string | null
  note: string | null
}

/** HUD 4.20 Coordinated Entry Event (Event.csv). */
export interface CeEventTable {
  id: Generated<string>
  coc_id: string
  enrollment_id: string
  event_date: string
  event_type: number
  location_project_id: string | null
  prob_sol_div_rr_result: number | null
  referral_case_manage_after: number | null
  referral_result: number | null
  result_date: string | null
  restriction: ColumnType<'open' | 'agency', 'open' | 'agency' | undefined, 'open' | 'agency'>
  owner_organization_id: string
  referral_id: string | null
  version: Generated<number>
  created_at: CreatedAt
  created_by: string | null
  updated_at: Timestamp
  updated_by: string | null
}

export type NotificationKind =
  | 'referral_received'
  | 'referral_reminder'
  | 'referral_stalled'
  | 'referral_updated'
  | 'referral_requested'
  | 'referral_expired'

export interface NotificationTable {
  id: Generated<string>
  user_id: string
  organization_id: string
  kind: NotificationKind
  referral_id: string | null
  opening_id: string | null
  message: string
  created_at: CreatedAt
  read_at: Timestamp | null
  /** When its e-mail was sent (or logged, without SMTP); null while it is still to go. */
  emailed_at: Timestamp | null
  email_attempts: Generated<number>
  /** The last sending failure (an SMTP code or error name, never an address). */
  email_error: string | null
}

/** The CoC's referral rules; a CoC without a row has the defaults. */
export interface ReferralRuleSettingTable {
  coc_id: string
  one_active_per_program_type: Generated<boolean>
  updated_at: Timestamp
}

export interface ReferralTables {
  referral_opening: ReferralOpeningTable
  referral_timer_setting: ReferralTimerSettingTable
  referral_decline_reason: ReferralDeclineReasonTable
  referral: ReferralTable
  referral_member: ReferralMemberTable
  referral_status_change: ReferralStatusChangeTable
  ce_event: CeEventTable
  notification: NotificationTable
  referral_rule_setting: ReferralRuleSettingTable
}
