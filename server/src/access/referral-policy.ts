import type { ReferralStatus, Role } from '@threshold/core'
import type { Actor, UserActor } from './actor'

// Openings, referrals and CE events.
//
// | who                                      | openings of the CoC | post opening           | referral (see)  | create CE referral | respond (ack/accept/decline/enroll) | cancel |
// |------------------------------------------|---------------------|------------------------|-----------------|--------------------|-------------------------------------|--------|
// | CE manager / CoC admin of the CoC        | see                 | any project of the CoC | all of the CoC  | yes                | record client decline / no show     | yes    |
// | staff of the receiving agency            | see                 | their agency's projects| their incoming  | no (may request)   | yes (not analysts)                  | no     |
// | staff of the referring agency            | see                 | their agency's projects| their outgoing  | no                 | no                                  | yes    |
// | staff of a project the household is in   | see                 | —                      | their outgoing  | direct only (*)    | no                                  | yes    |
// | anyone else (other agency, other CoC)    | other CoC: no       | no                     | no (404)        | no                 | no                                  | no     |
//
// (*) A direct referral (no queue) goes from an open enrollment in the agency's own project to an opening of
// a project that accepts direct referrals (`canCreateDirectReferral`).
//
// A provider never sees another agency's referral. The household inside a referral shows only what the
// viewer may see of each client (names need `canSeeClientIdentity`); the referral itself is what the
// receiving agency needs to act on it. Lists filter with `referralsVisibleTo` (visibility mirror).

export const CE_REFERRING_ROLES: readonly Role[] = ['ce_manager', 'coc_admin']

export interface ReferralAccessFacts {
  cocId: string
  referringOrganizationId: string
  receivingOrganizationId: string
}

const userInCoc = (actor: Actor, cocId: string): actor is UserActor =>
  actor.kind === 'user' && actor.cocId === cocId

export const isCeReferrer = (actor: Actor, cocId: string): boolean =>
  userInCoc(actor, cocId) && CE_REFERRING_ROLES.includes(actor.role)

export function canSeeOpening(actor: Actor, opening: { cocId: string }): boolean {
  return userInCoc(actor, opening.cocId)
}

/** Providers post openings for their own projects; CE managers and CoC admins on their behalf. */
export function canPostOpening(actor: Actor, project: { cocId: string; organizationId: string }): boolean {
  if (isCeReferrer(actor, project.cocId)) return true
  return (
    userInCoc(actor, project.cocId) &&
    actor.role !== 'analyst' &&
    actor.organizationId === project.organizationId
  )
}

/** Close an opening: whoever may post one for the project. */
export const canCloseOpening = canPostOpening

/** A provider asks CE for a referral to their own opening. */
export function canRequestReferral(
  actor: Actor,
  opening: { cocId: string; organizationId: string },
): boolean {
  return (
    userInCoc(actor, opening.cocId) &&
    actor.role !== 'analyst' &&
    actor.organizationId === opening.organizationId
  )
}

/** CE referrals are made by CE: providers cannot refer households to themselves. */
export function canCreateCeReferral(actor: Actor, opening: { cocId: string }): boolean {
  return isCeReferrer(actor, opening.cocId)
}

/** The enrollment a direct referral is made from: the head of household's, in the referring project. */
export interface DirectReferralSource {
  cocId: string
  /** The agency operating the project the household is enrolled in. */
  projectOrganizationId: string
  projectType: number
  open: boolean
}

/**
 * Direct project-to-project referrals skip the queue: staff (not analysts) of the agency operating the
 * project the household is enrolled in (an open enrollment, not Coordinated Entry's own, which refers
 * through the queue) refer it themselves.
 */
export function canReferDirectlyFrom(actor: Actor, source: DirectReferralSource): boolean {
  return (
    userInCoc(actor, source.cocId) &&
    actor.role !== 'analyst' &&
    actor.organizationId === source.projectOrganizationId &&
    source.projectType !== 14 &&
    source.open
  )
}

/** …and only to an opening of a project of their CoC that accepts direct referrals. */
export function canReferDirectlyTo(
  actor: Actor,
  opening: { cocId: string; acceptsDirectReferrals: boolean },
): boolean {
  return userInCoc(actor, opening.cocId) && actor.role !== 'analyst' && opening.acceptsDirectReferrals
}

export function canCreateDirectReferral(
  actor: Actor,
  source: DirectReferralSource,
  opening: { cocId: string; acceptsDirectReferrals: boolean },
): boolean {
  return canReferDirectlyFrom(actor, source) && canReferDirectlyTo(actor, opening)
}

