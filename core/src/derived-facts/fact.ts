import { CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED } from '../hud/index'

/** A derived yes/no answer that admits HUD's "don't know / prefers not to answer / not collected". */
export type FactValue = 'yes' | 'no' | 'unknown'

export interface DerivedFact {
  value: FactValue
  /** Plain-language reason, shown beside the fact (e.g. on the queue's "why" panel). */
  reason: string
}

export const derivedFact = (value: FactValue, reason: string): DerivedFact => ({ value, reason })

/** The reason a list 1.7/1.8 style answer is missing, or null when it holds a real answer. */
export function missingAnswerReason(code: number | null | undefined, field: string): string | null {
  if (code === null || code === undefined) return `${field} is not recorded`
  if (code === CLIENT_DOESNT_KNOW) return `${field}: client doesn’t know`
  if (code === CLIENT_PREFERS_NOT_TO_ANSWER) return `${field}: client prefers not to answer`
  if (code === DATA_NOT_COLLECTED) return `${field}: data not collected`
  return null
}

/**
 * A household-level fact from its members' facts: yes when any member's is yes, otherwise unknown when any
 * is unknown, otherwise no (HUD counts a household as veteran/chronic/fleeing when one qualifying member is).
 */
export function anyMemberFact(members: readonly DerivedFact[], subject: string): DerivedFact {
  const yes = members.findIndex((member) => member.value === 'yes')
  if (yes >= 0) return derivedFact('yes', `${subject}: ${members[yes]?.reason}`)
  const unknown = members.find((member) => member.value === 'unknown')
  if (unknown) return derivedFact('unknown', `${subject}: ${unknown.reason}`)
  if (members.length === 0) return derivedFact('unknown', `${subject}: no members to judge`)
  return derivedFact('no', `${subject}: no member qualifies`)
}
