import type { Household } from '@threshold/core'
import { clientName } from '../clients/client-handoffs'
import { isHead, relationshipLabel } from './relationships'

export const currentMembers = (household: Household) =>
  household.members.filter((member) => member.removedOn === null)

/** The households the client belongs to now (a person can be in several; former ones stay in history). */
export const householdsOf = (households: Household[], clientId: string) =>
  households.filter((household) => currentMembers(household).some((member) => member.client.id === clientId))

/** A relationship as it reads after a name: "Head of household’s child" → "Child". */
const shortRelationship = (code: number) => {
  const label = relationshipLabel(code).replace(/^Head of household’s /, '')
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** One line for the dashboard header: "Head of household · 3 members", "Child in Maria Lopez’s household · 3 members". */
export function householdSummary(households: Household[], clientId: string): string {
  const current = householdsOf(households, clientId)
  if (current.length === 0) return 'Not in a household'
  return current
    .map((household) => {
      const members = currentMembers(household)
      const size = `${members.length} ${members.length === 1 ? 'member' : 'members'}`
      const own = members.find((member) => member.client.id === clientId)
      if (own && isHead(own)) return `Head of household · ${size}`
      const head = members.find(isHead)
      const role = own ? shortRelationship(own.relationshipToHoh) : 'Member'
      return `${role} in ${head ? `${clientName(head.client)}’s household` : 'a household'} · ${size}`
    })
    .join('; ')
}
