import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import { testUserActor } from './client-access.fixtures'
import {
  availableReferralActions,
  canCreateCeReferral,
  canCreateDirectReferral,
  canPostOpening,
  canRecordCeEvent,
  canReferDirectlyFrom,
  canReferDirectlyTo,
  canReferFromEnrollment,
  canSeeCeEvent,
  canSeeReferral,
  canTakeReferralAction,
  referralActionAllowedFrom,
} from './referral-policy'

const COC = 'coc-1'
const CE = 'org-ce'
const PROVIDER = 'org-provider'
const OUTSIDER = 'org-outsider'
const referral = { cocId: COC, referringOrganizationId: CE, receivingOrganizationId: PROVIDER }

describe('referral policy', () => {
  it('shows a referral to CE-wide roles of the CoC and to the two agencies only', () => {
    const seen = (role: Role, organizationId: string, cocId = COC) =>
      canSeeReferral(testUserActor(role, organizationId, cocId), referral)
    for (const role of ROLES) {
      expect(seen(role, PROVIDER), role).toBe(true)
      expect(seen(role, CE), role).toBe(true)
      expect(seen(role, OUTSIDER), role).toBe(role === 'ce_manager' || role === 'coc_admin')
      expect(seen(role, PROVIDER, 'coc-2'), role).toBe(false)
    }
    expect(canSeeReferral(systemActor, referral)).toBe(false)
  })

  it('lets only CE make referrals, and providers post openings for their own projects', () => {
    const project = { cocId: COC, organizationId: PROVIDER }
    expect(canCreateCeReferral(testUserActor('ce_manager', CE, COC), project)).toBe(true)
    expect(canCreateCeReferral(testUserActor('housing_provider', PROVIDER, COC), project)).toBe(false)
    expect(canCreateCeReferral(testUserActor('agency_admin', PROVIDER, COC), project)).toBe(false)
    expect(canPostOpening(testUserActor('housing_provider', PROVIDER, COC), project)).toBe(true)
    expect(canPostOpening(testUserActor('housing_provider', OUTSIDER, COC), project)).toBe(false)
    expect(canPostOpening(testUserActor('analyst', PROVIDER, COC), project)).toBe(false)
    expect(canPostOpening(testUserActor('ce_manager', CE, COC), project)).toBe(true)
    expect(canPostOpening(testUserActor('ce_manager', CE, 'coc-2'), project)).toBe(false)
  })

  it('splits the responses between the receiving agency and CE', () => {
    const provider = testUserActor('housing_provider', PROVIDER, COC)
    const ce = testUserActor('ce_manager', CE, COC)
    const analyst = testUserActor('analyst', PROVIDER, COC)
    for (const action of ['acknowledge', 'accept', 'enroll'] as const) {
      expect(canTakeReferralAction(provider, referral, action)).toBe(true)
      expect(canTakeReferralAction(ce, referral, action)).toBe(false)
      expect(canTakeReferralAction(analyst, referral, action)).toBe(false)
    }
    expect(canTakeReferralAction(provider, referral, 'decline', 'provider')).toBe(true)
    expect(canTakeReferralAction(ce, referral, 'decline', 'provider')).toBe(false)
    expect(canTakeReferralAction(ce, referral, 'decline', 'client')).toBe(true)
    expect(canTakeReferralAction(ce, referral, 'cancel')).toBe(true)
    expect(canTakeReferralAction(provider, referral, 'cancel')).toBe(false)
    expect(availableReferralActions(provider, { ...referral, status: 'pending' })).toEqual([
      'acknowledge',
      'accept',
      'decline',
    ])
    expect(availableReferralActions(ce, { ...referral, status: 'accepted' })).toEqual(['decline', 'cancel'])
    expect(availableReferralActions(provider, { ...referral, status: 'enrolled' })).toEqual([])
  })

  it('lets CE refer from any CE enrollment of its CoC', () => {
    const ce = testUserActor('ce_manager', CE, COC)
    expect(canReferFromEnrollment(ce, { cocId: COC, projectType: 14 })).toBe(true)
    expect(canReferFromEnrollment(ce, { cocId: COC, projectType: 13 })).toBe(false)
    expect(canReferFromEnrollment(ce, { cocId: 'coc-2', projectType: 14 })).toBe(false)
    expect(
      canReferFromEnrollment(testUserActor('case_manager', CE, COC), { cocId: COC, projectType: 14 }),
    ).toBe(false)
  })

  it('lets the agency whose project has the household enrolled refer it directly to a willing project', () => {
    const source = { cocId: COC, projectOrganizationId: PROVIDER, projectType: 1, open: true }
    const willing = { cocId: COC, acceptsDirectReferrals: true }
    const unwilling = { cocId: COC, acceptsDirectReferrals: false }
    for (const role of ['housing_provider', 'case_manager', 'agency_admin'] as const) {
      expect(canCreateDirectReferral(testUserActor(role, PROVIDER, COC), source, willing), role).toBe(true)
      expect(canCreateDirectReferral(testUserActor(role, PROVIDER, COC), source, unwilling), role).toBe(false)
    }
    const provider = testUserActor('housing_provider', PROVIDER, COC)
    expect(canReferDirectlyFrom(testUserActor('analyst', PROVIDER, COC), source)).toBe(false)
    expect(canReferDirectlyFrom(testUserActor('case_manager', OUTSIDER, COC), source)).toBe(false)
    expect(canReferDirectlyFrom(testUserActor('housing_provider', PROVIDER, 'coc-2'), source)).toBe(false)
    expect(canReferDirectlyFrom(provider, { ...source, open: false })).toBe(false)
    // Coordinated Entry's own enrollments go through the queue.
    expect(canReferDirectlyFrom(provider, { ...source, projectType: 14 })).toBe(false)
    expect(canReferDirectlyTo(provider, { ...willing, cocId: 'coc-2' })).toBe(false)
    expect(canReferDirectlyTo(testUserActor('analyst', PROVIDER, COC), willing)).toBe(false)
    // A direct referral is no CE referral: the provider still cannot make those.
    expect(canCreateCeReferral(provider, willing)).toBe(false)
  })

  it('moves statuses forward only', () => {
    expect(referralActionAllowedFrom('enroll', 'pending')).toBe(false)
    expect(referralActionAllowedFrom('enroll', 'accepted')).toBe(true)
    expect(referralActionAllowedFrom('acknowledge', 'acknowledged')).toBe(false)
    expect(referralActionAllowedFrom('cancel', 'enrolled')).toBe(false)
    expect(referralActionAllowedFrom('decline', 'expired')).toBe(false)
  })

  it('keeps CE events to those who see the enrollment, restricted ones to their agency', () => {
    const other = testUserActor('case_manager', OUTSIDER, COC)
    const owner = testUserActor('case_manager', CE, COC)
    const event = { enrollmentVisible: true, ownerOrganizationId: CE, restriction: 'agency' as const }
    expect(canSeeCeEvent(owner, event)).toBe(true)
    expect(canSeeCeEvent(other, event)).toBe(false)
    expect(canSeeCeEvent(other, { ...event, restriction: 'open' })).toBe(true)
    expect(canSeeCeEvent(owner, { ...event, enrollmentVisible: false })).toBe(false)
  })

  it('lets only CE record referral events; the enrolling agency records the others', () => {
    const enrollment = { visible: true, ownerOrganizationId: PROVIDER, cocId: COC }
    const provider = testUserActor('housing_provider', PROVIDER, COC)
    expect(canRecordCeEvent(provider, enrollment, false)).toBe(true)
    expect(canRecordCeEvent(provider, enrollment, true)).toBe(false)
    expect(canRecordCeEvent(testUserActor('ce_manager', CE, COC), enrollment, true)).toBe(true)
    expect(canRecordCeEvent(testUserActor('case_manager', OUTSIDER, COC), enrollment, false)).toBe(false)
    expect(canRecordCeEvent(provider, { ...enrollment, visible: false }, false)).toBe(false)
  })
})
