/** One role per organization membership; the web menu and the server policy both read these. */
export const ROLES = [
  'system_admin',
  'coc_admin',
  'ce_manager',
  'agency_admin',
  'case_manager',
  'housing_provider',
  'analyst',
] as const

export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'System administrator',
  coc_admin: 'CoC administrator',
  ce_manager: 'Coordinated Entry manager',
  agency_admin: 'Agency administrator',
  case_manager: 'Case manager',
  housing_provider: 'Housing provider',
  analyst: 'Analyst (read-only)',
}
