import type {
  Household,
  HouseholdHeadChange,
  HouseholdHistory,
  HouseholdMemberRemoval,
  NewHousehold,
  NewHouseholdMember,
} from '@threshold/core'
import { api } from '../../api/client'

const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`

export const householdKeys = {
  all: ['households'] as const,
  ofClient: (clientId: string) => ['households', 'of-client', clientId] as const,
  history: (householdId: string) => ['households', 'history', householdId] as const,
}

export const householdsApi = {
  ofClient: (clientId: string) =>
    api.get<Household[]>(`/api/clients/${encodeURIComponent(clientId)}/households`),
  create: (input: NewHousehold) => api.post<Household>('/api/households', input),
  addMember: (householdId: string, member: NewHouseholdMember) =>
    api.post<Household>(`${householdPath(householdId)}/members`, member),
  removeMember: (householdId: string, clientId: string, removal: HouseholdMemberRemoval) =>
    api.post<Household>(
      `${householdPath(householdId)}/members/${encodeURIComponent(clientId)}/remove`,
      removal,
    ),
  changeHead: (householdId: string, change: HouseholdHeadChange) =>
    api.post<Household>(`${householdPath(householdId)}/head`, change),
  history: (householdId: string) => api.get<HouseholdHistory>(`${householdPath(householdId)}/history`),
}

/** Who joins which household, as what, from when; a missing household is started with `headClientId` as head. */
export interface HouseholdJoinRequest {
  householdId: string | null
  headClientId: string
  relationshipToHoh: number
  joinedOn: string
}

/** Adds a client to a household, starting the household first when the head has none yet. */
export async function joinHousehold(join: HouseholdJoinRequest, clientId: string): Promise<Household> {
  const householdId =
    join.householdId ??
    (await householdsApi.create({ headClientId: join.headClientId, joinedOn: join.joinedOn })).id
  return householdsApi.addMember(householdId, {
    clientId,
    relationshipToHoh: join.relationshipToHoh as NewHouseholdMember['relationshipToHoh'],
    joinedOn: join.joinedOn,
  })
}
