// The HUD CSV columns of the data collection stage records, in API spelling: the HUD CSV column name in
// camelCase with acronyms lower-cased (SSI → ssi, NoSCHIPReason → noSchipReason), so the database column
// is its snake_case (`snakeCase`) and the HUD export is a fixed mapping.

/** 4.02 income sources (IncomeBenefits.csv): a 0/1/99 flag and `<flag>Amount`, monthly. */
export const INCOME_SOURCE_FIELDS = [
  'earned',
  'unemployment',
  'ssi',
  'ssdi',
  'vaDisabilityService',
  'vaDisabilityNonService',
  'privateDisability',
  'workersComp',
  'tanf',
  'ga',
  'socSecRetirement',
  'pension',
  'childSupport',
  'alimony',
] as const
export type IncomeSourceField = (typeof INCOME_SOURCE_FIELDS)[number]
export type IncomeAmountField = `${IncomeSourceField}Amount`

/** 4.03 non-cash benefit flags (0/1/99). */
export const BENEFIT_FIELDS = [
  'snap',
  'wic',
  'tanfChildCare',
  'tanfTransportation',
  'otherTanf',
  'otherBenefitsSource',
] as const
export type BenefitField = (typeof BENEFIT_FIELDS)[number]

/** 4.04 health insurance flags (0/1/99); each has `no<Flag>Reason` (list 4.04.A) when the flag is 0. */
export const INSURANCE_FIELDS = [
  'medicaid',
  'medicare',
  'schip',
  'vhaServices',
  'employerProvided',
  'cobra',
  'privatePay',
  'stateHealthIns',
  'indianHealthServices',
] as const
export type InsuranceField = (typeof INSURANCE_FIELDS)[number]
export type InsuranceReasonField = `no${Capitalize<InsuranceField>}Reason`

export const insuranceReasonField = (field: InsuranceField): InsuranceReasonField =>
  `no${field.charAt(0).toUpperCase()}${field.slice(1)}Reason` as InsuranceReasonField
export const incomeAmountField = (field: IncomeSourceField): IncomeAmountField => `${field}Amount`

/** The snake_case database column of an API field name (`vaDisabilityService` → `va_disability_service`). */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

export function snakeCase<S extends string>(name: S): SnakeCase<S> {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as SnakeCase<S>
}

/** 4.05–4.10: DisabilityType (list 1.3) of each disability element. */
export const DISABILITY_TYPES = {
  physical: 5,
  developmental: 6,
  chronicHealth: 7,
  hivAids: 8,
  mentalHealth: 9,
  substanceUse: 10,
} as const
export type DisabilityTypeCode = (typeof DISABILITY_TYPES)[keyof typeof DISABILITY_TYPES]
export const DISABILITY_TYPE_CODES = Object.values(DISABILITY_TYPES) as readonly DisabilityTypeCode[]
