import { PROJECT_TYPES, type ProjectTypeCode } from '@threshold/core'

// The demo Continuum of Care and its agencies. Every agency name is invented: the demo must never look
// like it speaks for a real Fulton County or Atlanta provider. Projects cover the services of the
// customer's Coordinated Entry quick reference guide.

export const DEMO_COC = { code: 'GA-502', name: 'Fulton County CoC' } as const

/** HUD 2.02.3 Operating Start Date shared by every demo project. */
export const DEMO_OPERATING_START = '2020-01-01'

export interface DemoProject {
  name: string
  projectType: ProjectTypeCode
}

export interface DemoAgency {
  name: string
  victimServiceProvider: boolean
  projects: readonly DemoProject[]
}

export const DEMO_AGENCIES = {
  /** The CoC's HMIS lead: system and CoC administration, Coordinated Entry management, reporting. */
  hmisLead: { name: 'Fulton County HMIS Lead', victimServiceProvider: false, projects: [] },
  northAccess: {
    name: 'North Fulton Access Center',
    victimServiceProvider: false,
    projects: [{ name: 'North Fulton CE', projectType: PROJECT_TYPES.CE }],
  },
  southAccess: {
    name: 'South Fulton Access Center',
    victimServiceProvider: false,
    projects: [{ name: 'South Fulton CE', projectType: PROJECT_TYPES.CE }],
  },
  rapidRehousing: {
    name: 'Pathway Home Rehousing',
    victimServiceProvider: false,
    projects: [{ name: 'Pathway Home Rapid Rehousing', projectType: PROJECT_TYPES.RRH }],
  },
  shelter: {
    name: 'Lantern House Shelter',
    victimServiceProvider: false,
    projects: [
      { name: 'Lantern House Emergency Shelter', projectType: PROJECT_TYPES.ES_ENTRY_EXIT },
      { name: 'Lantern House Overnight Beds', projectType: PROJECT_TYPES.ES_NIGHT_BY_NIGHT },
    ],
  },
  supportiveHousing: {
    name: 'Oakridge Supportive Housing',
    victimServiceProvider: false,
    projects: [{ name: 'Oakridge Permanent Supportive Housing', projectType: PROJECT_TYPES.PSH }],
  },
  prevention: {
    name: 'Steady Ground Housing Assistance',
    victimServiceProvider: false,
    projects: [
      { name: 'Steady Ground Homelessness Prevention', projectType: PROJECT_TYPES.HP },
      { name: 'Steady Ground Financial and Rental Assistance', projectType: PROJECT_TYPES.HP },
    ],
  },
  familyServices: {
    name: 'Kinfolk Family Services',
    victimServiceProvider: false,
    projects: [
      // Services Only (6), not Other (7): the program supports households living in a family setting
      // (case management, respite, supplies) and provides no bed of its own.
      { name: 'Family-based Setting Support Program', projectType: PROJECT_TYPES.SSO },
      { name: 'Kinfolk Supportive Services', projectType: PROJECT_TYPES.SSO },
    ],
  },
  victimServices: {
    name: 'Bright Meadow Survivor Services',
    victimServiceProvider: true,
    projects: [{ name: 'Bright Meadow Safe Shelter', projectType: PROJECT_TYPES.ES_ENTRY_EXIT }],
  },
} as const satisfies Record<string, DemoAgency>

export type DemoAgencyKey = keyof typeof DEMO_AGENCIES
