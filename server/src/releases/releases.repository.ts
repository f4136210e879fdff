import type { Release } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canSeeClientIdentity, isReleaseActive } from '../access/client-policy'
import { type LoadedClientAccessFacts, loadClientAccessFactsMany } from '../access/client-visibility'
import type { Restriction } from '../clients/client.tables'
import type { DB } from '../db/schema'

const RELEASE_COLUMNS = [
  'r.id',
  'r.client_id as clientId',
  'r.coc_id as cocId',
  'r.recorded_by_organization_id as recordedByOrganizationId',
  'recorder.name as recordedByOrganizationName',
  'r.release_identity as releaseIdentity',
  'r.release_project_data as releaseProjectData',
  'r.scope',
  'r.organization_ids as organizationIds',
  'r.start_date as startDate',
  'r.end_date as endDate',
  'r.documentation',
  'r.signed_form_recorded_at as signedFormRecordedAt',
  'r.witness_user_id as witnessUserId',
  'witness.display_name as witnessDisplayName',
  'r.signed_by_client_id as signedByClientId',
  'r.revoked_on as revokedOn',
  'r.revoked_reason as revokedReason',
  'r.created_at as createdAt',
  'document.file_name as documentFileName',
  'document.content_type as documentContentType',
  'document.size_bytes as documentSizeBytes',
  'document.uploaded_at as documentUploadedAt',
] as const

function selectReleases(db: Kysely<DB>) {
  return db
    .selectFrom('client_release as r')
    .innerJoin('organization as recorder', 'recorder.id', 'r.recorded_by_organization_id')
    .innerJoin('app_user as witness', 'witness.id', 'r.witness_user_id')
    .leftJoin('client_release_document as document', 'document.release_id', 'r.id')
    .select(RELEASE_COLUMNS)
}

export type ReleaseRow = Awaited<ReturnType<ReturnType<typeof selectReleases>['executeTakeFirstOrThrow']>>

export function findRelease(db: Kysely<DB>, id: string): Promise<ReleaseRow | undefined> {
  return selectReleases(db).where('r.id', '=', id).executeTakeFirst()
}

/** A client's releases, newest first. */
export function findClientReleases(db: Kysely<DB>, clientId: string): Promise<ReleaseRow[]> {
  return selectReleases(db)
    .where('r.client_id', '=', clientId)
    .orderBy('r.start_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute()
}

/** A release by id with its client's access facts; undefined when either is missing (or merged away). */
export async function loadReleaseWithClient(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  today: string,
): Promise<{ release: ReleaseRow; client: LoadedClientAccessFacts } | undefined> {
  const release = await findRelease(db, id)
  if (!release) return undefined
  const client = (await loadClientAccessFactsMany(db, actor, [release.clientId], today)).get(release.clientId)
  return client && { release, client }
}

export const releaseGrant = (row: ReleaseRow) => ({
  releaseIdentity: row.releaseIdentity,
  releaseProjectData: row.releaseProjectData,
  scope: row.scope,
  organizationIds: row.organizationIds,
  startDate: row.startDate,
  endDate: row.endDate,
  revokedOn: row.revokedOn,
})

function statusOf(row: ReleaseRow, today: string): Release['status'] {
  if (row.revokedOn !== null && row.revokedOn <= today) return 'revoked'
  if (row.startDate > today) return 'not_started'
  if (row.endDate < today) return 'expired'
  return 'active'
}

/** Why a release does less than it seems to, given the client's restriction. */
export function releaseWarnings(
  release: Pick<ReleaseRow, 'scope'>,
  restriction: Restriction,
  active: boolean,
): string[] {
  if (!active) return []
  if (restriction === 'confidential') {
    return [
      "This client's record is confidential: no release takes effect unless the owning agency lowers the restriction.",
    ]
  }
  if (restriction === 'restricted' && release.scope === 'coc') {
    return [
      "This client's record is restricted: a CoC-wide release takes effect for nobody; name the agencies instead.",
    ]
  }
  return []
}

/**
 * The API view of releases for one actor: agencies named by id and name (the directory is shared in the
 * CoC), and the head of household who signed for a minor only when the actor may see them.
 */
export async function toReleases(
  db: Kysely<DB>,
  actor: Actor,
  rows: ReleaseRow[],
  restriction: Restriction,
  today: string,
): Promise<Release[]> {
  const organizationIds = [...new Set(rows.flatMap((row) => row.organizationIds))]
  const names = new Map(
    organizationIds.length === 0
      ? []
      : (
          await db
            .selectFrom('organization')
            .select(['id', 'name'])
            .where('id', 'in', organizationIds)
            .execute()
        ).map((organization) => [organization.id, organization.name]),
  )
  const signers = await loadClientAccessFactsMany(
    db,
    actor,
    rows.filter((row) => row.signedByClientId !== row.clientId).map((row) => row.signedByClientId),
    today,
  )
  return rows.map((row) => {
    const active = isReleaseActive(releaseGrant(row), today)
    const signedForClient = row.signedByClientId !== row.clientId
    const signer = signers.get(row.signedByClientId)
    return {
      id: row.id,
      clientId: row.clientId,
      recordedByOrganization: { id: row.recordedByOrganizationId, name: row.recordedByOrganizationName },
      releaseIdentity: row.releaseIdentity,
      releaseProjectData: row.releaseProjectData,
      scope: row.scope,
      organizations: row.organizationIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown agency' })),
      startDate: row.startDate,
      endDate: row.endDate,
      active,
      status: statusOf(row, today),
      documentation: row.documentation,
      needsSignedForm: row.documentation === 'verbal',
      signedFormRecordedAt: row.signedFormRecordedAt?.toISOString() ?? null,
      witness: { id: row.witnessUserId, displayName: row.witnessDisplayName },
      signedBy: signedForClient ? 'head_of_household' : 'client',
      signedByClientId:
        signedForClient && signer && canSeeClientIdentity(actor, signer) ? row.signedByClientId : null,
      revokedOn: row.revokedOn,
      revokedReason: row.revokedReason,
      document:
        row.documentFileName !== null && row.documentContentType !== null && row.documentUploadedAt !== null
          ? {
              fileName: row.documentFileName,
              contentType: row.documentContentType,
              sizeBytes: row.documentSizeBytes ?? 0,
              uploadedAt: row.documentUploadedAt.toISOString(),
            }
          : null,
      createdAt: row.createdAt.toISOString(),
      warnings: releaseWarnings(row, restriction, active),
    }
  })
}

/** One release as the actor sees it, after a change. */
export async function releaseView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  restriction: Restriction,
  today: string,
): Promise<Release> {
  const [release] = await toReleases(db, actor, [(await findRelease(db, id))!], restriction, today)
  return release!
}
