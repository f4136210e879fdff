import { z } from 'zod'
import { text, uuid } from './common'

/** The parts of a client record a merge takes from one side or the other, each as a whole. */
export const MERGE_FIELD_GROUPS = [
  'name',
  'ssn',
  'dob',
  'raceEthnicity',
  'sex',
  'genderIdentity',
  'veteran',
  'contact',
  'family',
] as const
export type MergeFieldGroup = (typeof MERGE_FIELD_GROUPS)[number]

export const MERGE_FIELD_GROUP_LABELS: Record<MergeFieldGroup, string> = {
  name: 'Name and name data quality',
  ssn: 'SSN and SSN data quality',
  dob: 'Date of birth and DOB data quality',
  raceEthnicity: 'Race and ethnicity',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  veteran: 'Veteran status and details',
  contact: 'Contact information',
  family: 'Marital status and children',
}

export const MergeSide = z.enum(['survivor', 'merged'])

export const DuplicatePair = z
  .object({
    clientA: z.object({
      id: z.string(),
      clientNumber: z.number(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      dob: z.string().nullable(),
      ownerOrganizationName: z.string(),
    }),
    clientB: z.object({
      id: z.string(),
      clientNumber: z.number(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      dob: z.string().nullable(),
      ownerOrganizationName: z.string(),
    }),
    score: z.number(),
    matchLevel: z.enum(['likely', 'possible']),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'DuplicatePair' })

export const DuplicateCandidatesQuery = z.object({
  minScore: z.coerce.number().min(0).max(1).default(0.75),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const MergeComparison = z
  .object({
    survivorId: z.string(),
    mergedId: z.string(),
    groups: z.array(
      z.object({
        group: z.enum(MERGE_FIELD_GROUPS),
        label: z.string(),
        survivor: z.record(z.string(), z.unknown()),
        merged: z.record(z.string(), z.unknown()),
        same: z.boolean(),
      }),
    ),
    relatedRecords: z.record(z.string(), z.object({ survivor: z.number(), merged: z.number() })),
  })
  .meta({ id: 'MergeComparison' })

export const NewMerge = z
  .object({
    survivorId: uuid,
    mergedId: uuid,
    /** Which record's value each group keeps; groups left out keep the survivor's. */
    choices: z.partialRecord(z.enum(MERGE_FIELD_GROUPS), MergeSide).default({}),
    reason: text(500).optional(),
  })
  .strict()
  .meta({ id: 'NewMerge' })

export const SplitRequest = z.object({ reason: text(500).pipe(z.string().min(1, 'is required')) }).strict()

export const NotDuplicateRequest = z
  .object({ clientAId: uuid, clientBId: uuid, reason: text(500).pipe(z.string().min(1, 'is required')) })
  .strict()
  .meta({ id: 'NotDuplicateRequest' })

export const ClientMerge = z
  .object({
    id: z.string(),
    survivorClientId: z.string(),
    mergedClientId: z.string(),
    choices: z.record(z.string(), MergeSide),
    reason: z.string().nullable(),
    mergedAt: z.string(),
    mergedBy: z.string(),
    splitAt: z.string().nullable(),
    splitBy: z.string().nullable(),
    splitReason: z.string().nullable(),
    /** Fields a split left as they are because someone changed them after the merge. */
    keptOnSplit: z.array(z.string()).optional(),
  })
  .meta({ id: 'ClientMerge' })
