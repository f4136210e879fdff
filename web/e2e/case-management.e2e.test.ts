import dayjs from 'dayjs'
import { sql } from 'kysely'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/src/auth/passwords'
import { DEMO_AGENCIES } from '../../server/src/demo/demo-agencies'
import { DEMO_PASSWORD } from '../../server/src/demo/demo-users'
import { choose, expectHeading, field, mainNavigation, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// Case management in the browser, as a case manager of the rapid rehousing agency: a family enrolled with
// income and health insurance at project start, two rental-assistance payments, a case note that is then
// locked, and the exit with a destination; then the agency admin's data-quality report shows what the
// enrollment left out on purpose (disabilities and domestic violence were never asked).

const environment = setUpE2eEnvironment()

const RRH_PROJECT = DEMO_AGENCIES.rapidRehousing.projects[0].name
const ENTRY_DATE = dayjs().subtract(20, 'day').format('YYYY-MM-DD')
const TODAY = dayjs().format('YYYY-MM-DD')

/** Staff of the rapid rehousing agency (the demo has only its housing provider): added straight to the DB. */
async function addRapidRehousingStaff(username: string, role: 'case_manager' | 'agency_admin') {
  const { db } = environment().database
  const organization = await db
    .selectFrom('organization')
    .select('id')
    .where('name', '=', DEMO_AGENCIES.rapidRehousing.name)
    .executeTakeFirstOrThrow()
  const user = await db
    .insertInto('app_user')
    .values({ username, display_name: `RRH ${role}`, password_hash: await hashPassword(DEMO_PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('membership')
    .values({ user_id: user.id, organization_id: organization.id, role })
    .execute()
}

/** A demo family of two or more the agency owns, enrolled nowhere, with no release: head and names. */
async function unenrolledFamily() {
  const { db } = environment().database
  const { rows } = await sql<{ householdId: string }>`
    SELECT hm.household_id AS "householdId"
      FROM household_member hm
      JOIN client c ON c.id = hm.client_id
      JOIN organization o ON o.id = c.owner_organization_id
     WHERE hm.removed_on IS NULL
     GROUP BY hm.household_id
    HAVING count(*) >= 2
       AND bool_and(o.name = ${DEMO_AGENCIES.rapidRehousing.name} AND c.restriction <> 'confidential')
       AND NOT bool_or(EXISTS (SELECT 1 FROM enrollment e WHERE e.client_id = c.id))
       AND NOT bool_or(EXISTS (SELECT 1 FROM client_release r WHERE r.client_id = c.id))
     LIMIT 1`.execute(db)
  const householdId = rows[0]?.householdId
  if (!householdId) throw new Error('The demo has no unenrolled rapid rehousing family')
  const members = await db
    .selectFrom('household_member')
    .innerJoin('client', 'client.id', 'household_member.client_id')
    .select(['client.id', 'client.first_name', 'client.last_name', 'household_member.relationship_to_hoh'])
    .where('household_member.household_id', '=', householdId)
    .where('household_member.removed_on', 'is', null)
    .orderBy('household_member.relationship_to_hoh')
    .execute()
  const names = members.map((member) => `${member.first_name} ${member.last_name}`)
  return { headId: members[0]!.id, names }
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Client sections' }).getByRole('link', { name }).click()
  await page.getByRole('heading', { level: 2, name }).waitFor()
}

const enrollmentCard = (page: Page) => page.getByRole('article', { name: `${RRH_PROJECT} enrollment` })

async function recordPayment(page: Page, amount: string) {
  await page.getByRole('button', { name: 'Record a service' }).click()
  const dialog = page.getByRole('dialog', { name: `Record a service — ${RRH_PROJECT}` })
  await choose(dialog, 'Service', 'Rental assistance (Financial/Rental Assistance)')
  await field(dialog, 'Amount').fill(amount)
  await field(dialog, 'Funder or grant').fill('CoC Program')
  // The payment goes to the landlord for the household: recorded once, on the head.
  await dialog.getByRole('checkbox', { name: /whole household/ }).uncheck()
  await dialog.getByRole('button', { name: 'Record service' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

const textOf = async (locator: Locator) => (await locator.textContent()) ?? ''

describe('case management in the browser', () => {
  it('enrolls a family in rapid rehousing, pays rent twice, notes and locks, exits; the report shows the gaps', async () => {
    await addRapidRehousingStaff('cm.rrh', 'case_manager')
    await addRapidRehousingStaff('admin.rrh', 'agency_admin')
    const family = await unenrolledFamily()
    const [headName, otherName] = family.names as [string, string]

    const { page } = await environment().openPage()
    await signIn(page, 'cm.rrh')
    await page.goto(`/clients/${family.headId}/enrollments`)
    await page.getByRole('heading', { level: 2, name: 'Enrollments' }).waitFor()

    // Enroll the household: project, start date, head; income and insurance of the head at project start.
    await page.getByRole('button', { name: 'Enroll household' }).click()
    const enroll = page.getByRole('dialog', { name: /household$/ })
    await enroll.getByRole('combobox', { name: 'Project', exact: true }).click()
    await page.getByRole('option', { name: new RegExp(RRH_PROJECT) }).click()
    await enroll.getByLabel('3.10 Project start date').fill(ENTRY_DATE)
    expect(
      await enroll.getByRole('radio', { name: `${headName} is the head of household` }).isChecked(),
    ).toBe(true)
    await choose(enroll, 'Income from any source', 'Yes')
    await enroll.getByRole('checkbox', { name: 'Earned income' }).check()
    await field(enroll, 'Earned income: monthly amount').fill('1250')
    await choose(enroll, 'Covered by health insurance', 'Yes')
    await enroll.getByRole('checkbox', { name: 'Medicaid' }).check()
    await choose(
      enroll,
      '3.917 Prior living situation',
      'Place not meant for habitation (e.g., a vehicle, an abandoned building, bus/train/subway station/airport or anywhere outside)',
    )
    await expectAccessible(page, 'the enroll household form')
    await enroll.getByRole('button', { name: 'Enroll' }).click()
    await enroll.waitFor({ state: 'hidden' })

    const card = enrollmentCard(page)
    await card.waitFor()
    expect(await textOf(card)).toContain('Open')
    expect(await textOf(card)).toContain(otherName)
    // The annual assessment window (±30 days of the head's anniversary) shows from the start.
    expect(await textOf(card)).toContain('Annual assessment not yet due')
    expect(await textOf(card)).toMatch(/Window .+ – .+ \(anniversary .+\)/)
    // Left out on purpose: disabilities and domestic violence were never asked.
    const missing = card.getByRole('list', { name: `Missing elements of ${RRH_PROJECT}` })
    expect(await textOf(missing)).toContain('4.11 Domestic Violence at project start: missing')
    expect(await textOf(missing)).toContain('4.05 Physical Disability at project start: missing')
    expect(await textOf(missing)).not.toContain('4.02')
    expect(await textOf(missing)).not.toContain('4.04')
    await expectAccessible(page, 'the enrollments section')
    await screenshot(page, 'enrollments')

    // Two rental-assistance payments, then their total per enrollment and household.
    await openSection(page, 'Case Management')
    await recordPayment(page, '850')
    await recordPayment(page, '900')
    const services = page.getByRole('table', { name: `Services of ${RRH_PROJECT}` })
    await expect.poll(async () => services.getByRole('row').count()).toBe(3)
    const assistance = page.getByRole('table', { name: 'Financial assistance per enrollment and household' })
    await expect.poll(() => textOf(assistance)).toContain('$1,750.00 (Rental assistance $1,750.00)')

    // A case note, back-dated, in bold, about the enrollment and the first payment; then locked.
    await page.getByRole('button', { name: 'New case note' }).click()
    const noteDialog = page.getByRole('dialog', { name: 'New case note' })
    await noteDialog.getByLabel('Entry date').fill(dayjs().subtract(1, 'day').format('YYYY-MM-DD'))
    await field(noteDialog, 'Regarding').fill('Landlord agreed to the lease')
    await noteDialog.getByRole('combobox', { name: 'Enrollment', exact: true }).click()
    await page.getByRole('option', { name: new RegExp(RRH_PROJECT) }).click()
    await noteDialog.getByLabel('Services', { exact: true }).click()
    await page.getByRole('option', { name: /Rental assistance · \$850\.00/ }).click()
    await noteDialog.getByRole('heading', { name: 'New case note' }).click()
    const editor = noteDialog.getByRole('textbox', { name: 'Note' })
    await editor.click()
    await noteDialog.getByRole('button', { name: 'Bold' }).click()
    await editor.pressSequentially('Lease starts next month.')
    await noteDialog.getByRole('button', { name: 'Save note' }).click()
    await noteDialog.waitFor({ state: 'hidden' })
    const note = page.getByRole('article', { name: 'Case note: Landlord agreed to the lease' })
    await note.waitFor()
    expect(await note.locator('strong').textContent()).toBe('Lease starts next month.')
    expect(await textOf(note)).toContain(`Enrollment: ${RRH_PROJECT} · 1 linked service`)
    await note.getByRole('button', { name: 'Lock' }).click()
    await note.getByText('Locked', { exact: true }).waitFor()
    expect(await note.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0)
    const search = page.getByRole('searchbox', { name: "Search the client's notes" })
    await search.fill('eviction')
    await page.getByText('No note matches.').waitFor()
    await search.fill('leases')
    await expect.poll(() => page.getByRole('article', { name: /^Case note:/ }).count()).toBe(1)
    await expectAccessible(page, 'the case management section')
    await screenshot(page, 'case-management')

    // Exit the household with a destination for each member.
    await openSection(page, 'Enrollments')
    await enrollmentCard(page).getByRole('button', { name: 'Exit household' }).click()
    const exit = page.getByRole('dialog', { name: `Exit the household — ${RRH_PROJECT}` })
    await exit.getByLabel('3.11 Exit date').fill(TODAY)
    for (const name of family.names) {
      await choose(exit, `3.12 Destination of ${name}`, 'Rental by client, no ongoing housing subsidy')
    }
    await exit.getByRole('button', { name: 'Exit household' }).click()
    await exit.waitFor({ state: 'hidden' })
    await expect.poll(() => textOf(enrollmentCard(page))).toContain('Exited')
    expect(await textOf(enrollmentCard(page))).toContain(
      'Destination: Rental by client, no ongoing housing subsidy',
    )

    // The agency admin's data-quality report counts what this family left missing.
    const admin = (await environment().openPage()).page
    await signIn(admin, 'admin.rrh')
    await mainNavigation(admin).getByRole('link', { name: 'Reports' }).click()
    await expectHeading(admin, 'Data quality')
    await admin.getByRole('combobox', { name: 'Project', exact: true }).click()
    await admin.getByRole('option', { name: new RegExp(RRH_PROJECT) }).click()
    const report = admin.getByRole('table', { name: /Completeness of required elements/ })
    const disabilityRow = report
      .getByRole('row')
      .filter({ hasText: '4.05 Physical Disability' })
      .filter({ hasText: 'project start' })
    await disabilityRow.waitFor()
    const missingCell = disabilityRow.getByRole('cell').nth(7)
    expect(Number((await textOf(missingCell)).split(' ')[0])).toBeGreaterThanOrEqual(family.names.length)
    await expectAccessible(admin, 'the data-quality report')
    await screenshot(admin, 'data-quality')

    // Another agency, with no release for this family, cannot open the record or its notes.
    const other = await environment().openPage()
    other.expectFailure({ status: 404, method: 'GET', path: `/api/clients/${family.headId}` })
    await signIn(other.page, 'intake.south')
    await other.page.goto(`/clients/${family.headId}/case-management`)
    await other.page.getByRole('heading', { level: 1, name: 'Client not found' }).waitFor()
    expect(await other.page.getByRole('main').textContent()).not.toContain('Landlord agreed')
  })
})
