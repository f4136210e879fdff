import type { ClientSearchResult, SavedClient } from '@threshold/core'
import { parseSearchText } from '@threshold/core'
import type { HouseholdJoinRequest } from '../households/households-api'
import type { ClientFormValues } from './client-form-values'
import type { ClientSearchCriteria } from './clients-api'

// What one page of the client workflow hands the next, kept in memory only: names, dates of birth and SSNs
// never go into the address bar or the browser history.

/** A new client who joins a household as soon as they are saved (adding a member who has no record yet). */
export interface HouseholdJoin extends HouseholdJoinRequest {
  /** The dashboard the user came from, and goes back to once the member is added. */
  returnTo: { clientId: string; name: string }
}

/** What the create form opens with: the values typed into Find Client, and the household to join. */
export interface IntakeHandoff {
  userId: string
  prefill: Partial<Pick<ClientFormValues, 'firstName' | 'lastName' | 'dob' | 'ssn'>>
  household?: HouseholdJoin
}

let pendingIntake: IntakeHandoff | null = null

/** Find Client's "No match — Add new client": the create form picks these values up. */
export function handOffToIntake(handoff: IntakeHandoff): void {
  pendingIntake = handoff
}

export function pendingIntakeFor(userId: string): IntakeHandoff | null {
  return pendingIntake?.userId === userId ? pendingIntake : null
}

export function clearIntakeHandoff(): void {
  pendingIntake = null
}

/** The values of a search, as the new record's starting values (the free-text box read the way search reads it). */
export function prefillFromSearch(criteria: ClientSearchCriteria): IntakeHandoff['prefill'] {
  const parsed = criteria.q ? parseSearchText(criteria.q) : undefined
  const name = parsed?.names[0]
  const prefill: IntakeHandoff['prefill'] = {
    firstName: criteria.firstName ?? name?.firstName,
    lastName: criteria.lastName ?? name?.lastName,
    dob: criteria.dob ?? parsed?.dob,
    ssn: criteria.ssn ?? parsed?.ssn ?? parsed?.ssnLast4,
  }
  return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value)) as IntakeHandoff['prefill']
}

/** The last Find Client search of the page, so coming back from a dashboard shows the same results. */
export interface RememberedSearch {
  userId: string
  values: ClientSearchCriteria
  criteria: ClientSearchCriteria | null
}

let rememberedSearch: RememberedSearch | null = null

export function rememberSearch(search: RememberedSearch): void {
  rememberedSearch = search
}

export function rememberedSearchFor(userId: string): RememberedSearch | null {
  return rememberedSearch?.userId === userId ? rememberedSearch : null
}

/** Said once on the dashboard after a save: what was saved and what is worth a second look. */
export interface SaveNotice {
  message: string
  warnings: SavedClient['warnings']
}

const saveNotices = new Map<string, SaveNotice>()

export function leaveSaveNotice(clientId: string, notice: SaveNotice): void {
  saveNotices.set(clientId, notice)
}

export function peekSaveNotice(clientId: string): SaveNotice | null {
  return saveNotices.get(clientId) ?? null
}

export function forgetSaveNotice(clientId: string): void {
  saveNotices.delete(clientId)
}

export const clientName = (client: Pick<ClientSearchResult, 'firstName' | 'lastName'>): string =>
  [client.firstName, client.lastName].filter(Boolean).join(' ') || 'Name not recorded'
