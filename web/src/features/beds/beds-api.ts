import type {
  Availability,
  BedExpectedVacancy,
  BedOffline,
  ClientBar,
  ClientBarList,
  Enrollment,
  Facility,
  FacilityBoard,
  FacilityList,
  NewBedOffline,
  NewClientBar,
  NewReservation,
  NewStay,
  Reservation,
  Stay,
  StayList,
} from '@threshold/core'
import { api } from '../../api/client'

const segment = encodeURIComponent

export const bedKeys = {
  all: ['beds'] as const,
  facilities: ['beds', 'facilities'] as const,
  board: (facilityId: string) => ['beds', 'board', facilityId] as const,
  availability: ['beds', 'availability'] as const,
  bars: (clientId: string) => ['beds', 'bars', clientId] as const,
  enrollments: (clientId: string) => ['beds', 'enrollments', clientId] as const,
}

/** The board's live changes (text/event-stream of `{ facilityId, bedId, version }`). */
export const facilityEventsUrl = (facilityId: string) => `/api/facilities/${segment(facilityId)}/events`

export const bedsApi = {
  facilities: () => api.get<FacilityList>('/api/facilities'),
  facility: (id: string) => api.get<Facility>(`/api/facilities/${segment(id)}`),
  board: (facilityId: string) => api.get<FacilityBoard>(`/api/facilities/${segment(facilityId)}/beds`),
  availability: () => api.get<Availability>('/api/availability'),
  checkIn: (members: NewStay[]) => api.post<StayList>('/api/stays/household', { members }),
  checkOut: (stayId: string) => api.post<Stay>(`/api/stays/${segment(stayId)}/check-out`),
  move: (stayId: string, toBedId: string) =>
    api.post<Stay>(`/api/stays/${segment(stayId)}/move`, { toBedId }),
  setExpectedVacancy: (stayId: string, date: string | null) =>
    api.post<BedExpectedVacancy>(`/api/stays/${segment(stayId)}/expected-vacancy`, { date }),
  reserve: (input: NewReservation) => api.post<Reservation>('/api/reservations', input),
  cancelReservation: (id: string) => api.post<Reservation>(`/api/reservations/${segment(id)}/cancel`),
  takeOffline: (bedId: string, input: NewBedOffline) =>
    api.post<BedOffline>(`/api/beds/${segment(bedId)}/offline`, input),
  bringOnline: (bedId: string) => api.post<BedOffline>(`/api/beds/${segment(bedId)}/online`),
  bars: (clientId: string) => api.get<ClientBarList>(`/api/clients/${segment(clientId)}/bars`),
  createBar: (clientId: string, input: NewClientBar) =>
    api.post<ClientBar>(`/api/clients/${segment(clientId)}/bars`, input),
  endBar: (id: string) => api.post<ClientBar>(`/api/bars/${segment(id)}/end`),
  clientEnrollments: (clientId: string) =>
    api.get<Enrollment[]>(`/api/clients/${segment(clientId)}/enrollments`),
}
