import { z } from 'zod'
import { clientAliases, clientFields, DuplicateOverride } from './client-fields'
import { applyClientChanges, clientRecordIssues, EMPTY_CLIENT_RECORD } from './client-record'

// Request bodies of the client record API. The owning agency and CoC always come from who is signed in,
// so they are not fields here (unknown fields are refused).

/** Fields whose rules involve each other: a value and its data-quality answer, and so on. */
const RELATED_FIELDS = [
  ['firstName', 'lastName', 'nameDataQuality'],
  ['ssn', 'ssnDataQuality'],
  ['dob', 'dobDataQuality'],
  ['raceEthnicity', 'raceNone'],
  ['veteranStatus', 'veteranDetails'],
]
const relatedFieldsKey = (field: string) =>
  RELATED_FIELDS.find((group) => group.includes(field))?.[0] ?? field

/**
 * A new client: the HUD elements (each may be left out only when its data-quality answer says why),
 * optional local fields, aliases and former names. Rules that need today's date (DOB not in the future,
 * veteran status for adults) are checked by the server with `clientRecordIssues(record, today)`.
 */
export const NewClient = z
  .object({
    ...clientFields,
    aliases: clientAliases.optional(),
    duplicateOverride: DuplicateOverride.optional().describe(
      'Save although Find Client reported likely matches; the reason is audited',
    ),
  })
  .strict()
  .superRefine((value, ctx) => {
    const { aliases, duplicateOverride, ...fields } = value
    // A field already reported wrong (an SSN of 8 digits) is not also reported as missing.
    const reported = new Set(ctx.issues.map((issue) => relatedFieldsKey(String(issue.path?.[0]))))
    for (const issue of clientRecordIssues(applyClientChanges(EMPTY_CLIENT_RECORD, fields))) {
      if (reported.has(relatedFieldsKey(String(issue.path[0])))) continue
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })
  .meta({ id: 'NewClient' })
export type NewClient = z.output<typeof NewClient>

/**
 * Changes to a client: only the fields that change, plus the `version` the editor started from (a stale
 * version is refused with 409 so nobody overwrites a change they never saw). The whole record is checked
 * after the change is applied.
 */
export const ClientPatch = z
  .object({
    ...clientFields,
    version: z.number().int().positive().describe('The version the change was made against'),
  })
  .strict()
  .meta({ id: 'ClientPatch' })
export type ClientPatch = z.output<typeof ClientPatch>
