import type { Project } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

/** Projects with their organization's name, as the API shows them. */
export function selectProjects(db: Kysely<DB>) {
  return db
    .selectFrom('project')
    .innerJoin('organization', 'organization.id', 'project.organization_id')
    .select([
      'project.id',
      'project.organization_id as organizationId',
      'organization.name as organizationName',
      'project.coc_id as cocId',
      'project.name',
      'project.project_type as projectType',
      'project.operating_start_date as operatingStartDate',
      'project.operating_end_date as operatingEndDate',
      'project.continuum_project as continuumProject',
      'project.hmis_participation as hmisParticipation',
      'project.active',
      'project.accepts_direct_referrals as acceptsDirectReferrals',
    ])
}

export function findProject(db: Kysely<DB>, id: string): Promise<Project | undefined> {
  return selectProjects(db).where('project.id', '=', id).executeTakeFirst()
}

/** HUD 2.02.4: a project cannot stop operating before it started. */
export function assertOperatingDatesInOrder(dates: {
  operatingStartDate: string
  operatingEndDate: string | null
}): void {
  if (dates.operatingEndDate !== null && dates.operatingEndDate < dates.operatingStartDate) {
    const message = `must be on or after the operating start date (${dates.operatingStartDate})`
    throw new AppError('invalid_input', `The operating end date ${message}`, [
      { path: 'body.operatingEndDate', message },
    ])
  }
}

/** Project names are unique within an organization. */
export async function assertProjectNameFree(
  db: Kysely<DB>,
  organizationId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  let query = db
    .selectFrom('project')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
  if (exceptId) query = query.where('id', '<>', exceptId)
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', `This organization already has a project named "${name}"`)
  }
}
