import type {
  CeDocumentType,
  CeWorkflow,
  CeWorkflowStep,
  CeWorkflowSummary,
  NewCeEnrollment,
} from '@threshold/core'
import { api } from '../../api/client'
import { uploadFile } from '../releases/releases-api'

const workflowPath = (id: string) => `/api/ce-workflows/${encodeURIComponent(id)}`

export const ceWorkflowKeys = {
  all: ['ce-workflows'] as const,
  ofClient: (clientId: string) => ['ce-workflows', 'of-client', clientId] as const,
  detail: (id: string) => ['ce-workflows', 'detail', id] as const,
}

export const ceWorkflowApi = {
  ofClient: (clientId: string) =>
    api.get<CeWorkflowSummary[]>(`/api/clients/${encodeURIComponent(clientId)}/ce-workflows`),
  get: (id: string) => api.get<CeWorkflow>(workflowPath(id)),
  enroll: (input: NewCeEnrollment) => api.post<CeWorkflow>('/api/ce-workflows', input),
  saveStep: (id: string, step: CeWorkflowStep, version: number, data: object, complete: boolean) =>
    api.put<CeWorkflow>(`${workflowPath(id)}/steps/${step}${complete ? '/complete' : ''}`, { version, data }),
  pause: (id: string) => api.post<CeWorkflow>(`${workflowPath(id)}/pause`),
  resume: (id: string) => api.post<CeWorkflow>(`${workflowPath(id)}/resume`),
  upload: (id: string, documentType: CeDocumentType, file: File) =>
    uploadFile<CeWorkflow>(`${workflowPath(id)}/documents?documentType=${documentType}`, file),
  documentUrl: (documentId: string) => `/api/ce-documents/${encodeURIComponent(documentId)}`,
}
