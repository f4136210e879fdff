import type { Role } from '@threshold/core'

// The menu each role sees, as data: the shell renders it, route guards read it, and the end-to-end
// tests compare the rendered menu with it. The server enforces access on every call regardless.

export interface NavItem {
  label: string
  to: string
}

export interface NavSection {
  /** Heading above the items; null for the top group. */
  label: string | null
  items: NavItem[]
}

export const PATHS = {
  home: '/',
  clients: '/clients',
  housingQueue: '/housing-queue',
  referrals: '/referrals',
  beds: '/beds',
  reports: '/reports',
  coc: '/admin/coc',
  organizations: '/admin/organizations',
  myOrganization: '/admin/my-organization',
  projects: '/admin/projects',
  users: '/admin/users',
  apiTokens: '/admin/api-tokens',
  audit: '/admin/audit',
  duplicateClients: '/admin/duplicate-clients',
  serviceCatalogue: '/admin/service-catalogue',
  referralSettings: '/admin/referral-settings',
  account: '/account',
} as const

const home: NavItem = { label: 'Home', to: PATHS.home }

const cocAdministration: NavSection = {
  label: 'Administration',
  items: [
    { label: 'CoC', to: PATHS.coc },
    { label: 'Organizations', to: PATHS.organizations },
    { label: 'Projects', to: PATHS.projects },
    { label: 'Users', to: PATHS.users },
    { label: 'API tokens', to: PATHS.apiTokens },
    { label: 'Audit log', to: PATHS.audit },
    { label: 'Duplicate clients', to: PATHS.duplicateClients },
  ],
}

export const NAVIGATION: Record<Role, NavSection[]> = {
  system_admin: [{ label: null, items: [home] }, cocAdministration],
  coc_admin: [
    { label: null, items: [home, { label: 'Housing Queue', to: PATHS.housingQueue }] },
    // Decline reasons, timers and referral rules are the CoC administrators' to set (not system admins').
    {
      ...cocAdministration,
      items: [...cocAdministration.items, { label: 'Referral settings', to: PATHS.referralSettings }],
    },
  ],
  agency_admin: [
    {
      label: null,
      items: [home, { label: 'Clients', to: PATHS.clients }, { label: 'Reports', to: PATHS.reports }],
    },
    {
      label: 'Administration',
      items: [
        { label: 'Organization', to: PATHS.myOrganization },
        { label: 'Projects', to: PATHS.projects },
        { label: 'Users', to: PATHS.users },
        { label: 'Service catalogue', to: PATHS.serviceCatalogue },
        { label: 'Audit log', to: PATHS.audit },
      ],
    },
  ],
  ce_manager: [
    {
      label: null,
      items: [
        home,
        { label: 'Clients', to: PATHS.clients },
        { label: 'Housing Queue', to: PATHS.housingQueue },
        { label: 'Referrals', to: PATHS.referrals },
        { label: 'Beds', to: PATHS.beds },
      ],
    },
  ],
  case_manager: [{ label: null, items: [home, { label: 'Clients', to: PATHS.clients }] }],
  housing_provider: [
    {
      label: null,
      items: [home, { label: 'Referrals', to: PATHS.referrals }, { label: 'Beds', to: PATHS.beds }],
    },
  ],
  analyst: [{ label: null, items: [home, { label: 'Reports', to: PATHS.reports }] }],
}

/** Pages every signed-in user may open whatever their role (reached from the user menu). */
const ALWAYS_ALLOWED: readonly string[] = [PATHS.account]

/**
 * Whether the role's menu leads to this path: a menu item allows itself and the pages below it
 * (`/admin/users` allows `/admin/users/new`). Home allows only itself.
 */
export function canVisit(role: Role, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  if (ALWAYS_ALLOWED.includes(path)) return true
  return NAVIGATION[role].some((section) =>
    section.items.some((item) =>
      item.to === PATHS.home ? path === PATHS.home : path === item.to || path.startsWith(`${item.to}/`),
    ),
  )
}
