import { PATHS } from './navigation'

/** What each menu destination is for, shown on the home page and on areas still to be built. */
export const AREA_DESCRIPTIONS: Record<string, string> = {
  [PATHS.clients]: 'Find clients, record intake, household members, consent and enrollments.',
  [PATHS.housingQueue]: 'The prioritized Coordinated Entry queue of households waiting for housing.',
  [PATHS.referrals]:
    'Referrals from Coordinated Entry to housing providers, with their status and deadlines.',
  [PATHS.beds]: 'Beds and units of your projects: who is housed where and what is available.',
  [PATHS.reports]: 'HUD and CoC reports, and data quality checks.',
  [PATHS.coc]: 'The Continuum of Care’s name and which roles must use two-step verification.',
  [PATHS.organizations]: 'The agencies of the CoC, including victim service providers.',
  [PATHS.myOrganization]: 'Your agency’s name as others in the CoC see it.',
  [PATHS.projects]: 'Projects with their HUD project type and operating dates.',
  [PATHS.users]: 'Staff accounts, their organizations and roles.',
  [PATHS.apiTokens]: 'Tokens that let other systems call the Threshold API.',
  [PATHS.audit]: 'Who did what, when: sign-ins, changes and denied access.',
  [PATHS.serviceCatalogue]: 'The services your agency records, with their unit and default value.',
  [PATHS.duplicateClients]: 'Records that may be the same person: compare, merge with a reason, undo.',
}

/** Work areas that later releases fill in. */
export const WORK_AREAS = {
  housingQueue: { title: 'Housing Queue', path: PATHS.housingQueue },
  referrals: { title: 'Referrals', path: PATHS.referrals },
  reports: { title: 'Reports', path: PATHS.reports },
} as const
