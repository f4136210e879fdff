import type {
  ClientFinancialAssistance,
  NewServiceRecord,
  NewServiceType,
  ServiceRecord,
  ServiceType,
  ServiceTypePatch,
} from '@threshold/core'
import { api, apiRequest } from '../../api/client'

export const serviceKeys = {
  all: ['services'] as const,
  catalogue: (includeInactive: boolean) => ['services', 'catalogue', includeInactive] as const,
  ofEnrollment: (enrollmentId: string) => ['services', 'of-enrollment', enrollmentId] as const,
  assistance: (clientId: string) => ['services', 'assistance', clientId] as const,
}

export const servicesApi = {
  catalogue: (includeInactive = false) =>
    api.get<ServiceType[]>('/api/service-types', { includeInactive: includeInactive ? 'true' : undefined }),
  createType: (input: NewServiceType) => api.post<ServiceType>('/api/service-types', input),
  updateType: (id: string, patch: ServiceTypePatch) =>
    api.patch<ServiceType>(`/api/service-types/${encodeURIComponent(id)}`, patch),
  ofEnrollment: (enrollmentId: string) =>
    api.get<ServiceRecord[]>(`/api/enrollments/${encodeURIComponent(enrollmentId)}/services`),
  record: (enrollmentId: string, input: NewServiceRecord) =>
    api.post<ServiceRecord[]>(`/api/enrollments/${encodeURIComponent(enrollmentId)}/services`, input),
  remove: (id: string, reason: string) =>
    apiRequest<void>('DELETE', `/api/service-records/${encodeURIComponent(id)}`, { body: { reason } }),
  assistance: (clientId: string) =>
    api.get<ClientFinancialAssistance>(`/api/clients/${encodeURIComponent(clientId)}/financial-assistance`),
}
