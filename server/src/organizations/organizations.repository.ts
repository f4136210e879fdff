import type { Organization } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

export function selectOrganizations(db: Kysely<DB>) {
  return db
    .selectFrom('organization')
    .select([
      'organization.id',
      'organization.coc_id as cocId',
      'organization.name',
      'organization.victim_service_provider as victimServiceProvider',
      'organization.active',
    ])
}

export function findOrganization(db: Kysely<DB>, id: string): Promise<Organization | undefined> {
  return selectOrganizations(db).where('organization.id', '=', id).executeTakeFirst()
}

/** Organization names are unique within a CoC; the message says which one is taken. */
export async function assertOrganizationNameFree(
  db: Kysely<DB>,
  cocId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  let query = db.selectFrom('organization').select('id').where('coc_id', '=', cocId).where('name', '=', name)
  if (exceptId) query = query.where('id', '<>', exceptId)
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', `An organization named "${name}" already exists in this CoC`)
  }
}
