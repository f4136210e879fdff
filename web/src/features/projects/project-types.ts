import { HMIS_PARTICIPATION_TYPE, hudLabel, PROJECT_TYPE } from '@threshold/core'

/** HUD 2.02.6 project types as Select options, with HUD's own labels. */
export const PROJECT_TYPE_OPTIONS = PROJECT_TYPE.map((entry) => ({
  value: String(entry.code),
  label: entry.label,
}))

export const HMIS_PARTICIPATION_OPTIONS = HMIS_PARTICIPATION_TYPE.map((entry) => ({
  value: String(entry.code),
  label: entry.label,
}))

export function projectTypeLabel(code: number): string {
  return hudLabel('2.02.6', code) ?? `Unknown type (${code})`
}
