import { api } from '../../api/client'
import type { NewProject, Project, ProjectPatch } from '../../api/types'

export interface ProjectFilter {
  organizationId?: string
  projectType?: number
  active?: boolean
}

export const projectKeys = {
  all: ['projects'] as const,
  list: (filter: ProjectFilter) => ['projects', 'list', filter] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
}

export const projectsApi = {
  list: (filter: ProjectFilter = {}) => api.get<Project[]>('/api/projects', { ...filter }),
  get: (id: string) => api.get<Project>(`/api/projects/${encodeURIComponent(id)}`),
  create: (input: NewProject) => api.post<Project>('/api/projects', input),
  update: (id: string, patch: ProjectPatch) =>
    api.patch<Project>(`/api/projects/${encodeURIComponent(id)}`, patch),
}
