import type { Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import { canManageAssessmentTools, canSeeAssessmentTool } from './assessment-tool-policy'
import { testUserActor } from './client-access.fixtures'

const COC = 'coc-1'
const OTHER_COC = 'coc-2'
const WORKING_ROLES: Role[] = ['agency_admin', 'case_manager', 'housing_provider', 'analyst']
const published = { cocId: COC, published: true }
const draft = { cocId: COC, published: false }

describe('assessment tool policy', () => {
  it('lets the CoC admin, system admins and the system manage and see drafts', () => {
    for (const actor of [
      testUserActor('coc_admin', 'org', COC),
      testUserActor('system_admin', 'org', OTHER_COC),
      systemActor,
    ]) {
      expect(canManageAssessmentTools(actor, { id: COC })).toBe(true)
      expect(canSeeAssessmentTool(actor, draft)).toBe(true)
    }
  })
  it('lets everyone else in the CoC read published tools only, and change nothing', () => {
    for (const role of WORKING_ROLES) {
      const actor = testUserActor(role, 'org', COC)
      expect(canSeeAssessmentTool(actor, published)).toBe(true)
      expect(canSeeAssessmentTool(actor, draft)).toBe(false)
      expect(canManageAssessmentTools(actor, { id: COC })).toBe(false)
    }
  })
  it('shows nothing of another CoC, not even to its CoC admin', () => {
    const outsider = testUserActor('coc_admin', 'org', OTHER_COC)
    expect(canSeeAssessmentTool(outsider, published)).toBe(false)
    expect(canManageAssessmentTools(outsider, { id: COC })).toBe(false)
  })
  it('shows nothing to someone not signed in', () => {
    expect(canSeeAssessmentTool({ kind: 'anonymous', requestId: null, ip: null }, published)).toBe(false)
  })
})
