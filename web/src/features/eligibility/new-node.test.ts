import { EligibilityNode } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { newNode } from './new-node'

const KINDS = [
  'age',
  'household_type',
  'flag',
  'ce_score',
  'income_ami',
  'ce_project',
  'all_of',
  'any_of',
] as const

describe('new eligibility rules in the editor', () => {
  it('start valid, except a CE project rule, which needs a project chosen', () => {
    for (const kind of KINDS) {
      const parsed = EligibilityNode.safeParse(newNode(kind))
      expect(parsed.success, kind).toBe(kind !== 'ce_project')
    }
    const ceProject = EligibilityNode.safeParse(newNode('ce_project'))
    expect(ceProject.error?.issues.map((issue) => issue.message)).toEqual(['choose at least one CE project'])
  })
})
