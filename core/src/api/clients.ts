import { z } from 'zod'
import {
  ALIAS_KINDS,
  CONTACT_METHODS,
  MARITAL_STATUSES,
  PHONE_TYPES,
  RACE_ETHNICITY_COLUMNS,
  RESTRICTIONS,
} from '../clients/client-fields'
import { uuid } from './common'

export * from '../clients/index'

// Answers of the client record API. Request bodies (NewClient, ClientPatch, NewClientAlias) live in
// core/src/clients with the rules the intake form shares.

const nullableText = z.string().nullable()
const nullableCode = z.number().int().nullable()

export const ClientAlias = z
  .object({ id: z.string(), kind: z.enum(ALIAS_KINDS), firstName: nullableText, lastName: nullableText })
  .meta({ id: 'ClientAlias' })
export type ClientAlias = z.infer<typeof ClientAlias>

export const ClientContact = z
  .object({
    phones: z
      .array(z.object({ number: z.string(), type: z.enum(PHONE_TYPES), safeToLeaveMessage: z.boolean() }))
      .optional(),
    email: nullableText.optional(),
    address: z
      .object({
        line1: nullableText.optional(),
        line2: nullableText.optional(),
        city: nullableText.optional(),
        state: nullableText.optional(),
        zip: nullableText.optional(),
      })
      .nullable()
      .optional(),
    noFixedAddress: z.boolean().optional(),
    preferredContactMethod: z.enum(CONTACT_METHODS).nullable().optional(),
    preferredContactTimes: nullableText.optional(),
    safetyNotes: nullableText.optional(),
  })
  .meta({ id: 'ClientContact' })

export const ClientVeteranDetails = z
  .object({
    yearEnteredService: nullableCode.optional(),
    yearSeparated: nullableCode.optional(),
    worldWarII: nullableCode.optional(),
    koreanWar: nullableCode.optional(),
    vietnamWar: nullableCode.optional(),
    desertStorm: nullableCode.optional(),
    afghanistanOEF: nullableCode.optional(),
    iraqOIF: nullableCode.optional(),
    iraqOND: nullableCode.optional(),
    otherTheater: nullableCode.optional(),
    militaryBranch: nullableCode.optional(),
    dischargeStatus: nullableCode.optional(),
  })
  .meta({ id: 'ClientVeteranDetails' })

/** A client record as the signed-in user may see it. */
export const Client = z
  .object({
    id: z.string(),
    clientNumber: z.number().int().describe('The Client ID people read out and type into search'),
    cocId: z.string(),
    ownerOrganizationId: z.string(),
    ownerOrganizationName: z.string(),
    restriction: z.enum(RESTRICTIONS),
    firstName: nullableText,
    middleName: nullableText,
    lastName: nullableText,
    nameSuffix: nullableText,
    nameDataQuality: z.number().int(),
    ssn: nullableText.describe(
      'Masked to the last 4 digits (***-**-1234); the owning agency reads the full number at /api/clients/{id}/ssn',
    ),
    ssnDataQuality: z.number().int(),
    dob: nullableText,
    dobDataQuality: z.number().int(),
    sex: nullableCode,
    raceEthnicity: z.array(z.enum(RACE_ETHNICITY_COLUMNS)),
    raceNone: nullableCode,
    additionalRaceEthnicity: nullableText,
    genderIdentity: nullableText,
    veteranStatus: nullableCode,
    veteranDetails: ClientVeteranDetails.nullable(),
    contact: ClientContact,
    maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
    childrenCount: nullableCode,
    aliases: z.array(ClientAlias),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    referralsViewableByOtherAgencies: z
      .boolean()
      .describe('Derived: an open record with an active CoC-wide project-data release'),
    canEdit: z.boolean(),
    canChangeRestriction: z.boolean(),
    canReadFullSsn: z.boolean(),
  })
  .meta({ id: 'Client' })
export type Client = z.infer<typeof Client>

export const ClientWarning = z
  .object({ field: z.string(), message: z.string() })
  .meta({ id: 'ClientWarning', description: 'Saved, but worth checking (e.g. an SSN of sequential digits)' })

/** The answer of a create or an update: the record as saved, and the values worth a second look. */
export const SavedClient = z
  .object({ client: Client, warnings: z.array(ClientWarning) })
  .meta({ id: 'SavedClient' })
export type SavedClient = z.infer<typeof SavedClient>

export const ClientFullSsn = z
  .object({ ssn: nullableText.describe('All 9 digits, or null when only the last 4 are known') })
  .meta({ id: 'ClientFullSsn' })

export const ClientVersion = z
  .object({
    version: z.number().int(),
    action: z.string(),
    changedAt: z.string(),
    changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    changes: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .describe('Each changed field, before and after; SSNs masked'),
  })
  .meta({ id: 'ClientVersion' })

export const ClientHistory = z.object({ versions: z.array(ClientVersion) }).meta({ id: 'ClientHistory' })
export type ClientHistory = z.infer<typeof ClientHistory>

export const ClientAliasParams = z.object({ id: uuid, aliasId: uuid })
