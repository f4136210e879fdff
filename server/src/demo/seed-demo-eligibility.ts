import { amiAmountsFromFourPerson, EligibilityRuleSet } from '@threshold/core'
import { type DemoSeed, seededId } from './seed-step'

// The demo CoC's area median income (invented, in the range of a large Southern metro) and the eligibility
// rules of its housing programs, written by the demo CoC admin as version 1 of each rule set.

/** Annual median income of a 4-person household; the other sizes follow HUD's adjustments. */
const DEMO_FOUR_PERSON_AMI = 106_500
const DEMO_AMI_YEAR = 2026

const DEMO_RULES: Record<string, EligibilityRuleSet> = {
  'Pathway Home Rapid Rehousing': {
    rules: [
      { kind: 'age', subject: 'head', min: 18, max: null },
      { kind: 'ce_score', min: 8, max: 15, description: 'Prioritization score 8–15 (moderate needs)' },
      {
        kind: 'any_of',
        description: 'Income at or below 50% of area median, or fleeing domestic violence',
        conditions: [
          { kind: 'income_ami', maxPercent: 50 },
          { kind: 'flag', flag: 'fleeing_dv', is: true },
        ],
      },
    ],
  },
  'Oakridge Permanent Supportive Housing': {
    rules: [
      { kind: 'flag', flag: 'chronic', is: true },
      { kind: 'flag', flag: 'disabling_condition', is: true },
      { kind: 'ce_score', min: 12, max: null },
    ],
  },
  'Family-based Setting Support Program': {
    rules: [
      { kind: 'household_type', types: ['adults_and_children'] },
      { kind: 'income_ami', maxPercent: 80 },
    ],
  },
  'Steady Ground Homelessness Prevention': {
    rules: [
      { kind: 'income_ami', maxPercent: 30, description: 'Income at or below 30% of area median (ESG)' },
    ],
  },
}

export async function seedDemoEligibility(seed: DemoSeed): Promise<void> {
  const cocAdminId = seededId(seed.userIds, 'coc.admin')
  await seed.db
    .insertInto('coc_area_median_income')
    .values({
      coc_id: seed.cocId,
      year: DEMO_AMI_YEAR,
      amounts: amiAmountsFromFourPerson(DEMO_FOUR_PERSON_AMI),
      updated_by: cocAdminId,
    })
    .execute()
  for (const [projectName, ruleSet] of Object.entries(DEMO_RULES)) {
    const rules = JSON.stringify(EligibilityRuleSet.parse(ruleSet))
    const set = await seed.db
      .insertInto('eligibility_rule_set')
      .values({
        coc_id: seed.cocId,
        target_type: 'project',
        target_id: seededId(seed.projectIds, projectName),
        version: 1,
        rules,
        updated_by: cocAdminId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await seed.db
      .insertInto('eligibility_rule_set_version')
      .values({ rule_set_id: set.id, version: 1, rules, note: 'Demo rules', created_by: cocAdminId })
      .execute()
  }
}
