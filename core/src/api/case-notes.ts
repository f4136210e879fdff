import { z } from 'zod'
import { isoDate, requiredText, text, uuid } from './common'

/** What a note's text may hold before sanitizing (the server keeps only safe formatting). */
export const CASE_NOTE_TEXT_MAX = 20_000

const named = z.object({ id: z.string(), name: z.string() })
const noteText = z
  .string()
  .max(CASE_NOTE_TEXT_MAX, `must be at most ${CASE_NOTE_TEXT_MAX} characters`)
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')

export const CaseNote = z
  .object({
    id: z.string(),
    clientId: z.string(),
    entryDate: z.string(),
    regarding: z.string(),
    /** Sanitized HTML: p, br, strong, em, ul, ol, li and http(s) links only. */
    text: z.string(),
    author: named,
    organization: named,
    enrollmentId: z.string().nullable(),
    serviceRecordIds: z.array(z.string()),
    /** Shared with agencies that hold an active project-data release (when the CoC allows it). */
    shareable: z.boolean(),
    /** Read-only: nobody edits or deletes it until it is unlocked. */
    locked: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** What the viewer may do with it. */
    canEdit: z.boolean(),
    canUnlock: z.boolean(),
  })
  .meta({ id: 'CaseNote' })
export type CaseNote = z.infer<typeof CaseNote>

export const CaseNoteList = z.array(CaseNote).meta({ id: 'CaseNoteList' })

export const CaseNoteQuery = z.object({
  /** Words to find in the notes' titles and text (full-text, English stemming). */
  q: text(200).optional(),
})

export const NewCaseNote = z
  .object({
    entryDate: isoDate,
    regarding: requiredText(200),
    text: noteText,
    enrollmentId: uuid.optional(),
    serviceRecordIds: z.array(uuid).max(50).optional(),
    shareable: z.boolean().optional(),
    locked: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'NewCaseNote' })
export type NewCaseNote = z.infer<typeof NewCaseNote>

export const CaseNotePatch = z
  .object({
    /** The version the editor started from: a later save by someone else answers 409. */
    version: z.number().int().min(1),
    entryDate: isoDate.optional(),
    regarding: requiredText(200).optional(),
    text: noteText.optional(),
    enrollmentId: uuid.nullable().optional(),
    serviceRecordIds: z.array(uuid).max(50).optional(),
    shareable: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CaseNotePatch' })
export type CaseNotePatch = z.infer<typeof CaseNotePatch>

export const CaseNoteDeletion = z
  .object({ reason: requiredText(500) })
  .strict()
  .meta({ id: 'CaseNoteDeletion' })
export type CaseNoteDeletion = z.infer<typeof CaseNoteDeletion>

/** One saved state of a note; version 1 is the note as created. */
export const CaseNoteVersion = z
  .object({
    version: z.number().int(),
    action: z.enum(['created', 'updated', 'locked', 'unlocked']),
    changedAt: z.iso.datetime(),
    changedBy: named.nullable(),
    /** Field names that changed from the previous version. */
    changedFields: z.array(z.string()),
    entryDate: z.string(),
    regarding: z.string(),
    text: z.string(),
    shareable: z.boolean(),
    locked: z.boolean(),
  })
  .meta({ id: 'CaseNoteVersion' })

export const CaseNoteHistory = z
  .object({ versions: z.array(CaseNoteVersion) })
  .meta({ id: 'CaseNoteHistory' })
export type CaseNoteHistory = z.infer<typeof CaseNoteHistory>
