import type { ProjectDataQuality } from '@threshold/core'
import { canSeeProjectDataQuality } from '../access/enrollment-policy'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canSeeProject } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import { projectElementShares } from './data-quality'
import type { EnrollmentContext } from './enrollment-access'
import { findProjectForEnrollment } from './enrollment-writes'

const ACTION = 'project.data_quality.read'

/** HUD APR Q6-style completeness of a project's enrollments, for its agency's admins and CoC admins. */
export async function getProjectDataQuality(
  context: EnrollmentContext,
  projectId: string,
): Promise<ProjectDataQuality> {
  const { db, actor } = context
  const project = await loadVisible({
    db,
    actor,
    entityType: 'project',
    id: projectId,
    action: ACTION,
    load: findProjectForEnrollment,
    canSee: canSeeProject,
  })
  await assertPermitted(db, actor, canSeeProjectDataQuality(actor, project), {
    action: ACTION,
    entityType: 'project',
    entityId: projectId,
    message: "The data-quality report is for the project agency's admins and CoC admins",
  })
  const { count } = await db
    .selectFrom('enrollment')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, { action: ACTION, entityType: 'project', entityId: projectId })
  return {
    projectId,
    projectName: project.name,
    enrollments: Number(count),
    elements: await projectElementShares(db, projectId),
  }
}
