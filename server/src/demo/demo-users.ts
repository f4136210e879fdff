import type { Role } from '@threshold/core'
import type { DemoAgencyKey } from './demo-agencies'

/** Every demo user signs in with this password; the start-up log and the README say so. */
export const DEMO_PASSWORD = 'threshold-demo'

export interface DemoUser {
  username: string
  /** Fictitious staff names. */
  displayName: string
  /** Where the user works and in which role; several mean the organization switcher offers each. */
  memberships: readonly { agency: DemoAgencyKey; role: Role }[]
}

/** The demo's sign-ins, one per role a CoC needs; tests and the browser suite sign in with these. */
export const DEMO_USERS = [
  {
    username: 'admin',
    displayName: 'Morgan Ellis',
    memberships: [{ agency: 'hmisLead', role: 'system_admin' }],
  },
  {
    username: 'coc.admin',
    displayName: 'Priya Raman',
    memberships: [{ agency: 'hmisLead', role: 'coc_admin' }],
  },
  {
    username: 'ce.manager',
    displayName: 'Dana Whitaker',
    // A second organization, so the organization switcher has something to switch to.
    memberships: [
      { agency: 'hmisLead', role: 'ce_manager' },
      { agency: 'northAccess', role: 'case_manager' },
    ],
  },
  {
    username: 'intake.north',
    displayName: 'Luis Ortega',
    memberships: [{ agency: 'northAccess', role: 'case_manager' }],
  },
  {
    username: 'intake.south',
    displayName: 'Keisha Brooks',
    memberships: [{ agency: 'southAccess', role: 'case_manager' }],
  },
  {
    username: 'provider.rrh',
    displayName: 'Sam Patel',
    memberships: [{ agency: 'rapidRehousing', role: 'housing_provider' }],
  },
  {
    username: 'shelter.staff',
    displayName: 'Jamie Chen',
    memberships: [{ agency: 'shelter', role: 'housing_provider' }],
  },
  { username: 'analyst', displayName: 'Robin Hayes', memberships: [{ agency: 'hmisLead', role: 'analyst' }] },
] as const satisfies readonly DemoUser[]

export type DemoUsername = (typeof DEMO_USERS)[number]['username']
