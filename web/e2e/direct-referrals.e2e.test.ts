import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DEMO_AGENCIES } from '../../server/src/demo/demo-agencies'
import { signIn } from './app'
import { expectAccessible, setUpE2eEnvironment } from './harness'

// A direct project-to-project referral: a shelter case manager refers a household staying there to the
// rapid rehousing project, which accepts direct referrals, from the enrollment on the client's page.

const environment = setUpE2eEnvironment()
const db = () => environment().database.db

const SHELTER = DEMO_AGENCIES.shelter.name
const RRH_PROJECT = DEMO_AGENCIES.rapidRehousing.projects[0].name

/** A household head with an open shelter enrollment and no active RRH referral, and its project. */
async function shelterHead(): Promise<{ clientId: string; enrollmentId: string; projectName: string }> {
  const { rows } = await sql<{ clientId: string; enrollmentId: string; projectName: string }>`
    SELECT e.client_id AS "clientId", e.id AS "enrollmentId", p.name AS "projectName"
    FROM enrollment e
    JOIN project p ON p.id = e.project_id
    JOIN organization o ON o.id = p.organization_id AND o.id = e.owner_organization_id AND o.name = ${SHELTER}
    JOIN client c ON c.id = e.client_id AND c.restriction = 'open' AND c.merged_into_client_id IS NULL
    WHERE e.exit_date IS NULL AND e.relationship_to_hoh = 1 AND p.project_type <> 14
      AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.head_client_id = e.client_id AND r.program_type = 13
                      AND r.status IN ('pending', 'acknowledged', 'accepted'))
    ORDER BY p.name, e.entry_date, e.id
    LIMIT 1`.execute(db())
  if (!rows[0]) throw new Error('The demo has no household staying at the shelter')
  return rows[0]
}

describe('direct referral', () => {
  it('goes from the shelter enrollment to an RRH opening that accepts direct referrals', async () => {
    const rrh = await db()
      .updateTable('project')
      .set({ accepts_direct_referrals: true })
      .where('name', '=', RRH_PROJECT)
      .returning(['id', 'coc_id', 'organization_id'])
      .executeTakeFirstOrThrow()
    await db()
      .insertInto('referral_opening')
      .values({
        coc_id: rrh.coc_id,
        project_id: rrh.id,
        organization_id: rrh.organization_id,
        capacity: 2,
        available_on: new Date().toISOString().slice(0, 10),
        posted_by_organization_id: rrh.organization_id,
      })
      .execute()
    const head = await shelterHead()
    // Client pages are case managers' work: the shelter's demo user works as one here.
    await sql`UPDATE membership SET role = 'case_manager'
              WHERE user_id = (SELECT id FROM app_user WHERE username = 'shelter.staff')`.execute(db())

    const page = (await environment().openPage()).page
    await signIn(page, 'shelter.staff')
    await page.goto(`/clients/${head.clientId}/enrollments`)
    const card = page.getByRole('article', { name: `${head.projectName} enrollment` })
    await card.getByRole('button', { name: 'Refer to another project' }).click()
    const dialog = page.getByRole('dialog', { name: 'Refer to another project' })
    await dialog.getByRole('combobox', { name: 'Opening', exact: true }).click()
    await page
      .getByRole('option', { name: new RegExp(`^${RRH_PROJECT} `) })
      .first()
      .click()
    await expectAccessible(page, 'the direct referral form')
    await dialog.getByRole('button', { name: 'Send referral' }).click()
    await dialog.getByRole('status').getByText('Referral sent').waitFor()

    const referral = await db()
      .selectFrom('referral')
      .select(['id', 'ce_enrollment_id', 'status'])
      .where('source_enrollment_id', '=', head.enrollmentId)
      .executeTakeFirstOrThrow()
    expect(referral).toMatchObject({ ce_enrollment_id: null, status: 'pending' })

    // The receiving provider sees where it came from.
    const provider = (await environment().openPage()).page
    await signIn(provider, 'provider.rrh')
    await provider.goto(`/referrals/${referral.id}`)
    await provider.getByRole('heading', { level: 1, name: /^Referral: / }).waitFor()
    await provider.getByText(`Not from the queue: direct referral from ${head.projectName}`).waitFor()
  })
})
