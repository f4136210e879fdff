import type { EligibilityRuleSet, EligibilityTargetType } from '@threshold/core'
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Rules = ColumnType<EligibilityRuleSet, string, string>

/** The current rules of one target (a project today); `version` counts the saves. */
export interface EligibilityRuleSetTable {
  id: Generated<string>
  coc_id: string
  target_type: EligibilityTargetType
  target_id: string
  version: number
  rules: Rules
  updated_at: Timestamp
  updated_by: string | null
}

/** Every saved version of a rule set, the edit history. */
export interface EligibilityRuleSetVersionTable {
  rule_set_id: string
  version: number
  rules: Rules
  note: string | null
  created_at: CreatedAt
  created_by: string | null
}

/** A CoC's annual area median income for household sizes 1–8 (income rules read it). */
export interface CocAreaMedianIncomeTable {
  coc_id: string
  year: number
  amounts: number[]
  updated_at: Timestamp
  updated_by: string | null
}

export interface EligibilityTables {
  eligibility_rule_set: EligibilityRuleSetTable
  eligibility_rule_set_version: EligibilityRuleSetVersionTable
  coc_area_median_income: CocAreaMedianIncomeTable
}
