import type { Role } from '@threshold/core'
import type { UserActor } from './actor'
import type { ReleaseGrant } from './client-policy'

// Shared by the client-policy and client-visibility tests: the release states every role is checked
// against. Expired and revoked releases name the actor's agency, so had they been active they would count.

export const RELEASE_STATES = [
  'none',
  'coc identity only',
  'coc identity+project',
  'naming this agency',
  'naming another agency',
  'expired',
  'revoked',
] as const
export type ReleaseState = (typeof RELEASE_STATES)[number]

/** The day the release states are judged on. */
export const TODAY = '2026-03-10'
const ACTIVE = { startDate: '2026-01-01', endDate: '2026-12-31', revokedOn: null }
const BOTH_KINDS = { releaseIdentity: true, releaseProjectData: true }
const COC_WIDE = { scope: 'coc' as const, organizationIds: [] }
const naming = (organizationId: string) => ({
  scope: 'organizations' as const,
  organizationIds: [organizationId],
})

/** A client's releases in `state`, as seen by an actor of `actorOrganizationId`; `thirdOrganizationId` is neither party. */
export function releasesFor(
  state: ReleaseState,
  actorOrganizationId: string,
  thirdOrganizationId: string,
): ReleaseGrant[] {
  switch (state) {
    case 'none':
      return []
    case 'coc identity only':
      return [{ ...ACTIVE, ...COC_WIDE, releaseIdentity: true, releaseProjectData: false }]
    case 'coc identity+project':
      return [{ ...ACTIVE, ...COC_WIDE, ...BOTH_KINDS }]
    case 'naming this agency':
      return [{ ...ACTIVE, ...naming(actorOrganizationId), ...BOTH_KINDS }]
    case 'naming another agency':
      return [{ ...ACTIVE, ...naming(thirdOrganizationId), ...BOTH_KINDS }]
    case 'expired':
      return [{ ...ACTIVE, ...naming(actorOrganizationId), ...BOTH_KINDS, endDate: '2026-03-09' }]
    case 'revoked':
      return [{ ...ACTIVE, ...naming(actorOrganizationId), ...BOTH_KINDS, revokedOn: TODAY }]
  }
}

export function testUserActor(
  role: Role,
  organizationId: string,
  cocId: string,
  userId = `user-${role}`,
): UserActor {
  return {
    kind: 'user',
    userId,
    username: role,
    organizationId,
    cocId,
    role,
    sessionId: null,
    apiTokenId: null,
    requestId: null,
    ip: null,
  }
}