/**
 * CE works the whole CoC's queue (queue-policy.ts): a CE referrer refers a household from any CE
 * enrollment of the CoC, released or not; what the referral shows of each client still follows the
 * client rules (names need `canSeeClientIdentity`).
 */
export function canReferFromEnrollment(
  actor: Actor,
  enrollment: { cocId: string; projectType: number },
): boolean {
  return isCeReferrer(actor, enrollment.cocId) && enrollment.projectType === 14
}

export function canSeeReferral(actor: Actor, referral: ReferralAccessFacts): boolean {
  if (!userInCoc(actor, referral.cocId)) return false
  return (
    CE_REFERRING_ROLES.includes(actor.role) ||
    actor.organizationId === referral.receivingOrganizationId ||
    actor.organizationId === referral.referringOrganizationId
  )
}

const isReceivingStaff = (actor: Actor, referral: ReferralAccessFacts): actor is UserActor =>
  canSeeReferral(actor, referral) &&
  actor.kind === 'user' &&
  actor.role !== 'analyst' &&
  actor.organizationId === referral.receivingOrganizationId

export type ReferralAction = 'acknowledge' | 'accept' | 'decline' | 'enroll' | 'cancel'

/** The status each action needs. */
const ACTION_FROM: Record<ReferralAction, readonly ReferralStatus[]> = {
  acknowledge: ['pending'],
  accept: ['pending', 'acknowledged'],
  decline: ['pending', 'acknowledged', 'accepted'],
  enroll: ['accepted'],
  cancel: ['pending', 'acknowledged', 'accepted'],
}

export function referralActionAllowedFrom(action: ReferralAction, status: ReferralStatus): boolean {
  return ACTION_FROM[action].includes(status)
}

/** Whether the actor's role and agency let them take the action (any status). */
export function canTakeReferralAction(
  actor: Actor,
  referral: ReferralAccessFacts,
  action: ReferralAction,
  declinedBy?: 'provider' | 'client' | 'unable_to_contact',
): boolean {
  if (!canSeeReferral(actor, referral)) return false
  const receiving = isReceivingStaff(actor, referral)
  const ce = isCeReferrer(actor, referral.cocId)
  switch (action) {
    case 'acknowledge':
    case 'accept':
    case 'enroll':
      return receiving
    case 'decline':
      // Only the provider declines as the provider; CE may record the client's answer or a no show.
      return receiving || (ce && declinedBy !== undefined && declinedBy !== 'provider')
    case 'cancel':
      return (
        ce ||
        (actor.kind === 'user' &&
          actor.role !== 'analyst' &&
          actor.organizationId === referral.referringOrganizationId)
      )
  }
}

/** The actions the viewer can take now (for the UI). */
export function availableReferralActions(
  actor: Actor,
  referral: ReferralAccessFacts & { status: ReferralStatus },
): ReferralAction[] {
  const actions: ReferralAction[] = ['acknowledge', 'accept', 'decline', 'enroll', 'cancel']
  return actions.filter(
    (action) =>
      referralActionAllowedFrom(action, referral.status) &&
      (canTakeReferralAction(actor, referral, action) ||
        (action === 'decline' && canTakeReferralAction(actor, referral, action, 'client'))),
  )
}

/** Decline reasons, timers and referral rules of a CoC: its administrators. */
export function canConfigureReferrals(actor: Actor, coc: { id: string }): boolean {
  return userInCoc(actor, coc.id) && actor.role === 'coc_admin'
}

// CE events (HUD 4.20) are project data of the CE enrollment's client: the viewer must see the
// enrollment; an event restricted to its agency stays there. Referral events (10–18) are CE's to record.

export interface CeEventAccessFacts {
  /** `canSeeEnrollment` for the event's enrollment. */
  enrollmentVisible: boolean
  ownerOrganizationId: string
  restriction: 'open' | 'agency'
}

export function canSeeCeEvent(actor: Actor, event: CeEventAccessFacts): boolean {
  return (
    event.enrollmentVisible &&
    actor.kind === 'user' &&
    (event.restriction === 'open' || actor.organizationId === event.ownerOrganizationId)
  )
}

/**
 * Recording an event on an enrollment: staff who see it (not analysts), of the enrolling agency or CE;
 * referral events to housing openings only by CE (providers creating their own are invalid).
 */
export function canRecordCeEvent(
  actor: Actor,
  enrollment: { visible: boolean; ownerOrganizationId: string; cocId: string },
  referralEvent: boolean,
): boolean {
  if (!enrollment.visible || actor.kind !== 'user' || actor.role === 'analyst') return false
  const ce = isCeReferrer(actor, enrollment.cocId)
  if (referralEvent) return ce
  return ce || actor.organizationId === enrollment.ownerOrganizationId
}
