import type { Actor } from './actor'
import { type ClientAccessFacts, canSeeClientIdentity } from './client-policy'

// A household has no visibility of its own: it is as visible as the people in it (client-policy.ts).

/** Each membership row (current or former) with its client's access facts; undefined = merged away. */
export interface HouseholdAccessFacts {
  members: { clientId: string; current: boolean; client: ClientAccessFacts | undefined }[]
}

export const canSeeMember = (actor: Actor, member: HouseholdAccessFacts['members'][number]): boolean =>
  member.client !== undefined && canSeeClientIdentity(actor, member.client)

/** Visible when the actor may see the identity of at least one member, current or former. */
export function canSeeHousehold(actor: Actor, household: HouseholdAccessFacts): boolean {
  return household.members.some((member) => canSeeMember(actor, member))
}

/**
 * Adding, removing and re-heading re-state everyone's relationships, so they need every current member
 * to be visible: nobody edits the family of a person they may not see.
 */
export function canEditHousehold(actor: Actor, household: HouseholdAccessFacts): boolean {
  return (
    canSeeHousehold(actor, household) &&
    household.members.filter((member) => member.current).every((member) => canSeeMember(actor, member))
  )
}
