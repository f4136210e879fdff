import type { EligibilityNode } from '@threshold/core'

export type NodeKind = EligibilityNode['kind']

/** A new rule of a kind, with the editor's starting values (a CE project rule waits for a choice). */
export function newNode(kind: NodeKind): EligibilityNode {
  switch (kind) {
    case 'age':
      return { kind, subject: 'head', min: 18, max: null }
    case 'household_type':
      return { kind, types: ['adults_only'] }
    case 'flag':
      return { kind, flag: 'veteran', is: true }
    case 'ce_score':
      return { kind, min: 0, max: null }
    case 'income_ami':
      return { kind, maxPercent: 30 }
    case 'ce_project':
      return { kind, projectIds: [] }
    case 'all_of':
    case 'any_of':
      return { kind, conditions: [newNode('age')] }
  }
}
