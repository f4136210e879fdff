import { z } from 'zod'
import { HUD_LISTS, type HudListNumber, hudCode, isHudCode } from '../hud/index'
import { isoDate, requiredText, text, uuid } from './common'

// The service catalogue (per organization) and the services recorded on enrollments. Categories are the
// service types Coordinated Entry routes people to, plus the HUD Services.csv record types (list 1.4) that
// are none of them; financial assistance is split by what it paid for, so it can be totalled.

export const SERVICE_CATEGORIES = [
  'rapid_rehousing',
  'emergency_shelter',
  'homeless_prevention',
  'permanent_supportive_housing',
  'family_based_setting_support',
  'financial_assistance',
  'supportive_services',
  'bed_night',
  'referral',
  'voucher_tracking',
  'moving_on_assistance',
] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  rapid_rehousing: 'Rapid Rehousing',
  emergency_shelter: 'Emergency Shelter',
  homeless_prevention: 'Homeless Prevention',
  permanent_supportive_housing: 'Permanent Supportive Housing',
  family_based_setting_support: 'Family-based Setting Support Program',
  financial_assistance: 'Financial/Rental Assistance',
  supportive_services: 'Supportive Services',
  bed_night: 'Bed night (HUD)',
  referral: 'Referral (HUD PATH)',
  voucher_tracking: 'HUD-VASH voucher tracking (HUD)',
  moving_on_assistance: 'Moving On assistance (HUD)',
}

export const FINANCIAL_ASSISTANCE_KINDS = [
  'rental',
  'rental_arrears',
  'security_deposit',
  'utility_deposit',
  'utility_payment',
  'moving_costs',
  'mortgage',
  'hotel_motel',
  'other',
] as const
export type FinancialAssistanceKind = (typeof FINANCIAL_ASSISTANCE_KINDS)[number]

export const FINANCIAL_ASSISTANCE_KIND_LABELS: Record<FinancialAssistanceKind, string> = {
  rental: 'Rental assistance',
  rental_arrears: 'Rental arrears',
  security_deposit: 'Security deposit',
  utility_deposit: 'Utility deposit',
  utility_payment: 'Utility payment',
  moving_costs: 'Moving costs',
  mortgage: 'Mortgage assistance',
  hotel_motel: 'Hotel/motel',
  other: 'Other financial assistance',
}

export const SERVICE_UNITS = ['count', 'hours', 'minutes', 'dollars'] as const
export type ServiceUnit = (typeof SERVICE_UNITS)[number]

/**
 * HUD Services.csv: for each RecordType (list 1.4), the list TypeProvided comes from and the categories a
 * service of that record type can belong to.
 */
export const HUD_SERVICE_RECORD_TYPES: Record<
  number,
  { typeProvidedList: HudListNumber; categories: readonly ServiceCategory[] }
> = {
  141: { typeProvidedList: 'P1.2', categories: ['supportive_services'] },
  142: { typeProvidedList: 'R14.2', categories: ['supportive_services'] },
  143: { typeProvidedList: 'W1.2', categories: ['supportive_services'] },
  144: {
    typeProvidedList: 'V2.2',
    categories: ['supportive_services', 'rapid_rehousing', 'homeless_prevention', 'financial_assistance'],
  },
  151: { typeProvidedList: 'W2.2', categories: ['financial_assistance'] },
  152: { typeProvidedList: 'V3.4', categories: ['financial_assistance'] },
  161: { typeProvidedList: 'P2.2', categories: ['referral'] },
  200: { typeProvidedList: '4.14', categories: ['bed_night'] },
  210: { typeProvidedList: 'V8.2', categories: ['voucher_tracking'] },
  300: { typeProvidedList: 'C2.2', categories: ['moving_on_assistance'] },
}

/** HUD financial-assistance types that name what they paid for: the catalogue entry must say the same. */
const HUD_ASSISTANCE_KINDS: Record<number, Record<number, FinancialAssistanceKind>> = {
  151: { 1: 'rental', 2: 'security_deposit', 3: 'utility_deposit', 4: 'utility_payment', 7: 'mortgage' },
  152: { 1: 'rental', 2: 'security_deposit', 3: 'utility_deposit', 4: 'utility_payment', 5: 'moving_costs' },
}

export interface ServiceTypeDefinition {
  category: ServiceCategory
  assistanceKind: FinancialAssistanceKind | null
  unit: ServiceUnit
  hudRecordType: number | null
  hudTypeProvided: number | null
}

/** What is wrong with a catalogue entry, by field (empty when it is consistent). */
export function serviceTypeProblems(definition: ServiceTypeDefinition): Record<string, string> {
  const problems: Record<string, string> = {}
  const financial = definition.category === 'financial_assistance'
  if (financial && definition.assistanceKind === null)
    problems.assistanceKind = 'Financial assistance needs what it pays for (rental, utility, deposit…)'
  if (!financial && definition.assistanceKind !== null)
    problems.assistanceKind = 'Only financial assistance has an assistance kind'
  if (financial && definition.unit !== 'dollars') problems.unit = 'Financial assistance is counted in dollars'
  if ((definition.hudRecordType === null) !== (definition.hudTypeProvided === null))
    problems.hudTypeProvided = 'A HUD mapping needs both the record type and the type provided'
  if (definition.hudRecordType === null || definition.hudTypeProvided === null) return problems
  const recordType = HUD_SERVICE_RECORD_TYPES[definition.hudRecordType]
  if (!recordType) {
    problems.hudRecordType = 'must be one of the HUD codes for RecordType'
    return problems
  }
  if (!isHudCode(recordType.typeProvidedList, definition.hudTypeProvided))
    problems.hudTypeProvided = `must be one of the HUD codes for ${HUD_LISTS[recordType.typeProvidedList].name}`
  if (!recordType.categories.includes(definition.category))
    problems.category = `HUD record type ${definition.hudRecordType} belongs to ${recordType.categories.join(' or ')}`
  const hudKind = HUD_ASSISTANCE_KINDS[definition.hudRecordType]?.[definition.hudTypeProvided]
  if (hudKind && definition.assistanceKind !== hudKind)
    problems.assistanceKind = `HUD type provided ${definition.hudTypeProvided} is ${hudKind} assistance`
  return problems
}

