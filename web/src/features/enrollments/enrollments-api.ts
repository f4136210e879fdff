import type {
  Enrollment,
  EnrollmentAssessment,
  EnrollmentHouseholdExit,
  EnrollmentMemberExit,
  EnrollmentPatch,
  NewCurrentLivingSituation,
  NewEnrollment,
  NewEnrollmentAssessment,
  NewEnrollmentHouseholdMember,
  ProjectDataQuality,
} from '@threshold/core'
import { api } from '../../api/client'

const enrollmentPath = (id: string) => `/api/enrollments/${encodeURIComponent(id)}`

export const enrollmentKeys = {
  all: ['enrollments'] as const,
  ofClient: (clientId: string) => ['enrollments', 'of-client', clientId] as const,
  assessments: (enrollmentId: string) => ['enrollments', 'assessments', enrollmentId] as const,
  recordLivingSituation: (id: string, contact: NewCurrentLivingSituation) =>
    api.post<unknown>(`${enrollmentPath(id)}/current-living-situations`, contact),
  dataQuality: (projectId: string) => ['enrollments', 'data-quality', projectId] as const,
}

export const enrollmentsApi = {
  ofClient: (clientId: string) =>
    api.get<Enrollment[]>(`/api/clients/${encodeURIComponent(clientId)}/enrollments`),
  enroll: (input: NewEnrollment) => api.post<Enrollment[]>('/api/enrollments', input),
  update: (id: string, patch: EnrollmentPatch) => api.patch<Enrollment>(enrollmentPath(id), patch),
  addMember: (id: string, member: NewEnrollmentHouseholdMember) =>
    api.post<Enrollment>(`${enrollmentPath(id)}/members`, member),
  exitMember: (id: string, clientId: string, exit: EnrollmentMemberExit) =>
    api.post<Enrollment>(`${enrollmentPath(id)}/members/${encodeURIComponent(clientId)}/exit`, exit),
  exitHousehold: (householdId: string, exit: EnrollmentHouseholdExit) =>
    api.post<Enrollment[]>(`/api/enrollment-households/${encodeURIComponent(householdId)}/exit`, exit),
  assessments: (id: string) => api.get<EnrollmentAssessment[]>(`${enrollmentPath(id)}/assessments`),
  recordAssessment: (id: string, assessment: NewEnrollmentAssessment) =>
    api.post<EnrollmentAssessment[]>(`${enrollmentPath(id)}/assessments`, assessment),
  recordLivingSituation: (id: string, contact: NewCurrentLivingSituation) =>
    api.post<unknown>(`${enrollmentPath(id)}/current-living-situations`, contact),
  dataQuality: (projectId: string) =>
    api.get<ProjectDataQuality>(`/api/projects/${encodeURIComponent(projectId)}/data-quality`),
}
