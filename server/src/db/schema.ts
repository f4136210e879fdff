import type { Role } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'
import type { AssessmentToolTables } from '../assessment-tools/assessment-tool.tables'
import type { BedTables } from '../beds/bed.tables'
import type { CaseNoteTables } from '../case-notes/case-note.tables'
import type { CeWorkflowTables } from '../ce-workflow/ce-workflow.tables'
import type { ClientTables } from '../clients/client.tables'
import type { EligibilityTables } from '../eligibility/eligibility.tables'
import type { EnrollmentTables } from '../enrollments/enrollment.tables'
import type { HouseholdTables } from '../households/household.tables'
import type { MergeTables } from '../merge/merge.tables'
import type { QueueTables } from '../queue/queue.tables'
import type { ReferralTables } from '../referrals/referral.tables'
import type { ReleaseTables } from '../releases/release.tables'
import type { ServiceTables } from '../services/service.tables'

// Kysely's view of the tables. Timestamps arrive as Date; DATE columns as 'YYYY-MM-DD' strings.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json = ColumnType<unknown, string | undefined, string>

export interface CocTable {
  id: Generated<string>
  code: string
  name: string
  settings: ColumnType<CocSettings, string | undefined, string>
  created_at: CreatedAt
  updated_at: Timestamp
}

/** CoC-wide switches; an absent key means its documented default. */
export interface CocSettings {
  mfaRequiredRoles?: Role[]
  /** Months a new release of information lasts unless its end date is given (default 12). */
  releaseDefaultMonths?: number
  /** Find Client hints (no details) at a likely match in a restricted record the searcher cannot open. */
  searchMaskedHint?: boolean
  /** Authors may mark case notes shareable with agencies that hold a project-data release (default off). */
  shareableCaseNotes?: boolean
}

export interface OrganizationTable {
  id: Generated<string>
  coc_id: string
  name: string
  victim_service_provider: Generated<boolean>
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ProjectTable {
  id: Generated<string>
  organization_id: string
  coc_id: string
  name: string
  project_type: number
  operating_start_date: string
  operating_end_date: string | null
  continuum_project: Generated<boolean>
  hmis_participation: Generated<number>
  active: Generated<boolean>
  accepts_direct_referrals: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface AppUserTable {
  id: Generated<string>
  username: string
  display_name: string
  email: string | null
  password_hash: string
  active: Generated<boolean>
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  /** The last TOTP time step accepted; a code is never accepted twice. */
  totp_last_used_step: number | null
  recovery_code_hashes: Generated<string[]>
  created_at: CreatedAt
  /** Timestamp already allows leaving it out on insert; Generated<> would make it impossible to set. */
  updated_at: Timestamp
}

export interface MembershipTable {
  user_id: string
  organization_id: string
  role: Role
  active: Generated<boolean>
  created_at: CreatedAt
}

export interface SessionTable {
  id: Generated<string>
  token_hash: string
  user_id: string
  organization_id: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  mfa_pending: Generated<boolean>
  revoked_at: Timestamp | null
  ip: string | null
  user_agent: string | null
}

export interface LoginThrottleTable {
  username_key: string
  failures: number
  locked_until: Timestamp | null
  last_failure_at: Timestamp | null
}

export interface ApiTokenTable {
  id: Generated<string>
  name: string
  token_hash: string
  user_id: string
  organization_id: string
  created_by: string
  created_at: CreatedAt
  expires_at: Timestamp | null
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface AuditEventTable {
  /** Assigned by the chain trigger. */
  seq: ColumnType<number, never, never>
  occurred_at: CreatedAt
  actor_user_id: string | null
  actor_username: string | null
  organization_id: string | null
  action: string
  entity_type: string | null
  entity_id: string | null
  outcome: 'success' | 'denied' | 'failure'
  request_id: string | null
  ip: string | null
  details: Json | null
  prev_hash: ColumnType<string | null, never, never>
  hash: ColumnType<string, never, never>
}

/** Every table; each domain declares its own in `<domain>/<domain>.tables.ts` and is listed here. */
export interface DB
  extends ClientTables,
    HouseholdTables,
    ReleaseTables,
    MergeTables,
    EnrollmentTables,
    CaseNoteTables,
    ServiceTables,
    BedTables,
    AssessmentToolTables,
    CeWorkflowTables,
    ReferralTables,
    QueueTables,
    EligibilityTables {
  coc: CocTable
  organization: OrganizationTable
  project: ProjectTable
  app_user: AppUserTable
  membership: MembershipTable
  session: SessionTable
  login_throttle: LoginThrottleTable
  api_token: ApiTokenTable
  audit_event: AuditEventTable
}
