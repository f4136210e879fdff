import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import type { Restriction } from '../clients/client.tables'
import { systemActor } from './actor'
import { RELEASE_STATES, releasesFor, TODAY, testUserActor } from './client-access.fixtures'
import {
  type ClientAccessFacts,
  canChangeRestriction,
  canEditClient,
  canRecordRelease,
  canSeeClientIdentity,
  canSeeClientProjectData,
  isReleaseActive,
  type ReleaseGrant,
  referralsViewableByOtherAgencies,
  releasesReaching,
} from './client-policy'

const COC = 'coc-1'
const OWNER_ORG = 'org-owner'
const OTHER_ORG = 'org-other'
const THIRD_ORG = 'org-third'
const ACTIVE = { startDate: '2026-01-01', endDate: '2026-12-31', revokedOn: null }
const BOTH_KINDS = { releaseIdentity: true, releaseProjectData: true }

/**
 * What an actor of ANOTHER agency sees: identity and project data, in RELEASE_STATES order.
 * 'agency' = agency_admin, case_manager, housing_provider (and analyst, minus identity);
 * 'cocWide' = system_admin, coc_admin, ce_manager.
 */
const OTHER_AGENCY_EXPECTED: Record<Restriction, Record<'agency' | 'cocWide', string[]>> = {
  //                 none  cocId  cocBoth nameThis nameOther expired revoked
  open: {
    agency: ['--', 'I-', 'IP', 'IP', '--', '--', '--'],
    cocWide: ['I-', 'I-', 'IP', 'IP', 'I-', 'I-', 'I-'],
  },
  restricted: {
    agency: ['--', '--', '--', 'IP', '--', '--', '--'],
    cocWide: ['I-', 'I-', 'I-', 'IP', 'I-', 'I-', 'I-'],
  },
  confidential: {
    agency: ['--', '--', '--', '--', '--', '--', '--'],
    cocWide: ['--', '--', '--', '--', '--', '--', '--'],
  },
}

const COC_WIDE_ROLES: Role[] = ['system_admin', 'coc_admin', 'ce_manager']

function expectedFor(role: Role, own: boolean, restriction: Restriction, stateIndex: number) {
  if (own) return { identity: role !== 'analyst', projectData: true }
  const column = COC_WIDE_ROLES.includes(role) ? 'cocWide' : 'agency'
  const cell = OTHER_AGENCY_EXPECTED[restriction][column][stateIndex]!
  return { identity: cell[0] === 'I' && role !== 'analyst', projectData: cell[1] === 'P' }
}

const userActor = (role: Role, organizationId: string, cocId = COC) =>
  testUserActor(role, organizationId, cocId)

function factsFor(
  restriction: Restriction,
  releases: ReleaseGrant[],
  organizationId: string,
): ClientAccessFacts {
  return {
    cocId: COC,
    ownerOrganizationId: OWNER_ORG,
    restriction,
    ...releasesReaching(releases, organizationId, restriction, TODAY),
  }
}

const RESTRICTIONS: Restriction[] = ['open', 'restricted', 'confidential']

const cases = ROLES.flatMap((role) =>
  RESTRICTIONS.flatMap((restriction) =>
    RELEASE_STATES.flatMap((state, stateIndex) =>
      [true, false].map((own) => ({
        role,
        restriction,
        state,
        own,
        expected: expectedFor(role, own, restriction, stateIndex),
      })),
    ),
  ),
)

describe('client visibility: every role × restriction × release state × own/other agency', () => {
  it('covers 7 roles × 3 restrictions × 7 release states × 2 agencies', () => {
    expect(cases).toHaveLength(294)
  })

  it.each(cases)(
    '$role, $restriction, release "$state", own agency: $own',
    ({ role, restriction, state, own, expected }) => {
      const organizationId = own ? OWNER_ORG : OTHER_ORG
      const actor = userActor(role, organizationId)
      const facts = factsFor(restriction, releasesFor(state, organizationId, THIRD_ORG), organizationId)
      expect({
        identity: canSeeClientIdentity(actor, facts),
        projectData: canSeeClientProjectData(actor, facts),
      }).toEqual(expected)
    },
  )
})

