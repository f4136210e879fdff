import type { Project, ProjectQuery } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { projectsVisibleTo } from '../access/visibility'
import type { DB } from '../db/schema'
import { selectProjects } from './projects.repository'

/** The projects of the CoCs the actor can see, by organization and name. */
export function listProjects({
  db,
  actor,
  filter,
}: {
  db: Kysely<DB>
  actor: Actor
  filter: ProjectQuery
}): Promise<Project[]> {
  let query = selectProjects(db).where(projectsVisibleTo(actor))
  if (filter.organizationId) query = query.where('project.organization_id', '=', filter.organizationId)
  if (filter.cocId) query = query.where('project.coc_id', '=', filter.cocId)
  if (filter.projectType !== undefined) query = query.where('project.project_type', '=', filter.projectType)
  if (filter.active !== undefined) query = query.where('project.active', '=', filter.active)
  return query.orderBy('organization.name').orderBy('project.name').orderBy('project.id').execute()
}
