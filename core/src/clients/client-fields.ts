import { z } from 'zod'
import { requiredText, text } from '../api/common'
import { hudCode } from '../hud/index'
import { birthDate } from './dob'
import { readSsn, unissuableSsnReason } from './ssn'

// The fields of a client record (Basic Client Information, ClientTrack Step 1b) as the API and the intake
// form take them. Names follow the HUD CSV columns in camelCase; coded answers are HUD codes.

/** HUD 3.04 Race and Ethnicity columns (FY2026 names), one per option of the multi-select. */
export const RACE_ETHNICITY_COLUMNS = [
  'AmIndAKNative',
  'Asian',
  'BlackAfAmerican',
  'HispanicLatinao',
  'MidEastNAfrican',
  'NativeHIPacific',
  'White',
] as const
export type RaceEthnicityColumn = (typeof RACE_ETHNICITY_COLUMNS)[number]

export const RACE_ETHNICITY_LABELS: Record<RaceEthnicityColumn, string> = {
  AmIndAKNative: 'American Indian, Alaska Native, or Indigenous',
  Asian: 'Asian or Asian American',
  BlackAfAmerican: 'Black, African American, or African',
  HispanicLatinao: 'Hispanic/Latina/e/o',
  MidEastNAfrican: 'Middle Eastern or North African',
  NativeHIPacific: 'Native Hawaiian or Pacific Islander',
  White: 'White',
}

/** Who outside the owning agency may see the record (see access/client-policy.ts on the server). */
export const RESTRICTIONS = ['open', 'restricted', 'confidential'] as const
export type Restriction = (typeof RESTRICTIONS)[number]

/** Local field (not a HUD element). */
export const MARITAL_STATUSES = [
  'single',
  'married',
  'domestic_partnership',
  'separated',
  'divorced',
  'widowed',
] as const

export const PHONE_TYPES = ['mobile', 'home', 'work', 'shelter', 'other'] as const
export const CONTACT_METHODS = ['phone', 'text', 'email', 'mail', 'in_person', 'through_agency'] as const
export const ALIAS_KINDS = ['former_name', 'alias'] as const

/** Optional free text: trimmed, and an empty box means "no value" (null). */
const optionalText = (max: number) =>
  text(max)
    .transform((value) => value || null)
    .nullable()
    .optional()

