import type { CeEvent, NewCeEvent } from '@threshold/core'
import { api } from '../../api/client'

const eventsPath = (enrollmentId: string) => `/api/enrollments/${encodeURIComponent(enrollmentId)}/ce-events`

export const ceEventKeys = {
  ofEnrollment: (enrollmentId: string) => ['ce-events', enrollmentId] as const,
}

export const ceEventsApi = {
  list: (enrollmentId: string) => api.get<CeEvent[]>(eventsPath(enrollmentId)),
  create: (enrollmentId: string, input: NewCeEvent) => api.post<CeEvent>(eventsPath(enrollmentId), input),
}
