import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

/** A signed release straight in the database (the release API has its own tests). */
export async function insertTestRelease(
  db: Kysely<DB>,
  release: {
    clientId: string
    cocId: string
    recordedByOrganizationId: string
    userId: string
    organizationIds?: string[]
    identity?: boolean
    projectData?: boolean
    startDate?: string
    endDate?: string
  },
): Promise<string> {
  const organizationIds = release.organizationIds ?? []
  const row = await db
    .insertInto('client_release')
    .values({
      client_id: release.clientId,
      coc_id: release.cocId,
      recorded_by_organization_id: release.recordedByOrganizationId,
      release_identity: release.identity ?? true,
      release_project_data: release.projectData ?? true,
      scope: organizationIds.length > 0 ? 'organizations' : 'coc',
      organization_ids: organizationIds,
      start_date: release.startDate ?? '2020-01-01',
      end_date: release.endDate ?? '2099-12-31',
      documentation: 'signed',
      witness_user_id: release.userId,
      signed_by_client_id: release.clientId,
      created_by: release.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
