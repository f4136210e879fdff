import {
  DEFAULT_DECLINE_REASONS,
  DEFAULT_REFERRAL_TIMERS,
  type DeclineReason,
  HEAD_OF_HOUSEHOLD,
  isReferralStalled,
  type Referral,
  type ReferralSnapshot,
  type ReferralStatus,
  type ReferralTimers,
} from '@threshold/core'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeClientIdentity } from '../access/client-policy'
import { loadClientAccessFactsMany } from '../access/client-visibility'
import { availableReferralActions, type ReferralAccessFacts } from '../access/referral-policy'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { publishChange } from '../live/publish-change'
import type { ReferralTable } from './referral.tables'

/** What every referral use case receives. */
export interface ReferralContext {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
}

export type Executor = Kysely<DB> | Transaction<DB>

export type ReferralRow = Selectable<ReferralTable> & {
  projectName: string
  receivingOrganizationName: string
  referringOrganizationName: string
  ceEventId: string | null
  ceEventType: number | null
  ceReferralResult: number | null
  ceResultDate: string | null
}

export const accessFactsOf = (
  row: Selectable<ReferralTable>,
): ReferralAccessFacts & { status: ReferralStatus } => ({
  cocId: row.coc_id,
  referringOrganizationId: row.referring_organization_id,
  receivingOrganizationId: row.receiving_organization_id,
  status: row.status,
})

export function selectReferrals(db: Executor) {
  return db
    .selectFrom('referral')
    .innerJoin('project', 'project.id', 'referral.project_id')
    .innerJoin('organization as receiving', 'receiving.id', 'referral.receiving_organization_id')
    .innerJoin('organization as referring', 'referring.id', 'referral.referring_organization_id')
    .leftJoin('ce_event', 'ce_event.referral_id', 'referral.id')
    .selectAll('referral')
    .select([
      'project.name as projectName',
      'receiving.name as receivingOrganizationName',
      'referring.name as referringOrganizationName',
      'ce_event.id as ceEventId',
      'ce_event.event_type as ceEventType',
      'ce_event.referral_result as ceReferralResult',
      'ce_event.result_date as ceResultDate',
    ])
}

export function loadReferralRow(db: Executor, id: string): Promise<ReferralRow | undefined> {
  return selectReferrals(db).where('referral.id', '=', id).executeTakeFirst()
}

