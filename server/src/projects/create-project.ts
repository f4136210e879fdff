import type { NewProject, Project } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canManageProject, canSeeOrganization } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { findOrganization } from '../organizations/organizations.repository'
import { assertOperatingDatesInOrder, assertProjectNameFree, selectProjects } from './projects.repository'

/** Adds a project (HUD 2.02) to an organization; its CoC is always the organization's. */
export async function createProject({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  input: NewProject
}): Promise<Project> {
  const action = 'project.create'
  const { organizationId, ...fields } = input
  const organization = await loadVisible({
    db,
    actor,
    entityType: 'organization',
    id: organizationId,
    action,
    load: findOrganization,
    canSee: canSeeOrganization,
  })
  await assertPermitted(db, actor, canManageProject(actor, { organizationId, cocId: organization.cocId }), {
    action,
    entityType: 'project',
    details: { organizationId },
    message:
      "Only the CoC's administrators and the organization's agency administrators can add its projects",
  })
  if (!organization.active) {
    throw new AppError(
      'unprocessable',
      `${organization.name} is inactive; reactivate it before adding projects`,
    )
  }
  assertOperatingDatesInOrder(fields)
  await assertProjectNameFree(db, organizationId, fields.name)

  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('project')
      .values({
        organization_id: organizationId,
        coc_id: organization.cocId,
        name: fields.name,
        project_type: fields.projectType,
        operating_start_date: fields.operatingStartDate,
        operating_end_date: fields.operatingEndDate,
        continuum_project: fields.continuumProject,
        hmis_participation: fields.hmisParticipation,
        active: fields.active,
        accepts_direct_referrals: fields.acceptsDirectReferrals,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'project',
      entityId: row.id,
      details: { fields: Object.keys(input) },
    })
    return selectProjects(trx).where('project.id', '=', row.id).executeTakeFirstOrThrow()
  })
}
