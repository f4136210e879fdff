import type {
  AreaMedianIncome,
  CocAreaMedianIncome,
  EligibilityPreview,
  EligibilityRuleSet,
  EligibilityRuleSetChange,
  EligiblePrograms,
  ProjectEligibility,
} from '@threshold/core'
import { api } from '../../api/client'

export const eligibilityKeys = {
  all: ['eligibility'] as const,
  project: (projectId: string) => ['eligibility', 'project', projectId] as const,
  client: (clientId: string) => ['eligibility', 'client', clientId] as const,
  ami: ['eligibility', 'ami'] as const,
}

const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/eligibility`

export const eligibilityApi = {
  project: (projectId: string) => api.get<ProjectEligibility>(projectPath(projectId)),
  save: (projectId: string, change: EligibilityRuleSetChange) =>
    api.put<ProjectEligibility>(projectPath(projectId), change),
  preview: (projectId: string, ruleSet: EligibilityRuleSet) =>
    api.post<EligibilityPreview>(`${projectPath(projectId)}/preview`, { ruleSet }),
  eligiblePrograms: (clientId: string) =>
    api.get<EligiblePrograms>(`/api/clients/${encodeURIComponent(clientId)}/eligible-programs`),
  areaMedianIncome: () => api.get<CocAreaMedianIncome>('/api/eligibility/area-median-income'),
  setAreaMedianIncome: (input: AreaMedianIncome) =>
    api.put<CocAreaMedianIncome>('/api/eligibility/area-median-income', input),
}