/** The answer shape, with each member's name only where the viewer may see that client's identity. */
export async function presentReferrals(
  db: Kysely<DB>,
  actor: Actor,
  rows: readonly ReferralRow[],
  today: string,
): Promise<Referral[]> {
  if (rows.length === 0) return []
  const members = await db
    .selectFrom('referral_member')
    .innerJoin('client', 'client.id', 'referral_member.client_id')
    .select([
      'referral_member.referral_id as referralId',
      'referral_member.client_id as clientId',
      'referral_member.relationship_to_hoh as relationshipToHoh',
      'client.first_name as firstName',
      'client.last_name as lastName',
    ])
    .where(
      'referral_member.referral_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('referral_member.relationship_to_hoh')
    .execute()
  const facts = await loadClientAccessFactsMany(
    db,
    actor,
    members.map((member) => member.clientId),
    today,
  )
  return rows.map((row) => {
    const own = members
      .filter((member) => member.referralId === row.id)
      .map((member) => {
        const client = facts.get(member.clientId)
        const visible = client !== undefined && canSeeClientIdentity(actor, client)
        return {
          clientId: member.clientId,
          relationshipToHoh: member.relationshipToHoh,
          name: visible ? `${member.firstName ?? ''} ${member.lastName ?? ''}`.trim() : null,
        }
      })
    const head = own.find((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD)
    const reference = `Household ${row.id.slice(0, 8)}`
    const status = row.status
    return {
      id: row.id,
      openingId: row.opening_id,
      project: { id: row.project_id, name: row.projectName, projectType: row.program_type },
      receivingOrganization: { id: row.receiving_organization_id, name: row.receivingOrganizationName },
      referringOrganization: { id: row.referring_organization_id, name: row.referringOrganizationName },
      status,
      statusChangedAt: row.status_changed_at.toISOString(),
      sentOn: row.sent_on,
      acknowledgeDueOn: row.acknowledge_due_on,
      decisionDueOn: row.decision_due_on,
      expiresOn: row.expires_on,
      acknowledgedOn: row.acknowledged_on,
      resultOn: row.result_on,
      declineReasonCode: row.decline_reason_code,
      stalled: isReferralStalled(
        { status, acknowledgeDueOn: row.acknowledge_due_on, decisionDueOn: row.decision_due_on },
        today,
      ),
      ceEnrollmentId: row.ce_enrollment_id,
      sourceEnrollmentId: row.source_enrollment_id,
      ceEvent:
        row.ceEventId && row.ceEventType !== null
          ? {
              id: row.ceEventId,
              eventType: row.ceEventType,
              referralResult: row.ceReferralResult,
              resultDate: row.ceResultDate,
            }
          : null,
      queueEntryId: row.queue_entry_id,
      placementHouseholdId: row.placement_household_id,
      householdLabel: head?.name ?? reference,
      members: own,
      snapshot: row.snapshot as ReferralSnapshot,
      version: row.version,
      actions: availableReferralActions(actor, accessFactsOf(row)),
    }
  })
}

/** The CoC's timers for a project type: its own row, else the CoC's default row, else the built-in ones. */
export async function timersFor(db: Executor, cocId: string, projectType: number): Promise<ReferralTimers> {
  const rows = await db
    .selectFrom('referral_timer_setting')
    .selectAll()
    .where('coc_id', '=', cocId)
    .where((eb) => eb.or([eb('project_type', '=', projectType), eb('project_type', 'is', null)]))
    .execute()
  const row = rows.find((candidate) => candidate.project_type === projectType) ?? rows[0]
  if (!row) return DEFAULT_REFERRAL_TIMERS
  return {
    acknowledgeWorkingDays: row.acknowledge_working_days,
    decisionDays: row.decision_days,
    expireDays: row.expire_days,
  }
}

/**
 * The CoC's active decline reasons (with `includeInactive`, the retired ones after them, for the settings
 * screen); a CoC that never configured any starts from the default list.
 */
export async function declineReasonsFor(
  db: Executor,
  cocId: string,
  { includeInactive = false }: { includeInactive?: boolean } = {},
): Promise<DeclineReason[]> {
  const configured = await db
    .selectFrom('referral_decline_reason')
    .select(['code', 'label', 'consequence', 'inactive_days as inactiveDays', 'active'])
    .where('coc_id', '=', cocId)
    .orderBy('active', 'desc')
    .orderBy('sort_order')
    .execute()
  if (configured.length === 0) {
    return DEFAULT_DECLINE_REASONS.map((reason) => ({
      code: reason.code,
      label: reason.label,
      consequence: reason.consequence,
      inactiveDays: reason.inactiveDays ?? null,
      active: true,
    }))
  }
  return includeInactive ? configured : configured.filter((reason) => reason.active)
}

/** Every referral status change is announced here (GET /api/referrals/events follows it). */
export const REFERRALS_CHANNEL = 'referrals'

/** One line of a referral's history. */
export async function recordStatusChange(
  trx: Transaction<DB>,
  actor: Actor,
  change: {
    referralId: string
    from: ReferralStatus | null
    to: ReferralStatus
    at: Date
    reasonCode?: string | null
    note?: string | null
  },
): Promise<void> {
  await trx
    .insertInto('referral_status_change')
    .values({
      referral_id: change.referralId,
      from_status: change.from,
      to_status: change.to,
      changed_at: change.at,
      changed_by: actor.kind === 'user' ? actor.userId : null,
      organization_id: actor.kind === 'user' ? actor.organizationId : null,
      reason_code: change.reasonCode ?? null,
      note: change.note ?? null,
    })
    .execute()
  await publishChange(trx, REFERRALS_CHANNEL, { referralId: change.referralId, status: change.to })
}
