import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor, type UserActor } from './actor'
import type { ClientAccessFacts } from './client-policy'
import {
  canConfigureQueueRanking,
  canManageQueue,
  canSeeQueueEntry,
  canViewQueue,
  queueRowIdentity,
} from './queue-policy'

// Every queue predicate for an actor of each role in agency A1 of CoC A, against entries enrolled by A1,
// by A2 (same CoC) and by B1 (another CoC), and the identity a row shows for each restriction.

const actorWith = (role: Role): UserActor => ({
  kind: 'user',
  userId: 'actor',
  username: 'actor',
  organizationId: 'org-a1',
  cocId: 'coc-a',
  role,
  sessionId: null,
  apiTokenId: null,
  requestId: null,
  ip: null,
})

const ENTRIES = [
  { cocId: 'coc-a', ownerOrganizationId: 'org-a1' },
  { cocId: 'coc-a', ownerOrganizationId: 'org-a2' },
  { cocId: 'coc-b', ownerOrganizationId: 'org-b1' },
] as const

const EXPECTED: Record<Role, { entries: [boolean, boolean, boolean]; manage: boolean }> = {
  system_admin: { entries: [true, true, false], manage: true },
  coc_admin: { entries: [true, true, false], manage: true },
  ce_manager: { entries: [true, true, false], manage: true },
  agency_admin: { entries: [true, false, false], manage: false },
  case_manager: { entries: [true, false, false], manage: false },
  housing_provider: { entries: [false, false, false], manage: false },
  analyst: { entries: [false, false, false], manage: false },
}

describe('queue policy', () => {
  it.each(ROLES)('%s', (role) => {
    const actor = actorWith(role)
    expect(ENTRIES.map((entry) => canSeeQueueEntry(actor, entry))).toEqual(EXPECTED[role].entries)
    expect(canViewQueue(actor, { id: 'coc-a' })).toBe(EXPECTED[role].entries[0])
    expect(canViewQueue(actor, { id: 'coc-b' })).toBe(false)
    expect(canManageQueue(actor, { id: 'coc-a' })).toBe(EXPECTED[role].manage)
    expect(canConfigureQueueRanking(actor, { id: 'coc-a' })).toBe(EXPECTED[role].manage)
    expect(canManageQueue(actor, { id: 'coc-b' })).toBe(false)
  })

  it('refuses the system actor and anyone outside a user session', () => {
    expect(canViewQueue(systemActor, { id: 'coc-a' })).toBe(false)
    expect(canSeeQueueEntry(systemActor, ENTRIES[0])).toBe(false)
  })

  it('never shows a confidential head of household, not even to the agency that owns the record', () => {
    const head = (
      restriction: ClientAccessFacts['restriction'],
      ownerOrganizationId: string,
    ): ClientAccessFacts => ({
      cocId: 'coc-a',
      ownerOrganizationId,
      restriction,
      identityReleased: false,
      projectDataReleased: false,
    })
    const ce = actorWith('ce_manager')
    const worker = actorWith('case_manager')
    expect(queueRowIdentity(ce, head('confidential', 'org-a2'))).toBe('deidentified')
    expect(queueRowIdentity(worker, head('confidential', 'org-a1'))).toBe('deidentified')
    expect(queueRowIdentity(ce, head('restricted', 'org-a2'))).toBe('named')
    expect(queueRowIdentity(worker, head('open', 'org-a2'))).toBe('masked')
    expect(queueRowIdentity(worker, { ...head('open', 'org-a2'), identityReleased: true })).toBe('named')
    expect(queueRowIdentity(worker, head('open', 'org-a1'))).toBe('named')
  })
})