describe('client visibility outside the rules of one CoC', () => {
  const everything = {
    cocId: COC,
    ownerOrganizationId: OWNER_ORG,
    restriction: 'open' as const,
    identityReleased: true,
    projectDataReleased: true,
  }

  it('nobody in another CoC sees the client, not even a system admin or the owner id in that CoC', () => {
    for (const role of ROLES) {
      const actor = userActor(role, OWNER_ORG, 'coc-2')
      expect(canSeeClientIdentity(actor, everything)).toBe(false)
      expect(canSeeClientProjectData(actor, everything)).toBe(false)
      expect(canEditClient(actor, everything)).toBe(false)
    }
  })

  it('the system and anonymous actors never pass the client rules', () => {
    const anonymous = { kind: 'anonymous' as const, requestId: null, ip: null }
    for (const actor of [systemActor, anonymous]) {
      expect(canSeeClientIdentity(actor, everything)).toBe(false)
      expect(canSeeClientProjectData(actor, everything)).toBe(false)
      expect(canEditClient(actor, everything)).toBe(false)
      expect(canRecordRelease(actor, everything)).toBe(false)
    }
  })
})

describe('editing and consent', () => {
  const open = factsFor('open', releasesFor('coc identity+project', OTHER_ORG, THIRD_ORG), OTHER_ORG)

  it.each(ROLES)('%s: edits only in the owning agency, never as an analyst', (role) => {
    expect(canEditClient(userActor(role, OWNER_ORG), open)).toBe(role !== 'analyst')
    expect(canEditClient(userActor(role, OTHER_ORG), open)).toBe(false)
  })

  it.each(ROLES)('%s: changes the restriction only as owning-agency case staff', (role) => {
    const expected = !['analyst', 'housing_provider'].includes(role)
    expect(canChangeRestriction(userActor(role, OWNER_ORG), open)).toBe(expected)
    expect(canChangeRestriction(userActor(role, OTHER_ORG), open)).toBe(false)
  })

  it('records releases wherever the identity is visible, never as an analyst', () => {
    expect(canRecordRelease(userActor('case_manager', OTHER_ORG), open)).toBe(true)
    expect(canRecordRelease(userActor('analyst', OWNER_ORG), open)).toBe(false)
    const confidential = factsFor('confidential', [], OTHER_ORG)
    expect(canRecordRelease(userActor('ce_manager', OTHER_ORG), confidential)).toBe(false)
    expect(canRecordRelease(userActor('housing_provider', OWNER_ORG), confidential)).toBe(true)
  })
})

describe('release dates', () => {
  const release: ReleaseGrant = { ...ACTIVE, scope: 'coc', organizationIds: [], ...BOTH_KINDS }

  it('counts from its start date through its end date, inclusive', () => {
    expect(isReleaseActive(release, '2025-12-31')).toBe(false)
    expect(isReleaseActive(release, '2026-01-01')).toBe(true)
    expect(isReleaseActive(release, '2026-12-31')).toBe(true)
    expect(isReleaseActive(release, '2027-01-01')).toBe(false)
  })

  it('stops counting on the day it is revoked', () => {
    const revoked = { ...release, revokedOn: '2026-03-10' }
    expect(isReleaseActive(revoked, '2026-03-09')).toBe(true)
    expect(isReleaseActive(revoked, '2026-03-10')).toBe(false)
  })
})

describe('"Referrals viewable by other agencies?"', () => {
  it.each([
    ['open', 'coc identity+project', true],
    ['open', 'coc identity only', false],
    ['open', 'naming this agency', false],
    ['open', 'expired', false],
    ['open', 'none', false],
    ['restricted', 'coc identity+project', false],
    ['confidential', 'coc identity+project', false],
  ] as const)('%s client, release "%s" → %s', (restriction, state, expected) => {
    expect(
      referralsViewableByOtherAgencies({
        restriction,
        releases: releasesFor(state, OTHER_ORG, THIRD_ORG),
        today: TODAY,
      }),
    ).toBe(expected)
  })

  it('turns back to no once the CoC-wide release is revoked', () => {
    const releases = [
      { ...ACTIVE, scope: 'coc' as const, organizationIds: [], ...BOTH_KINDS, revokedOn: TODAY },
    ]
    expect(referralsViewableByOtherAgencies({ restriction: 'open', releases, today: TODAY })).toBe(false)
  })
})
