import type { Project, ProjectPatch } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canManageProject, canSeeProject } from '../access/policy'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { assertOperatingDatesInOrder, assertProjectNameFree, findProject } from './projects.repository'

/** Changes a project's HUD 2.02 details; it stays with its organization. */
export async function updateProject({
  db,
  actor,
  id,
  patch,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
  patch: ProjectPatch
}): Promise<Project> {
  const action = 'project.update'
  const project = await loadVisible({
    db,
    actor,
    entityType: 'project',
    id,
    action,
    load: findProject,
    canSee: canSeeProject,
  })
  await assertPermitted(db, actor, canManageProject(actor, project), {
    action,
    entityType: 'project',
    entityId: id,
    message:
      "Only the CoC's administrators and the organization's agency administrators can change its projects",
  })
  const changes = onlyChanges(project, patch)
  const fields = Object.keys(changes)
  if (fields.length === 0) return project
  const updated = { ...project, ...changes }
  assertOperatingDatesInOrder(updated)
  if (changes.name !== undefined) await assertProjectNameFree(db, project.organizationId, changes.name, id)

  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('project')
      .set({
        name: changes.name,
        project_type: changes.projectType,
        operating_start_date: changes.operatingStartDate,
        operating_end_date: changes.operatingEndDate,
        continuum_project: changes.continuumProject,
        hmis_participation: changes.hmisParticipation,
        active: changes.active,
        accepts_direct_referrals: changes.acceptsDirectReferrals,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, { action, entityType: 'project', entityId: id, details: { fields } })
    return updated
  })
}
