import { z } from 'zod'
import { isoDate, requiredText, uuid } from './common'

export const ReleaseScope = z.enum(['coc', 'organizations'])
export const ReleaseDocumentation = z.enum(['signed', 'verbal'])
/** Scanned forms: PDF or a photo, at most 5 MB. */
export const RELEASE_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export const RELEASE_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024

const named = z.object({ id: z.string(), name: z.string() })

export const ReleaseDocumentInfo = z
  .object({
    fileName: z.string(),
    contentType: z.enum(RELEASE_DOCUMENT_TYPES),
    sizeBytes: z.number().int(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReleaseDocumentInfo' })

export const Release = z
  .object({
    id: z.string(),
    clientId: z.string(),
    recordedByOrganization: named,
    releaseIdentity: z.boolean(),
    releaseProjectData: z.boolean(),
    scope: ReleaseScope,
    /** The agencies a scope-`organizations` release names. */
    organizations: z.array(named),
    startDate: z.string(),
    endDate: z.string(),
    /** In force today: started, not past its end date, not revoked. */
    active: z.boolean(),
    status: z.enum(['active', 'not_started', 'expired', 'revoked']),
    documentation: ReleaseDocumentation,
    /** A verbal release stays flagged until its signed form is recorded. */
    needsSignedForm: z.boolean(),
    signedFormRecordedAt: z.iso.datetime().nullable(),
    witness: z.object({ id: z.string(), displayName: z.string() }),
    signedBy: z.enum(['client', 'head_of_household']),
    /** The head of household who signed for a minor; null when the client signed or the viewer may not see them. */
    signedByClientId: z.string().nullable(),
    revokedOn: z.string().nullable(),
    revokedReason: z.string().nullable(),
    document: ReleaseDocumentInfo.nullable(),
    createdAt: z.iso.datetime(),
    /** Why the release has less effect than it seems (e.g. the client is confidential). */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Release' })
export type Release = z.infer<typeof Release>

export const ClientReleases = z
  .object({
    releases: z.array(Release),
    /** The read-only "Referrals viewable by other agencies?" field. */
    referralsViewableByOtherAgencies: z.boolean(),
  })
  .meta({ id: 'ClientReleases' })
export type ClientReleases = z.infer<typeof ClientReleases>

export const NewRelease = z
  .object({
    releaseIdentity: z.boolean(),
    releaseProjectData: z.boolean(),
    scope: ReleaseScope,
    /** Required (at least one) for scope `organizations`, absent for scope `coc`. */
    organizationIds: z.array(uuid).max(100).optional(),
    startDate: isoDate,
    /** Defaults to the start date plus the CoC's release length (12 months unless configured). */
    endDate: isoDate.optional(),
    documentation: ReleaseDocumentation,
    /** The staff member who witnessed it; defaults to the user recording it. */
    witnessUserId: uuid.optional(),
    /** For a minor: their head of household, who signs for them. */
    signedByClientId: uuid.optional(),
  })
  .strict()
  .refine((release) => release.releaseIdentity || release.releaseProjectData, {
    message: 'must release identifying information, project data, or both',
    path: ['releaseIdentity'],
  })
  .refine((release) => (release.scope === 'organizations') === (release.organizationIds?.length ?? 0) > 0, {
    message: 'name at least one agency for scope "organizations", and none for scope "coc"',
    path: ['organizationIds'],
  })
  .refine((release) => !release.endDate || release.endDate >= release.startDate, {
    message: 'must not be before the start date',
    path: ['endDate'],
  })
  .meta({ id: 'NewRelease' })
export type NewRelease = z.infer<typeof NewRelease>

export const ReleaseRevocation = z
  .object({ revokedOn: isoDate, reason: requiredText(500) })
  .strict()
  .meta({ id: 'ReleaseRevocation' })
export type ReleaseRevocation = z.infer<typeof ReleaseRevocation>