const ssnField = z
  .string()
  .max(20, { message: 'must be 9 digits, or the last 4 digits of a partial SSN', abort: true })
  .superRefine((raw, ctx) => {
    const ssn = readSsn(raw)
    const problem =
      ssn.kind === 'invalid' ? ssn.message : ssn.kind === 'full' ? unissuableSsnReason(ssn.digits) : undefined
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const phoneNumber = text(40)
  .regex(
    /^\+?[\d\s().-]+((x|ext\.?)\s?\d{1,6})?$/i,
    'must be a phone number (digits, spaces, - ( ) + and ext)',
  )
  .refine((value) => {
    const digits = value.split(/x|ext/i)[0]!.replace(/\D/g, '').length
    return digits >= 7 && digits <= 15
  }, 'must have 7 to 15 digits')

export const Phone = z
  .object({
    number: phoneNumber,
    type: z.enum(PHONE_TYPES),
    safeToLeaveMessage: z.boolean(),
  })
  .strict()

export const Address = z
  .object({
    line1: optionalText(100),
    line2: optionalText(100),
    city: optionalText(60),
    state: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter state code')
      .transform((value) => value.toUpperCase())
      .nullable()
      .optional(),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code (12345 or 12345-6789)')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((address) => Object.values(address).some((value) => value), 'give at least one line of the address')

export const Contact = z
  .object({
    phones: z.array(Phone).max(5, 'must list at most 5 phone numbers').optional(),
    email: text(254).pipe(z.email('must be an email address')).nullable().optional(),
    address: Address.nullable().optional(),
    /** Literally homeless or no address to give: the address stays empty. */
    noFixedAddress: z.boolean().optional(),
    preferredContactMethod: z.enum(CONTACT_METHODS).nullable().optional(),
    preferredContactTimes: optionalText(200),
    /** e.g. "do not call after 6pm, partner checks phone" — read before every contact attempt. */
    safetyNotes: optionalText(1000),
  })
  .strict()
  .refine((contact) => !(contact.noFixedAddress && contact.address), {
    message: 'leave the address empty when the client has no fixed address',
    path: ['address'],
  })
export type Contact = z.output<typeof Contact>

const year = z.number().int('must be a year').min(1920, 'must be 1920 or later').max(2200, 'must be a year')

/** HUD V1 Veteran's Information, recorded only when VeteranStatus is 1 (Yes). */
export const VeteranDetails = z
  .object({
    yearEnteredService: year.nullable().optional(),
    yearSeparated: year.nullable().optional(),
    worldWarII: hudCode('1.8').nullable().optional(),
    koreanWar: hudCode('1.8').nullable().optional(),
    vietnamWar: hudCode('1.8').nullable().optional(),
    desertStorm: hudCode('1.8').nullable().optional(),
    afghanistanOEF: hudCode('1.8').nullable().optional(),
    iraqOIF: hudCode('1.8').nullable().optional(),
    iraqOND: hudCode('1.8').nullable().optional(),
    otherTheater: hudCode('1.8').nullable().optional(),
    militaryBranch: hudCode('V1.11').nullable().optional(),
    dischargeStatus: hudCode('V1.12').nullable().optional(),
  })
  .strict()
  .refine(
    (details) =>
      details.yearEnteredService == null ||
      details.yearSeparated == null ||
      details.yearSeparated >= details.yearEnteredService,
    { message: 'must not be before the year the client entered service', path: ['yearSeparated'] },
  )
export type VeteranDetails = z.output<typeof VeteranDetails>

/**
 * Every client field, each optional: a new client leaves out what it doesn't know (the data-quality answers
 * say why), a patch sends only what changes. `null` clears a value.
 */
export const clientFields = {
  firstName: optionalText(50),
  middleName: optionalText(50),
  lastName: optionalText(50),
  nameSuffix: optionalText(50),
  nameDataQuality: hudCode('3.01.5').optional(),
  ssn: ssnField
    .nullable()
    .optional()
    .describe(
      '9 digits (dashes allowed), or the last 4 digits with ssnDataQuality 2; never returned in full',
    ),
  ssnDataQuality: hudCode('3.02.2').optional(),
  dob: birthDate.nullable().optional(),
  dobDataQuality: hudCode('3.03.2').optional(),
  sex: hudCode('4.21').optional(),
  raceEthnicity: z
    .array(z.enum(RACE_ETHNICITY_COLUMNS))
    .refine((columns) => new Set(columns).size === columns.length, 'must not list an option twice')
    .optional(),
  raceNone: hudCode('1.6').nullable().optional(),
  additionalRaceEthnicity: optionalText(100),
  genderIdentity: optionalText(100).describe('Local field; not part of the HUD export'),
  veteranStatus: hudCode('1.8').nullable().optional(),
  veteranDetails: VeteranDetails.nullable().optional(),
  contact: Contact.optional().describe('Replaced as a whole when given'),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional(),
  childrenCount: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(30, 'must be at most 30')
    .nullable()
    .optional(),
  restriction: z.enum(RESTRICTIONS).optional(),
}

export const ClientFields = z.object(clientFields).strict()
export type ClientFieldsInput = z.output<typeof ClientFields>

export const NewClientAlias = z
  .object({
    kind: z.enum(ALIAS_KINDS),
    firstName: optionalText(50),
    lastName: optionalText(50),
  })
  .strict()
  .refine((alias) => alias.firstName || alias.lastName, {
    message: 'give a first or last name',
    path: ['lastName'],
  })
  .meta({ id: 'NewClientAlias' })
export type NewClientAlias = z.output<typeof NewClientAlias>

/** Saving although Find Client reported likely matches: the reason is kept in the audit trail. */
export const DuplicateOverride = z.object({ reason: requiredText(500) }).strict()

export const clientAliases = z.array(NewClientAlias).max(20, 'must list at most 20 names')
