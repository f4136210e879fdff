import { DEMO_AGENCIES, DEMO_OPERATING_START, type DemoAgency, type DemoAgencyKey } from './demo-agencies'
import type { DemoSeed } from './seed-step'

/** The demo agencies and their projects (continuum projects, HMIS participating, open since 2020). */
export async function seedOrganizations(seed: DemoSeed): Promise<void> {
  for (const key of Object.keys(DEMO_AGENCIES) as DemoAgencyKey[]) {
    const agency: DemoAgency = DEMO_AGENCIES[key]
    const organization = await seed.db
      .insertInto('organization')
      .values({
        coc_id: seed.cocId,
        name: agency.name,
        victim_service_provider: agency.victimServiceProvider,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    seed.organizationIds.set(key, organization.id)
    for (const project of agency.projects) {
      const row = await seed.db
        .insertInto('project')
        .values({
          organization_id: organization.id,
          coc_id: seed.cocId,
          name: project.name,
          project_type: project.projectType,
          operating_start_date: DEMO_OPERATING_START,
          continuum_project: true,
          hmis_participation: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      seed.projectIds.set(project.name, row.id)
    }
  }
}
