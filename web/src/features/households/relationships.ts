import { SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { codeLabel, hudOptions } from '../clients/client-options'

// HUD 3.15.1 Relationship to Head of Household, as the household screens offer and show it.

const RELATIONSHIP_LIST = '3.15.1'

/** Every relationship but "Self": what another member can be to the head. */
export const MEMBER_RELATIONSHIP_OPTIONS = hudOptions(RELATIONSHIP_LIST).filter(
  (option) => option.value !== String(SELF_HEAD_OF_HOUSEHOLD),
)

export const relationshipLabel = (code: number) => codeLabel(RELATIONSHIP_LIST, code)

export const isHead = (member: { relationshipToHoh: number; removedOn: string | null }) =>
  member.relationshipToHoh === SELF_HEAD_OF_HOUSEHOLD && member.removedOn === null
