import {
  BENEFIT_FIELDS,
  DISABILITY_TYPES,
  type DisabilityTypeCode,
  INCOME_SOURCE_FIELDS,
  INSURANCE_FIELDS,
  type IncomeSourceField,
  incomeAmountField,
  type StageAnswers,
} from '@threshold/core'

// The data collection stage records (4.02–4.11) as a form edits them, and as the API takes them. One
// shape for project start, update, annual assessment and exit, so every stage form is the same form.

export const INCOME_SOURCE_LABELS: Record<IncomeSourceField, string> = {
  earned: 'Earned income',
  unemployment: 'Unemployment insurance',
  ssi: 'Supplemental Security Income (SSI)',
  ssdi: 'Social Security Disability Insurance (SSDI)',
  vaDisabilityService: 'VA service-connected disability compensation',
  vaDisabilityNonService: 'VA non-service-connected disability pension',
  privateDisability: 'Private disability insurance',
  workersComp: "Worker's compensation",
  tanf: 'Temporary Assistance for Needy Families (TANF)',
  ga: 'General Assistance (GA)',
  socSecRetirement: 'Retirement income from Social Security',
  pension: 'Pension or retirement income from a former job',
  childSupport: 'Child support',
  alimony: 'Alimony and other spousal support',
}

export const BENEFIT_LABELS: Record<(typeof BENEFIT_FIELDS)[number], string> = {
  snap: 'SNAP (food stamps)',
  wic: 'WIC',
  tanfChildCare: 'TANF child care services',
  tanfTransportation: 'TANF transportation services',
  otherTanf: 'Other TANF-funded services',
  otherBenefitsSource: 'Other source',
}

export const INSURANCE_LABELS: Record<(typeof INSURANCE_FIELDS)[number], string> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  schip: "State Children's Health Insurance Program",
  vhaServices: 'Veterans Health Administration (VHA)',
  employerProvided: 'Employer-provided health insurance',
  cobra: 'COBRA',
  privatePay: 'Private pay health insurance',
  stateHealthIns: 'State health insurance for adults',
  indianHealthServices: 'Indian Health Services program',
}

export const DISABILITY_LABELS: Record<DisabilityTypeCode, string> = {
  [DISABILITY_TYPES.physical]: '4.05 Physical disability',
  [DISABILITY_TYPES.developmental]: '4.06 Developmental disability',
  [DISABILITY_TYPES.chronicHealth]: '4.07 Chronic health condition',
  [DISABILITY_TYPES.hivAids]: '4.08 HIV/AIDS',
  [DISABILITY_TYPES.mentalHealth]: '4.09 Mental health disorder',
  [DISABILITY_TYPES.substanceUse]: '4.10 Substance use disorder',
}

/** Select values are strings; '' (or null, once cleared) is "not asked yet". */
export interface StageFormValues {
  incomeFromAnySource: string
  incomeSources: IncomeSourceField[]
  incomeAmounts: Partial<Record<IncomeSourceField, number | string>>
  benefitsFromAnySource: string
  benefits: string[]
  insuranceFromAnySource: string
  insurance: string[]
  /** Response per disability type (list 1.8, or 4.10.2 for substance use). */
  disabilities: Record<string, string>
  domesticViolenceSurvivor: string
  whenOccurred: string
  currentlyFleeing: string
}

export const emptyStageValues = (): StageFormValues => ({
  incomeFromAnySource: '',
  incomeSources: [],
  incomeAmounts: {},
  benefitsFromAnySource: '',
  benefits: [],
  insuranceFromAnySource: '',
  insurance: [],
  disabilities: {},
  domesticViolenceSurvivor: '',
  whenOccurred: '',
  currentlyFleeing: '',
})

const YES = '1'
/** A chosen HUD code, or undefined when the select is empty. */
export const code = (value: string | null | undefined) =>
  value === '' || value === null || value === undefined ? undefined : Number(value)

/** Each flag of a group Yes when chosen, No otherwise, once "from any source" is Yes. */
function flags(fields: readonly string[], anySource: string, chosen: readonly string[]) {
  if (anySource !== YES) return {}
  return Object.fromEntries(fields.map((field) => [field, chosen.includes(field) ? 1 : 0]))
}

type IncomeBenefits = NonNullable<StageAnswers['incomeBenefits']>

/** The answers the API takes; parts nobody touched are left out (and show as missing where required). */
export function toStageAnswers(values: StageFormValues): StageAnswers {
  const answers: StageAnswers = {}
  const income = code(values.incomeFromAnySource)
  const benefits = code(values.benefitsFromAnySource)
  const insurance = code(values.insuranceFromAnySource)
  if (income !== undefined || benefits !== undefined || insurance !== undefined) {
    const amounts: Record<string, number> = {}
    if (values.incomeFromAnySource === YES) {
      for (const source of values.incomeSources) {
        const amount = values.incomeAmounts[source]
        if (amount !== undefined && amount !== '') amounts[incomeAmountField(source)] = Number(amount)
      }
    }
    answers.incomeBenefits = {
      ...(income !== undefined && { incomeFromAnySource: income }),
      ...flags(INCOME_SOURCE_FIELDS, values.incomeFromAnySource, values.incomeSources),
      ...amounts,
      ...(benefits !== undefined && { benefitsFromAnySource: benefits }),
      ...flags(BENEFIT_FIELDS, values.benefitsFromAnySource, values.benefits),
      ...(insurance !== undefined && { insuranceFromAnySource: insurance }),
      ...flags(INSURANCE_FIELDS, values.insuranceFromAnySource, values.insurance),
    } as IncomeBenefits
  }
  const disabilities = Object.entries(values.disabilities)
    .filter(([, response]) => code(response) !== undefined)
    .map(([type, response]) => ({
      disabilityType: Number(type),
      disabilityResponse: Number(response),
      indefiniteAndImpairs: null,
    }))
  if (disabilities.length > 0) answers.disabilities = disabilities as StageAnswers['disabilities']
  const survivor = code(values.domesticViolenceSurvivor)
  if (survivor !== undefined) {
    const asked = values.domesticViolenceSurvivor === YES
    answers.healthAndDv = {
      domesticViolenceSurvivor: survivor,
      whenOccurred: asked ? (code(values.whenOccurred) ?? null) : null,
      currentlyFleeing: asked ? (code(values.currentlyFleeing) ?? null) : null,
    } as NonNullable<StageAnswers['healthAndDv']>
  }
  return answers
}

export const hasAnswers = (answers: StageAnswers) => Object.keys(answers).length > 0
