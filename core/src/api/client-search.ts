import { z } from 'zod'
import { birthDate } from '../clients/dob'
import { readSsn } from '../clients/ssn'
import { text } from './common'

// Find Client: GET /api/clients/search. Every criterion is optional, but at least one is needed; an empty
// parameter (`?firstName=`) counts as absent, the way a search form sends its blank fields.

export const CLIENT_SEARCH_MAX_LIMIT = 50

/** The one sentence shown when a likely match sits in a restricted record the searcher cannot open. */
export const SEARCH_MASKED_HINT = 'A possible match exists in a record you cannot open — contact the CE team'

/** A blank query parameter is no criterion; anything else must pass `schema`. */
const optionalParam = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .transform((value) => (value.trim() === '' ? undefined : value))
    .pipe(schema.optional())
    .optional()

const searchName = text(100).refine((value) => /\p{L}/u.test(value), 'must contain at least one letter')

const searchSsn = z.string().superRefine((value, context) => {
  const ssn = readSsn(value)
  if (ssn.kind === 'invalid') context.addIssue({ code: 'custom', message: ssn.message })
})

export const ClientSearchQuery = z
  .object({
    firstName: optionalParam(searchName),
    lastName: optionalParam(searchName),
    dob: optionalParam(birthDate).describe('YYYY-MM-DD'),
    ssn: optionalParam(searchSsn).describe('9 digits (dashes allowed), or the last 4'),
    clientNumber: optionalParam(z.string().regex(/^\d{1,15}$/, 'must be a Client ID (digits only)')),
    q: optionalParam(text(200)).describe(
      'Free text: names in any order, a date (DOB), 9 digits (SSN), 4 digits (SSN last 4), 6+ digits (Client ID)',
    ),
    limit: z.coerce.number().int().min(1).max(CLIENT_SEARCH_MAX_LIMIT).default(10),
  })
  .strict()
  .refine(
    (query) =>
      [query.firstName, query.lastName, query.dob, query.ssn, query.clientNumber, query.q].some(
        (value) => value !== undefined,
      ),
    'Give at least one of firstName, lastName, dob, ssn, clientNumber or q to search for',
  )
export type ClientSearchQuery = z.infer<typeof ClientSearchQuery>

export const ClientSearchResult = z
  .object({
    id: z.string(),
    clientNumber: z.number().int(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    dob: z.string().nullable().describe('Null when unknown or hidden from you'),
    ssnLast4: z.string().nullable().describe('Null when unknown or hidden from you'),
    score: z.number().min(0).max(1),
    matchLevel: z.enum(['likely', 'possible']).nullable(),
    reasons: z.array(z.string()).describe('Why it matched, in plain words ("first name is a nickname …")'),
  })
  .meta({ id: 'ClientSearchResult' })
export type ClientSearchResult = z.infer<typeof ClientSearchResult>

export const ClientSearchResults = z
  .object({
    results: z.array(ClientSearchResult),
    hint: z
      .string()
      .optional()
      .describe('Set when a likely match exists in a restricted record you cannot open'),
  })
  .meta({ id: 'ClientSearchResults' })
export type ClientSearchResults = z.infer<typeof ClientSearchResults>
