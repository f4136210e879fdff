import {
  AssessmentToolDefinition,
  addDays,
  DEMO_ASSESSMENT_TOOL,
  HUD_LIST_SUBSETS,
  hudLabel,
  type QueuePage,
  questionsFor,
} from '@threshold/core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { choose, dateField, signIn } from './app'
import { expectAccessible, setUpE2eEnvironment } from './harness'

// Coordinated Entry in the browser: the North Fulton intake worker enrolls a client in North Fulton CE and
// starts the guided workflow, saves a draft and pauses; the CE manager (another user, another agency)
// resumes it in a second sitting, completes every step with the demo prioritization tool, and places the
// household on the Housing Queue, which then lists it.

const environment = setUpE2eEnvironment()

const today = new Date().toISOString().slice(0, 10)
const STREET = hudLabel(HUD_LIST_SUBSETS.priorLivingSituation, 116)!

/** A 41-year-old owned by North Fulton Access Center, with a CoC-wide release so CE staff can work on it. */
async function northClient(): Promise<string> {
  const { db } = environment().database
  const north = await db
    .selectFrom('organization')
    .select(['id', 'coc_id'])
    .where('name', '=', 'North Fulton Access Center')
    .executeTakeFirstOrThrow()
  const intake = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'intake.north')
    .executeTakeFirstOrThrow()
  const client = await db
    .insertInto('client')
    .values({
      coc_id: north.coc_id,
      owner_organization_id: north.id,
      restriction: 'open',
      first_name: 'Wendell',
      last_name: 'Ashgrove',
      name_data_quality: 1,
      dob: addDays(today, -(41 * 365 + 30)),
      dob_data_quality: 1,
      ssn_data_quality: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('client_release')
    .values({
      client_id: client.id,
      coc_id: north.coc_id,
      recorded_by_organization_id: north.id,
      release_identity: true,
      release_project_data: true,
      scope: 'coc',
      organization_ids: [],
      start_date: addDays(today, -1),
      end_date: addDays(today, 364),
      documentation: 'signed',
      witness_user_id: intake.id,
      signed_by_client_id: client.id,
      created_by: intake.id,
    })
    .execute()
  return client.id
}

const stepsNav = (page: Page) => page.getByRole('navigation', { name: 'Workflow steps' })
const completeStep = (page: Page) => page.getByRole('button', { name: 'Complete step' }).click()
const openStep = (page: Page, label: string) =>
  stepsNav(page)
    .getByRole('button', { name: new RegExp(label) })
    .click()
async function stepStatus(page: Page, label: string): Promise<string> {
  return (
    (await stepsNav(page)
      .getByRole('button', { name: new RegExp(label) })
      .textContent()) ?? ''
  )
}

describe('Coordinated Entry workflow', () => {
  it('is started by the intake worker, resumed by the CE manager and ends with the household on the queue', async () => {
    const clientId = await northClient()
    const intake = (await environment().openPage()).page
    await signIn(intake, 'intake.north')
    await intake.goto(`/clients/${clientId}/coordinated-entry`)
    await intake.getByRole('button', { name: 'Enroll in Coordinated Entry' }).click()
    await choose(intake, 'Coordinated Entry project', 'North Fulton CE')
    await intake.getByRole('button', { name: 'Enroll household' }).click()
    await stepsNav(intake).waitFor()
    await expectAccessible(intake, 'CE workflow, step 1')

    // Step 1 comes filled in from the enrollment (CoC, the intake worker as case manager).
    await expect
      .poll(() => intake.getByRole('textbox', { name: '3.16 Enrollment CoC' }).inputValue())
      .toBe('GA-502')
    await completeStep(intake)
    await expect.poll(() => stepStatus(intake, 'HUD enrollment')).toContain('Completed')

    // Step 2, first sitting: part of the answers, saved as a draft; the missing elements stay listed.
    await choose(intake, '3.08 Disabling condition', 'No')
    await choose(intake, '3.917 Prior living situation', STREET)
    await intake.getByRole('button', { name: 'Save draft' }).click()
    await expect.poll(() => stepStatus(intake, 'Universal data')).toContain('Draft saved')
    const missing = intake.getByRole('list', { name: 'Missing required elements' })
    await expect.poll(() => missing.textContent()).toContain('3.917.2 Length of stay')
    await intake.getByRole('button', { name: 'Pause workflow' }).click()
    await intake.getByText('Paused by Luis Ortega').waitFor()

    // Second sitting: the CE manager resumes where the intake worker stopped.
    const manager = (await environment().openPage()).page
    await signIn(manager, 'ce.manager')
    await manager.goto(`/clients/${clientId}/coordinated-entry`)
    await manager.getByText('Paused by Luis Ortega').waitFor()
    await manager.getByRole('button', { name: 'Resume workflow' }).click()
    await expect
      .poll(() =>
        manager.getByRole('combobox', { name: '3.917 Prior living situation', exact: true }).inputValue(),
      )
      .toBe(STREET)
    await choose(
      manager,
      'Length of stay in prior living situation',
      'One month or more, but less than 90 days',
    )
    await dateField(manager, 'Approximate date homelessness started').fill(addDays(today, -400))
    await choose(manager, 'Times homeless in the past three years', 'One time')
    await choose(manager, 'Months homeless in the past three years', '12')
    await completeStep(manager)
    await expect.poll(() => stepStatus(manager, 'Universal data')).toContain('Completed')

    for (const label of [
      '4.05 Physical disability',
      '4.06 Developmental disability',
      '4.07 Chronic health condition',
      '4.08 HIV/AIDS',
      '4.09 Mental health disorder',
      '4.10 Substance use disorder',
    ])
      await choose(manager, label, 'No')
    await completeStep(manager)
    await expect.poll(() => stepStatus(manager, 'Disabilities')).toContain('Completed')

    await choose(manager, '4.11 Domestic violence survivor', 'No')
    await completeStep(manager)
    await expect.poll(() => stepStatus(manager, 'Domestic violence')).toContain('Completed')

    await dateField(manager, 'Date of contact').fill(today)
    await choose(manager, '4.12 Current living situation', STREET)
    await completeStep(manager)
    await expect.poll(() => stepStatus(manager, 'Current living situation')).toContain('Completed')

    // Step 6: HUD 4.19 with the demo prioritization tool, scored as the answers come in.
    await dateField(manager, '4.19 Date of assessment').fill(today)
    await choose(manager, 'Assessment type', 'In Person')
    await choose(manager, 'Assessment level', 'Housing Needs Assessment')
    await choose(manager, 'Prioritization status', 'Placed on prioritization list')
    const tool = AssessmentToolDefinition.parse(DEMO_ASSESSMENT_TOOL)
    for (const question of questionsFor(tool, 'single_adult').flatMap((entry) => entry.questions)) {
      if (question.type === 'single_choice')
        await manager
          .getByRole('radiogroup', { name: question.text })
          .getByRole('radio', { name: question.options[0]!.label })
          .check()
      else if (question.type === 'yes_no')
        await manager
          .getByRole('radiogroup', { name: question.text })
          .getByRole('radio', { name: 'Yes' })
          .check()
      else if (question.type === 'multi_choice')
        await manager
          .getByRole('group', { name: question.text })
          .getByRole('checkbox', { name: question.options[0]!.label })
          .check()
      else if (question.type === 'number')
        await manager.getByRole('textbox', { name: question.text }).fill(String(question.min ?? 0))
      else await manager.getByLabel(question.text).fill(today)
    }
    await expect.poll(() => manager.getByLabel('Running score').textContent()).toMatch(/^Score \d+ of \d+$/)
    await expectAccessible(manager, 'CE assessment step')
    await completeStep(manager)
    await expect.poll(() => stepStatus(manager, 'CE assessment')).toContain('Completed')
    await manager
      .getByRole('table', { name: 'CE assessments' })
      .getByText('Placed on prioritization list')
      .waitFor()

    // Step 7: placed on the queue.
    await manager.getByRole('radio', { name: 'Placed on the Housing Queue' }).check()
    await dateField(manager, 'Outcome date').fill(today)
    await completeStep(manager)
    await manager.getByText('Outcome: Placed on the Housing Queue').waitFor()

    const { db } = environment().database
    const workflow = await db
      .selectFrom('ce_workflow')
      .select(['enrollment_household_id'])
      .where('head_client_id', '=', clientId)
      .executeTakeFirstOrThrow()
    const northCe = await db
      .selectFrom('project')
      .select('id')
      .where('name', '=', 'North Fulton CE')
      .executeTakeFirstOrThrow()
    let cursor: string | null = null
    const householdIds: string[] = []
    do {
      const response = await manager.request.get(
        `/api/queue?projectId=${northCe.id}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(response.status()).toBe(200)
      const page = (await response.json()) as QueuePage
      householdIds.push(...page.rows.map((row) => row.householdId))
      cursor = page.nextCursor
    } while (cursor && !householdIds.includes(workflow.enrollment_household_id))
    expect(householdIds).toContain(workflow.enrollment_household_id)
    await openStep(manager, 'Documents')
    await expectAccessible(manager, 'CE documents step')
  })
})
