import type { Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import { testUserActor } from './client-access.fixtures'
import {
  canEditEligibilityRules,
  canSeeAreaMedianIncome,
  canSeeEligibilityRules,
  canSetAreaMedianIncome,
} from './eligibility-policy'

const COC = 'coc-1'
const project = { organizationId: 'org-1', cocId: COC }

describe('eligibility policy', () => {
  it('lets the CoC admin edit any project’s rules and the agency admin only their agency’s', () => {
    expect(canEditEligibilityRules(testUserActor('coc_admin', 'org-2', COC), project)).toBe(true)
    expect(canEditEligibilityRules(testUserActor('agency_admin', 'org-1', COC), project)).toBe(true)
    expect(canEditEligibilityRules(testUserActor('agency_admin', 'org-2', COC), project)).toBe(false)
    expect(canEditEligibilityRules(systemActor, project)).toBe(true)
  })
  it('lets everyone working in the CoC read rules but change nothing', () => {
    const roles: Role[] = ['case_manager', 'housing_provider', 'analyst', 'ce_manager']
    for (const role of roles) {
      const actor = testUserActor(role, 'org-1', COC)
      expect(canSeeEligibilityRules(actor, project)).toBe(true)
      expect(canEditEligibilityRules(actor, project)).toBe(false)
      expect(canSeeAreaMedianIncome(actor, { id: COC })).toBe(true)
      expect(canSetAreaMedianIncome(actor, { id: COC })).toBe(false)
    }
  })
  it('keeps another CoC out, even its CoC admin', () => {
    const outsider = testUserActor('coc_admin', 'org-9', 'coc-2')
    expect(canSeeEligibilityRules(outsider, project)).toBe(false)
    expect(canEditEligibilityRules(outsider, project)).toBe(false)
    expect(canSetAreaMedianIncome(outsider, { id: COC })).toBe(false)
    expect(canSetAreaMedianIncome(testUserActor('coc_admin', 'org-1', COC), { id: COC })).toBe(true)
  })
  it('shows nothing to someone not signed in', () => {
    expect(canSeeEligibilityRules({ kind: 'anonymous', requestId: null, ip: null }, project)).toBe(false)
  })
})