/** At most 2 decimals, as numeric(12,2) stores them. */
const cents = (label: string) =>
  z
    .number()
    .max(9_999_999_999.99, `${label} is too large`)
    .refine(
      (value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
      `${label} has at most 2 decimals`,
    )
const positive = (label: string) => cents(label).refine((value) => value > 0, `${label} must be more than 0`)

export const ServiceType = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    category: z.enum(SERVICE_CATEGORIES),
    assistanceKind: z.enum(FINANCIAL_ASSISTANCE_KINDS).nullable(),
    unit: z.enum(SERVICE_UNITS),
    defaultValue: z.number().nullable(),
    active: z.boolean(),
    hudRecordType: z.number().int().nullable(),
    hudTypeProvided: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceType' })
export type ServiceType = z.infer<typeof ServiceType>

export const ServiceTypeList = z.array(ServiceType).meta({ id: 'ServiceTypeList' })

export const ServiceTypeQuery = z.object({
  /** Another agency's catalogue (CoC administrators); your own by default. */
  organizationId: uuid.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
})

const serviceTypeFields = {
  name: requiredText(120),
  category: z.enum(SERVICE_CATEGORIES),
  assistanceKind: z.enum(FINANCIAL_ASSISTANCE_KINDS).nullable(),
  unit: z.enum(SERVICE_UNITS),
  defaultValue: positive('defaultValue').nullable(),
  active: z.boolean(),
  hudRecordType: hudCode('1.4').nullable(),
  hudTypeProvided: z.number().int().nullable(),
}

export const NewServiceType = z
  .object({
    ...serviceTypeFields,
    assistanceKind: serviceTypeFields.assistanceKind.default(null),
    defaultValue: serviceTypeFields.defaultValue.default(null),
    active: serviceTypeFields.active.default(true),
    hudRecordType: serviceTypeFields.hudRecordType.default(null),
    hudTypeProvided: serviceTypeFields.hudTypeProvided.default(null),
  })
  .strict()
  .meta({ id: 'NewServiceType' })
export type NewServiceType = z.infer<typeof NewServiceType>

export const ServiceTypePatch = z
  .object(serviceTypeFields)
  .partial()
  .strict()
  .meta({ id: 'ServiceTypePatch' })
export type ServiceTypePatch = z.infer<typeof ServiceTypePatch>

const named = z.object({ id: z.string(), name: z.string() })

export const ServiceRecord = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    clientId: z.string(),
    /** The rows recorded together for a household share it. */
    batchId: z.string(),
    date: z.string(),
    serviceType: ServiceType.pick({ id: true, name: true, category: true, assistanceKind: true, unit: true }),
    quantity: z.number().nullable(),
    amount: z.number().nullable(),
    funder: z.string().nullable(),
    /** HUD 2.06.1 FundingSource. */
    fundingSource: z.number().int().nullable(),
    note: z.string().nullable(),
    organization: named,
    createdBy: named.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceRecord' })
export type ServiceRecord = z.infer<typeof ServiceRecord>

export const ServiceRecordList = z.array(ServiceRecord).meta({ id: 'ServiceRecordList' })

/** FundingSource codes HUD retired in FY2026: valid in history, not offered for new data. */
const RETIRED_FUNDING_SOURCES = [47, 48]

export const NewServiceRecord = z
  .object({
    date: isoDate,
    serviceTypeId: uuid,
    /** For count, hours and minutes services; the catalogue's default value when left out. */
    quantity: positive('quantity').optional(),
    /** For dollar services; the catalogue's default value when left out. */
    amount: positive('amount').optional(),
    funder: text(200).optional(),
    fundingSource: hudCode('2.06.1')
      .refine((code) => !RETIRED_FUNDING_SOURCES.includes(code), 'is a retired HUD funding source')
      .optional(),
    note: text(2000).optional(),
    /** One row for every household member enrolled on the date, the same batch id. */
    wholeHousehold: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'NewServiceRecord' })
export type NewServiceRecord = z.infer<typeof NewServiceRecord>

export const ServiceRecordDeletion = z
  .object({ reason: requiredText(500) })
  .strict()
  .meta({ id: 'ServiceRecordDeletion' })

export const AssistanceTotals = z
  .object({
    byKind: z.array(z.object({ kind: z.enum(FINANCIAL_ASSISTANCE_KINDS), amount: z.number() })),
    total: z.number(),
  })
  .meta({ id: 'AssistanceTotals' })
export type AssistanceTotals = z.infer<typeof AssistanceTotals>

export const ClientFinancialAssistance = z
  .object({
    clientId: z.string(),
    enrollments: z.array(
      z.object({
        enrollmentId: z.string(),
        enrollmentHouseholdId: z.string(),
        project: named,
        entryDate: z.string(),
        exitDate: z.string().nullable(),
        /** Paid for this client in this enrollment. */
        enrollment: AssistanceTotals,
        /** Paid for everyone in the enrollment household (members you may see). */
        household: AssistanceTotals,
      }),
    ),
  })
  .meta({ id: 'ClientFinancialAssistance' })
export type ClientFinancialAssistance = z.infer<typeof ClientFinancialAssistance>
