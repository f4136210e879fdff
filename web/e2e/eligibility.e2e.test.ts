import { addDays } from '@threshold/core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// Eligibility rules in the browser: the CoC admin tightens the demo PSH's score rule on the project page,
// previews the effect on the queue, and saves; an intake worker then sees, on a client's dashboard, which
// programs the household is eligible for and why.

const environment = setUpE2eEnvironment()

const today = new Date().toISOString().slice(0, 10)

async function projectId(name: string): Promise<string> {
  const row = await environment()
    .database.db.selectFrom('project')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.id
}

/** A 35-year-old without a disabling condition, on North Fulton CE, scored 9, with $800/month income. */
async function clientOnNorthFultonCe(): Promise<string> {
  const { db } = environment().database
  const ceProject = await db
    .selectFrom('project')
    .select(['id', 'coc_id', 'organization_id'])
    .where('name', '=', 'North Fulton CE')
    .executeTakeFirstOrThrow()
  const owner = ceProject.organization_id
  const client = await db
    .insertInto('client')
    .values({
      coc_id: ceProject.coc_id,
      owner_organization_id: owner,
      restriction: 'open',
      first_name: 'Octavia',
      last_name: 'Wrenfield',
      name_data_quality: 1,
      dob: addDays(today, -(35 * 365 + 20)),
      dob_data_quality: 1,
      ssn_data_quality: 99,
      veteran_status: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const household = await db
    .insertInto('enrollment_household')
    .values({ project_id: ceProject.id, coc_id: ceProject.coc_id, owner_organization_id: owner })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: client.id,
      project_id: ceProject.id,
      relationship_to_hoh: 1,
      entry_date: addDays(today, -14),
      disabling_condition: 0,
      owner_organization_id: owner,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('income_benefits')
    .values({
      enrollment_id: enrollment.id,
      information_date: addDays(today, -14),
      data_collection_stage: 1,
      income_from_any_source: 1,
      total_monthly_income: 800,
    })
    .execute()
  await db
    .insertInto('ce_assessment')
    .values({
      enrollment_id: enrollment.id,
      assessment_date: addDays(today, -7),
      assessment_location_project_id: ceProject.id,
      assessment_type: 3,
      assessment_level: 2,
      prioritization_status: 1,
      score: 9,
      owner_organization_id: owner,
    })
    .execute()
  return client.id
}

const programCard = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

describe('eligibility rules', () => {
  it('a CoC admin edits a project’s rules, sees the preview, and saves', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await page.goto(`/admin/projects/${await projectId('Oakridge Permanent Supportive Housing')}`)
    const section = page.getByRole('region', { name: 'Eligibility rules' })
    const currentRules = section.getByRole('list', { name: 'Current rules' })
    await currentRules.getByText('CE assessment score 12 or more').waitFor()
    await expectAccessible(page, 'the project page with its eligibility rules')

    await section.getByRole('textbox', { name: 'Rule 3 minimum score' }).fill('10')
    await expect(section.getByRole('button', { name: 'Save rules' }).isDisabled()).resolves.toBe(true)
    await section.getByRole('button', { name: 'Preview changes' }).click()
    const preview = section.getByRole('status').filter({ hasText: 'Effect on the queue' })
    await preview.waitFor()
    expect(await preview.textContent()).toMatch(
      /\d+ queued households? eligible; (no change|\d+ (more|fewer) than before)/,
    )
    await screenshot(page, 'eligibility-preview')

    await section
      .getByRole('textbox', { name: 'Note for the edit history (optional)' })
      .fill('Score 10 is enough')
    await section.getByRole('button', { name: 'Save rules' }).click()
    await section.getByRole('status').filter({ hasText: 'Saved as version 2.' }).waitFor()
    await currentRules.getByText('CE assessment score 10 or more').waitFor()
    await section
      .getByRole('list', { name: 'Edit history' })
      .getByText(/Version 2, .* by Priya Raman: 3 rule\(s\) — Score 10 is enough/)
      .waitFor()
  })

  it('the client dashboard lists every program with rules, pass or fail, and why', async () => {
    const clientId = await clientOnNorthFultonCe()
    const { page } = await environment().openPage()
    await signIn(page, 'intake.north')
    await page.goto(`/clients/${clientId}/eligible-programs`)
    await page.getByRole('heading', { level: 2, name: 'Eligible programs' }).waitFor()

    const rrh = programCard(page, 'Pathway Home Rapid Rehousing')
    await rrh.getByText('Eligible', { exact: true }).waitFor()
    await rrh.getByText('CE score is 9', { exact: true }).waitFor()

    const family = programCard(page, 'Family-based Setting Support Program')
    await family.getByText('Not eligible', { exact: true }).waitFor()
    await family.getByText('Household is Without children: rule needs With children and adults').waitFor()

    const psh = programCard(page, 'Oakridge Permanent Supportive Housing')
    await psh.getByText('Not eligible', { exact: true }).waitFor()
    await psh.getByText(/^CE score is 9: rule needs (10|12) or more$/).waitFor()
    await expectAccessible(page, 'the client’s eligible programs')
    await screenshot(page, 'eligible-programs')
  })
})
