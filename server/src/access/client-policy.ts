import type { Role } from '@threshold/core'
import type { Restriction } from '../clients/client.tables'
import type { ReleaseScope } from '../releases/release.tables'
import type { Actor, UserActor } from './actor'

// Who may see and change a client record. `access/client-visibility.ts` states the same rules as SQL
// filters; `client-visibility.db.test.ts` checks both agree on every combination.
//
// Only signed-in users in the client's CoC ever pass; the system and anonymous actors never do (background
// jobs read the tables directly). "Owner" = the actor acts for the client's owning (creating) agency.
//
// | restriction  | identity (name, DOB, SSN, contact…)                     | project data (enrollments, assessments…) |
// |--------------|---------------------------------------------------------|------------------------------------------|
// | any          | owner                                                   | owner                                    |
// | open         | + CE manager, CoC admin, system admin (no release)      | + anyone with a project-data release     |
// |              | + any agency with an identity release, CoC-wide or      |   (CoC-wide or naming their agency), CE  |
// |              |   naming it                                             |   managers and CoC admins included       |
// | restricted   | + CE manager, CoC admin, system admin (no release)      | + anyone with a project-data release     |
// |              | + an agency with an identity release NAMING it          |   NAMING their agency                    |
// | confidential | nobody else: not system admins, not CE managers         | nobody else                              |
//
// Analysts never see identity (their own agency's clients included). A release counts from its start date
// through its end date, and stops counting on its revocation date: every check takes `today`.

export type { Restriction }

/** What the rules need to know about one client, as seen by one actor on one day. */
export interface ClientAccessFacts {
  cocId: string
  ownerOrganizationId: string
  restriction: Restriction
  /** An active identity release that counts for this client (see `releasesReaching`) reaches the actor's agency. */
  identityReleased: boolean
  /** The same for a project-data release. */
  projectDataReleased: boolean
}

/** The part of a release that decides whom it reaches and when. */
export interface ReleaseGrant {
  releaseIdentity: boolean
  releaseProjectData: boolean
  scope: ReleaseScope
  organizationIds: readonly string[]
  startDate: string
  endDate: string
  revokedOn: string | null
}

/** Roles that see every non-confidential client of their CoC without a release (they run CE). */
export const COC_WIDE_CLIENT_ROLES: readonly Role[] = ['system_admin', 'coc_admin', 'ce_manager']
/** Recording the client's consent choice is case management, not front-desk or reporting work. */
const RESTRICTION_CHANGING_ROLES: readonly Role[] = [
  'system_admin',
  'coc_admin',
  'ce_manager',
  'agency_admin',
  'case_manager',
]

const userInCoc = (actor: Actor, facts: { cocId: string }): actor is UserActor =>
  actor.kind === 'user' && actor.cocId === facts.cocId

const isOwner = (actor: UserActor, facts: ClientAccessFacts) =>
  actor.organizationId === facts.ownerOrganizationId

/** In force on `today` (YYYY-MM-DD): started, not past its end date, not revoked. */
export function isReleaseActive(release: ReleaseGrant, today: string): boolean {
  return (
    release.startDate <= today &&
    release.endDate >= today &&
    (release.revokedOn === null || release.revokedOn > today)
  )
}

/** A restricted client's releases count only for the agencies they name; an open client's also CoC-wide. */
export function releaseReachesOrganization(
  release: ReleaseGrant,
  organizationId: string,
  restriction: Restriction,
): boolean {
  if (release.scope === 'organizations') return release.organizationIds.includes(organizationId)
  return restriction === 'open'
}

/** The two release booleans of `ClientAccessFacts` for one agency on one day. */
export function releasesReaching(
  releases: readonly ReleaseGrant[],
  organizationId: string,
  restriction: Restriction,
  today: string,
): Pick<ClientAccessFacts, 'identityReleased' | 'projectDataReleased'> {
  const reaching = releases.filter(
    (release) =>
      isReleaseActive(release, today) && releaseReachesOrganization(release, organizationId, restriction),
  )
  return {
    identityReleased: reaching.some((release) => release.releaseIdentity),
    projectDataReleased: reaching.some((release) => release.releaseProjectData),
  }
}

/** Name, DOB, SSN, contact and demographics. */
export function canSeeClientIdentity(actor: Actor, facts: ClientAccessFacts): boolean {
  if (!userInCoc(actor, facts) || actor.role === 'analyst') return false
  if (isOwner(actor, facts)) return true
  if (facts.restriction === 'confidential') return false
  return COC_WIDE_CLIENT_ROLES.includes(actor.role) || facts.identityReleased
}

/** Enrollments, assessments, CE events, referrals and (later) notes. */
export function canSeeClientProjectData(actor: Actor, facts: ClientAccessFacts): boolean {
  if (!userInCoc(actor, facts)) return false
  if (isOwner(actor, facts)) return true
  return facts.restriction !== 'confidential' && facts.projectDataReleased
}

/** The owning agency keeps the record; other agencies read it under a release. Analysts only read. */
export function canEditClient(actor: Actor, facts: ClientAccessFacts): boolean {
  return userInCoc(actor, facts) && actor.role !== 'analyst' && isOwner(actor, facts)
}

/** Open / restricted / confidential records the client's own choice, kept by the owning agency's case staff. */
export function canChangeRestriction(actor: Actor, facts: ClientAccessFacts): boolean {
  return (
    canEditClient(actor, facts) && actor.kind === 'user' && RESTRICTION_CHANGING_ROLES.includes(actor.role)
  )
}

/**
 * Recording, revoking or completing a release is consent the client gives the agency in front of them:
 * any staff member (not analysts) who may see the client's identity.
 */
export function canRecordRelease(actor: Actor, facts: ClientAccessFacts): boolean {
  return canSeeClientIdentity(actor, facts)
}

/**
 * The read-only "Referrals viewable by other agencies?" field: yes only for an open client with an active
 * project-data release covering the whole CoC (restricted clients share with named agencies only).
 */
export function referralsViewableByOtherAgencies(sharing: {
  restriction: Restriction
  releases: readonly ReleaseGrant[]
  today: string
}): boolean {
  return (
    sharing.restriction === 'open' &&
    sharing.releases.some(
      (release) =>
        release.scope === 'coc' && release.releaseProjectData && isReleaseActive(release, sharing.today),
    )
  )
}
