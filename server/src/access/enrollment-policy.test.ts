import { ROLES } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import { testUserActor } from './client-access.fixtures'
import type { ClientAccessFacts } from './client-policy'
import {
  canEditEnrollment,
  canEnrollInProject,
  canSeeEnrollment,
  canSeeProjectDataQuality,
  type EnrollmentAccessFacts,
} from './enrollment-policy'

const COC = 'coc-1'
const CLIENT_OWNER = 'org-client-owner'
const ENROLLING = 'org-enrolling'
const OTHER = 'org-other'

const client = (overrides: Partial<ClientAccessFacts> = {}): ClientAccessFacts => ({
  cocId: COC,
  ownerOrganizationId: CLIENT_OWNER,
  restriction: 'open',
  identityReleased: false,
  projectDataReleased: false,
  ...overrides,
})
const enrollment = (clientFacts: ClientAccessFacts | undefined): EnrollmentAccessFacts => ({
  ownerOrganizationId: ENROLLING,
  client: clientFacts,
})

describe('canSeeEnrollment', () => {
  it('lets the enrolling agency see its enrollment, even of a confidential client of another agency', () => {
    for (const role of ROLES) {
      expect(
        canSeeEnrollment(
          testUserActor(role, ENROLLING, COC),
          enrollment(client({ restriction: 'confidential' })),
        ),
      ).toBe(true)
    }
  })

  it('lets another agency see it only with a project-data release (the client-owner counts as owner)', () => {
    const other = testUserActor('case_manager', OTHER, COC)
    expect(canSeeEnrollment(other, enrollment(client()))).toBe(false)
    expect(canSeeEnrollment(other, enrollment(client({ identityReleased: true })))).toBe(false)
    expect(canSeeEnrollment(other, enrollment(client({ projectDataReleased: true })))).toBe(true)
    expect(
      canSeeEnrollment(other, enrollment(client({ restriction: 'confidential', projectDataReleased: true }))),
    ).toBe(false)
    expect(canSeeEnrollment(testUserActor('case_manager', CLIENT_OWNER, COC), enrollment(client()))).toBe(
      true,
    )
  })

  it('never lets CoC-wide roles of another agency see it without a release', () => {
    for (const role of ['ce_manager', 'coc_admin', 'system_admin'] as const) {
      expect(canSeeEnrollment(testUserActor(role, OTHER, COC), enrollment(client()))).toBe(false)
    }
  })

  it('refuses other CoCs, the system actor and merged-away clients', () => {
    expect(canSeeEnrollment(testUserActor('case_manager', ENROLLING, 'coc-2'), enrollment(client()))).toBe(
      false,
    )
    expect(canSeeEnrollment(systemActor, enrollment(client()))).toBe(false)
    expect(canSeeEnrollment(testUserActor('case_manager', ENROLLING, COC), enrollment(undefined))).toBe(false)
  })
})

describe('canEditEnrollment', () => {
  it('is the enrolling agency, analysts excepted', () => {
    expect(canEditEnrollment(testUserActor('case_manager', ENROLLING, COC), enrollment(client()))).toBe(true)
    expect(canEditEnrollment(testUserActor('analyst', ENROLLING, COC), enrollment(client()))).toBe(false)
  })

  it('does not follow a release: another agency reads but does not change', () => {
    const facts = enrollment(client({ projectDataReleased: true }))
    expect(canSeeEnrollment(testUserActor('agency_admin', OTHER, COC), facts)).toBe(true)
    expect(canEditEnrollment(testUserActor('agency_admin', OTHER, COC), facts)).toBe(false)
  })
})

describe('canEnrollInProject', () => {
  const project = { organizationId: ENROLLING, cocId: COC }

  it('lets the operating agency enroll, except analysts', () => {
    for (const role of ROLES) {
      expect(canEnrollInProject(testUserActor(role, ENROLLING, COC), project)).toBe(role !== 'analyst')
    }
  })

  it('lets CE managers and CoC admins of another agency enroll, nobody else', () => {
    for (const role of ROLES) {
      expect(canEnrollInProject(testUserActor(role, OTHER, COC), project)).toBe(
        role === 'ce_manager' || role === 'coc_admin',
      )
    }
    expect(canEnrollInProject(testUserActor('coc_admin', OTHER, 'coc-2'), project)).toBe(false)
  })
})

describe('canSeeProjectDataQuality', () => {
  const project = { organizationId: ENROLLING, cocId: COC }

  it('is for the operating agency’s admins and the CoC’s admins', () => {
    for (const role of ROLES) {
      expect(canSeeProjectDataQuality(testUserActor(role, ENROLLING, COC), project)).toBe(
        role === 'agency_admin' || role === 'coc_admin',
      )
      expect(canSeeProjectDataQuality(testUserActor(role, OTHER, COC), project)).toBe(role === 'coc_admin')
    }
    expect(canSeeProjectDataQuality(testUserActor('coc_admin', ENROLLING, 'coc-2'), project)).toBe(false)
  })
})
