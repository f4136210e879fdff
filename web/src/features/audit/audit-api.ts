import { api } from '../../api/client'
import type { AuditPage } from '../../api/types'

export interface AuditFilter {
  action?: string
  entityType?: string
  entityId?: string
  outcome?: 'success' | 'denied' | 'failure'
  from?: string
  to?: string
}

export const AUDIT_PAGE_SIZE = 100

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (filter: AuditFilter) => ['audit-events', filter] as const,
}

export const auditApi = {
  page: (filter: AuditFilter, before?: number) =>
    api.get<AuditPage>('/api/audit-events', { ...filter, before, limit: AUDIT_PAGE_SIZE }),
}
