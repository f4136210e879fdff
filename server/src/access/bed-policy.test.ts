import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { type Actor, systemActor, type UserActor } from './actor'
import {
  canManageBar,
  canManageFacility,
  canOperateBeds,
  canReserveBeds,
  canSeeAvailability,
  canSeeFacilityBoard,
} from './bed-policy'

// Every bed predicate for an actor of each role acting in agency A1 of CoC A, against a facility run by
// their own agency (A1), by another agency of their CoC (A2) and by an agency of another CoC (B1).

const A1 = { organizationId: 'org-a1', cocId: 'coc-a' }
const A2 = { organizationId: 'org-a2', cocId: 'coc-a' }
const B1 = { organizationId: 'org-b1', cocId: 'coc-b' }
const FACILITIES = [A1, A2, B1] as const

/** Allowed on [own agency's facility, another agency's in the CoC, another CoC's]. */
type Reach = readonly [boolean, boolean, boolean]
const inCoc: Reach = [true, true, false]
const ownAgency: Reach = [true, false, false]
const nowhere: Reach = [false, false, false]

const actorWith = (role: Role): UserActor => ({
  kind: 'user',
  userId: 'actor',
  username: 'actor',
  organizationId: A1.organizationId,
  cocId: A1.cocId,
  role,
  sessionId: null,
  apiTokenId: null,
  requestId: null,
  ip: null,
})

// The CoC-wide roles see every board and book beds, but only the running agency's staff operate them.
const EXPECTED: Record<Role, { board: Reach; operate: Reach; reserve: Reach }> = {
  system_admin: { board: inCoc, operate: nowhere, reserve: inCoc },
  coc_admin: { board: inCoc, operate: nowhere, reserve: inCoc },
  ce_manager: { board: inCoc, operate: nowhere, reserve: inCoc },
  agency_admin: { board: ownAgency, operate: ownAgency, reserve: ownAgency },
  case_manager: { board: ownAgency, operate: ownAgency, reserve: ownAgency },
  housing_provider: { board: ownAgency, operate: ownAgency, reserve: ownAgency },
  analyst: { board: ownAgency, operate: nowhere, reserve: nowhere },
}

const reach = (predicate: (actor: Actor, facility: (typeof FACILITIES)[number]) => boolean, actor: Actor) =>
  FACILITIES.map((facility) => predicate(actor, facility))

describe('bed policy', () => {
  for (const role of ROLES) {
    it(`${role}: board, operating and booking reach`, () => {
      const actor = actorWith(role)
      expect(reach(canSeeFacilityBoard, actor)).toEqual(EXPECTED[role].board)
      expect(reach(canOperateBeds, actor)).toEqual(EXPECTED[role].operate)
      expect(reach(canReserveBeds, actor)).toEqual(EXPECTED[role].reserve)
    })

    it(`${role}: availability counts in their own CoC only`, () => {
      expect(canSeeAvailability(actorWith(role), { id: 'coc-a' })).toBe(true)
      expect(canSeeAvailability(actorWith(role), { id: 'coc-b' })).toBe(false)
    })
  }

  it('leaves inventory to CoC admins and the running agency’s admins', () => {
    expect(reach(canManageFacility, actorWith('coc_admin'))).toEqual(inCoc)
    expect(reach(canManageFacility, actorWith('agency_admin'))).toEqual(ownAgency)
    for (const role of ['ce_manager', 'housing_provider', 'case_manager', 'analyst'] as const) {
      expect(reach(canManageFacility, actorWith(role))).toEqual(nowhere)
    }
  })

  it('gives the system and anonymous actors nothing', () => {
    const anonymous: Actor = { kind: 'anonymous', requestId: null, ip: null }
    for (const actor of [systemActor, anonymous]) {
      expect(reach(canSeeFacilityBoard, actor)).toEqual(nowhere)
      expect(reach(canReserveBeds, actor)).toEqual(nowhere)
      expect(canSeeAvailability(actor, { id: 'coc-a' })).toBe(false)
    }
  })

  it('lets enforcing agencies and CE manage bars, never analysts or other CoCs', () => {
    const enforcedByA1 = { cocId: 'coc-a', enforcingOrganizationIds: ['org-a1'] }
    const enforcedByA2 = { cocId: 'coc-a', enforcingOrganizationIds: ['org-a2'] }
    expect(canManageBar(actorWith('housing_provider'), enforcedByA1)).toBe(true)
    expect(canManageBar(actorWith('housing_provider'), enforcedByA2)).toBe(false)
    expect(canManageBar(actorWith('analyst'), enforcedByA1)).toBe(false)
    expect(canManageBar(actorWith('ce_manager'), enforcedByA2)).toBe(true)
    expect(
      canManageBar(actorWith('ce_manager'), { cocId: 'coc-b', enforcingOrganizationIds: ['org-a1'] }),
    ).toBe(false)
  })
})
