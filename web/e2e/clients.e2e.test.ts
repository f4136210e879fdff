import dayjs from 'dayjs'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { choose, dateField, expectHeading, field, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// Steps 1–2 of the customer's guide, in the browser, as an intake worker of North Fulton: Find Client,
// the Basic Client Information Assessment, the household and its releases, then the record restricted so
// that an intake worker of South Fulton (named in no release) can neither find nor open it.

const environment = setUpE2eEnvironment()

/** A family nobody in the synthetic demo CoC shares a name with. */
const HEAD = { firstName: 'Zephyrine', lastName: 'Thistlewood', dob: '1988-04-17', ssn: '518-42-7731' }
const CHILD = { firstName: 'Tobias', lastName: 'Thistlewood', dob: '2013-09-03' }
const PARTNER = { firstName: 'Ambrose', lastName: 'Thistlewood', dob: '1985-11-02' }

/** Filled in by the first test, used by the ones after it (they run in order on one server). */
let headClientId = ''

const clientIdFromUrl = (page: Page) => {
  const match = /\/clients\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)
  if (!match?.[1]) throw new Error(`Not on a client page: ${page.url()}`)
  return match[1]
}

async function findClient(
  scope: Page | Locator,
  criteria: { firstName?: string; lastName?: string; dob?: string },
) {
  if (criteria.firstName) await field(scope, 'First name').fill(criteria.firstName)
  if (criteria.lastName) await field(scope, 'Last name').fill(criteria.lastName)
  if (criteria.dob) await dateField(scope, 'Date of birth').fill(criteria.dob)
  // Enter searches, as on any search form.
  await field(scope, 'Last name').press('Enter')
}

const searchSummary = (scope: Page | Locator) =>
  scope.getByRole('status').filter({ hasText: /match/ }).first()

/** The required answers a new client still needs once Find Client's values are carried over. */
async function fillRequiredDemographics(page: Page, answers: { race: string; sex: string; veteran: string }) {
  await page.getByRole('checkbox', { name: answers.race, exact: true }).check()
  await choose(page, 'Sex', answers.sex)
  await choose(page, 'Veteran status', answers.veteran)
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Client sections' }).getByRole('link', { name }).click()
  await page.getByRole('heading', { level: 2, name }).waitFor()
}

const memberRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Household members' }).getByRole('row').filter({ hasText: name })

describe('client records in the browser', () => {
  it('finds no match, adds the client from the search with the typed values, and opens the dashboard', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'intake.north')
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Clients' })
      .click()
    await expectHeading(page, 'Find Client')
    // The create form is reached from search results only.
    expect(await page.getByRole('button', { name: 'No match — Add new client' }).count()).toBe(0)

    await findClient(page, HEAD)
    await expect.poll(() => searchSummary(page).textContent()).toMatch(/match/)
    expect(await page.getByRole('main').textContent()).not.toContain(HEAD.lastName)
    await expectAccessible(page, 'Find Client with results')
    await screenshot(page, 'find-client')

    await page.getByRole('button', { name: 'No match — Add new client' }).click()
    await expectHeading(page, 'New client')
    expect(await field(page, 'First name').inputValue()).toBe(HEAD.firstName)
    expect(await field(page, 'Last name').inputValue()).toBe(HEAD.lastName)
    expect(await dateField(page, 'Date of birth').inputValue()).toBe(HEAD.dob)

    // Saving without the required answers names each missing one under its field.
    await page.getByRole('button', { name: 'Save client' }).click()
    await expect.poll(() => page.getByText('Sex is required').count()).toBe(1)
    expect(await page.getByText('Race and ethnicity is required').count()).toBe(1)

    await field(page, 'Social Security Number').fill(HEAD.ssn)
    await fillRequiredDemographics(page, {
      race: 'Black, African American, or African',
      sex: 'Female',
      veteran: 'No',
    })
    // A full name, SSN and DOB fill in their data-quality answers, as ClientTrack does.
    expect(await page.getByRole('combobox', { name: 'SSN data quality', exact: true }).inputValue()).toBe(
      'Full SSN reported',
    )
    expect(await page.getByRole('combobox', { name: 'Name data quality', exact: true }).inputValue()).toBe(
      'Full name reported',
    )
    await page.getByRole('button', { name: 'Add phone' }).click()
    await field(page, 'Phone 1').fill('404-555-0142')
    await field(page, 'Safety notes').fill('Text only; do not call after 6pm.')
    await page.getByRole('button', { name: 'Save client' }).click()

    await expectHeading(page, `${HEAD.firstName} ${HEAD.lastName}`)
    headClientId = clientIdFromUrl(page)
    const main = page.getByRole('main')
    await expect.poll(() => main.textContent()).toContain('was added')
    expect(await main.textContent()).toContain('North Fulton Access Center')
    expect(await main.textContent()).toContain('Not in a household')
    expect(await main.textContent()).toContain('***-**-7731')
    expect(await main.textContent()).toContain('Text only; do not call after 6pm.')
    await expectAccessible(page, 'the client dashboard')
    await screenshot(page, 'client-dashboard')
  })

  it('adds an existing client and a new one to the household, then changes the head', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    await signIn(page, 'intake.north')
    // The existing member: a North Fulton client recorded earlier (through the API, as another screen would).
    const existing = await page.request.post('/api/clients', {
      headers: { Origin: environment().baseUrl },
      data: {
        ...CHILD,
        ssnDataQuality: 99,
        raceEthnicity: ['BlackAfAmerican'],
        sex: 1,
        duplicateOverride: { reason: 'Recorded before the household (test fixture)' },
      },
    })
    expect(existing.status()).toBe(201)

    await page.goto(`/clients/${headClientId}/household`)
    await page.getByRole('heading', { level: 2, name: 'Household' }).waitFor()
    await page.getByRole('button', { name: 'Add member' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add household member' })
    await choose(
      dialog,
      `Relationship to ${HEAD.firstName} ${HEAD.lastName} (head of household)`,
      'Head of household’s child',
    )
    await findClient(dialog, CHILD)
    await dialog
      .getByRole('button', { name: `Add ${CHILD.firstName} ${CHILD.lastName} to the household` })
      .click()
    await dialog.waitFor({ state: 'hidden' })
    await memberRow(page, CHILD.firstName).waitFor()
    expect(await memberRow(page, CHILD.firstName).textContent()).toContain('Head of household’s child')
    expect(await memberRow(page, HEAD.firstName).textContent()).toContain('Self (Head of Household)')

    // A new member goes through the same search, then the create form with the duplicate check.
    await page.getByRole('button', { name: 'Add member' }).click()
    await choose(
      dialog,
      `Relationship to ${HEAD.firstName} ${HEAD.lastName} (head of household)`,
      'Head of household’s spouse or partner',
    )
    await findClient(dialog, PARTNER)
    await expect.poll(() => searchSummary(dialog).textContent()).toMatch(/match/)
    await dialog.getByRole('button', { name: 'No match — Add new client' }).click()
    await expectHeading(page, 'New client')
    expect(
      await page.getByRole('status').filter({ hasText: 'Adding a household member' }).textContent(),
    ).toContain('Head of household’s spouse or partner')
    expect(await field(page, 'First name').inputValue()).toBe(PARTNER.firstName)
    await choose(page, 'SSN data quality', 'Client prefers not to answer')
    await fillRequiredDemographics(page, { race: 'White', sex: 'Male', veteran: 'Yes' })
    // Veteran details appear only for a veteran.
    await choose(page, 'Branch of the military', 'Army')
    await screenshot(page, 'new-client')
    await page.getByRole('button', { name: 'Save client' }).click()

    await page.getByRole('heading', { level: 2, name: 'Household' }).waitFor()
    expect(clientIdFromUrl(page)).toBe(headClientId)
    await memberRow(page, PARTNER.firstName).waitFor()
    expect(await memberRow(page, PARTNER.firstName).textContent()).toContain(
      'Head of household’s spouse or partner',
    )

    // Changing the head re-states everyone's relationship to the new head.
    await page.getByRole('button', { name: 'Change head of household' }).click()
    const change = page.getByRole('dialog', { name: 'Change head of household' })
    await choose(change, 'New head of household', `${PARTNER.firstName} ${PARTNER.lastName}`)
    await choose(
      change,
      `Relationship of ${HEAD.firstName} ${HEAD.lastName} to ${PARTNER.firstName} ${PARTNER.lastName}`,
      'Head of household’s spouse or partner',
    )
    await change.getByRole('button', { name: 'Change head of household' }).click()
    await expect.poll(() => change.getByText('Choose a relationship').count()).toBe(1)
    await choose(
      change,
      `Relationship of ${CHILD.firstName} ${CHILD.lastName} to ${PARTNER.firstName} ${PARTNER.lastName}`,
      'Head of household’s child',
    )
    await change.getByRole('button', { name: 'Change head of household' }).click()
    await change.waitFor({ state: 'hidden' })
    await expect
      .poll(() => memberRow(page, PARTNER.firstName).textContent())
      .toContain('Self (Head of Household)')
    expect(await memberRow(page, HEAD.firstName).textContent()).toContain(
      'Head of household’s spouse or partner',
    )

    await page.getByRole('button', { name: 'History' }).click()
    const history = page.getByRole('table', { name: 'Household history' })
    await history.waitFor()
    expect(await history.textContent()).toContain(
      `${PARTNER.firstName} ${PARTNER.lastName} became head of household`,
    )
    await expectAccessible(page, 'the household page')
    await screenshot(page, 'household')
  })

  it('records releases for the household, one of them verbal', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'intake.north')
    await page.goto(`/clients/${headClientId}`)
    await openSection(page, 'Releases of information')

    const headReleases = page.getByRole('region', { name: `Releases of ${HEAD.firstName} ${HEAD.lastName}` })
    await headReleases.getByRole('button', { name: 'Add release' }).click()
    const dialog = page.getByRole('dialog')
    // The end date follows the start date: one year later.
    const start = dayjs().subtract(1, 'month')
    await dateField(dialog, 'Start date').fill(start.format('YYYY-MM-DD'))
    expect(await dateField(dialog, 'End date').inputValue()).toBe(start.add(1, 'year').format('YYYY-MM-DD'))
    await dialog.getByRole('button', { name: 'Record release' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const headRow = headReleases.getByRole('row').filter({ hasText: 'every agency in the CoC' })
    await headRow.waitFor()
    expect(await headRow.textContent()).toContain('Signed')

    const partnerReleases = page.getByRole('region', {
      name: `Releases of ${PARTNER.firstName} ${PARTNER.lastName}`,
    })
    await partnerReleases.getByRole('button', { name: 'Add release' }).click()
    await dialog.getByRole('radio', { name: 'Verbal consent' }).check()
    await dialog.getByRole('radio', { name: 'Only the agencies named below' }).check()
    await choose(dialog, 'Named agencies', 'Lantern House Shelter')
    await dialog.getByRole('button', { name: 'Record release' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const partnerRow = partnerReleases.getByRole('row').filter({ hasText: 'Lantern House Shelter' })
    await partnerRow.waitFor()
    expect(await partnerRow.textContent()).toContain('Signed form needed')

    // A minor's release is signed by the head of their household.
    const childReleases = page.getByRole('region', {
      name: `Releases of ${CHILD.firstName} ${CHILD.lastName}`,
    })
    await childReleases.getByRole('button', { name: 'Add release' }).click()
    await dialog.getByRole('button', { name: 'Record release' }).click()
    await expect.poll(() => dialog.getByText('The signer is required').count()).toBe(1)
    await choose(dialog, 'Signed by the head of household', `${PARTNER.firstName} ${PARTNER.lastName}`)
    await dialog.getByRole('button', { name: 'Record release' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await childReleases.getByRole('row').filter({ hasText: 'Active' }).waitFor()

    await partnerRow.getByRole('button', { name: 'Mark signed' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Signed form received' }).click()
    await expect.poll(() => partnerRow.textContent()).toContain('signed form recorded')
    expect(await partnerRow.textContent()).not.toContain('Signed form needed')
    await screenshot(page, 'releases')
  })

  it('keeps the edit when someone else saved first, and restricts the record', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    tracked.expectFailure({ status: 409, method: 'PATCH', path: `/api/clients/${headClientId}` })
    await signIn(page, 'intake.north')
    await page.goto(`/clients/${headClientId}/profile`)
    await page.getByRole('link', { name: 'Edit profile' }).click()
    await page.getByRole('heading', { level: 2, name: 'Edit profile' }).waitFor()
    await page.getByRole('radio', { name: 'Restricted', exact: true }).check()

    // Meanwhile a colleague changes the record.
    const current = await page.request.get(`/api/clients/${headClientId}`)
    const { version } = (await current.json()) as { version: number }
    const colleague = await page.request.patch(`/api/clients/${headClientId}`, {
      headers: { Origin: environment().baseUrl },
      data: { genderIdentity: 'Woman', version },
    })
    expect(colleague.status()).toBe(200)

    await page.getByRole('button', { name: 'Save changes' }).click()
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this record' })
    await conflict.waitFor()
    await expect.poll(() => conflict.textContent()).toContain('Gender identity')
    // The user's choice is still in the form.
    expect(await page.getByRole('radio', { name: 'Restricted', exact: true }).isChecked()).toBe(true)
    await conflict.getByRole('button', { name: 'Save my changes anyway' }).click()

    await page.getByRole('heading', { level: 2, name: 'Profile' }).waitFor()
    const header = page.getByRole('main')
    await expect.poll(() => header.textContent()).toContain('Your changes were saved.')
    expect(await header.textContent()).toContain('Restricted')
    expect(await header.textContent()).toContain('Woman')
  })

  it('hides the restricted record from another agency named in no release', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    tracked.expectFailure({ status: 404, method: 'GET', path: `/api/clients/${headClientId}` })
    await signIn(page, 'intake.south')
    await page.goto('/clients')
    await expectHeading(page, 'Find Client')
    await findClient(page, HEAD)
    await expect.poll(() => searchSummary(page).textContent()).toMatch(/match/)
    // Her son's record is open and released CoC-wide, so South may find him — but never her.
    const results = (await page.getByRole('main').textContent()) ?? ''
    expect(results).not.toContain(HEAD.firstName)
    expect(results).not.toContain(HEAD.ssn.slice(-4))
    // Nearest records may share her date of birth; none of them may be hers.
    expect(await page.locator(`a[href*="${headClientId}"]`).count()).toBe(0)

    await page.goto(`/clients/${headClientId}`)
    await page.getByRole('heading', { level: 1, name: 'Client not found' }).waitFor()
    expect(await page.getByRole('main').textContent()).not.toContain(HEAD.firstName)
  })

  it('brings a new client’s unsaved draft back after a reload', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'intake.north')
    await page.goto('/clients')
    await findClient(page, { firstName: 'Perpetua', lastName: 'Vandermolen' })
    await page.getByRole('button', { name: 'No match — Add new client' }).click()
    await expectHeading(page, 'New client')
    await field(page, 'Middle name').fill('Odette')
    await field(page, 'Gender identity').fill('Woman')

    await page.reload()
    await expectHeading(page, 'New client')
    const notice = page.getByRole('status').filter({ hasText: 'Draft restored' })
    await notice.waitFor()
    expect(await field(page, 'First name').inputValue()).toBe('Perpetua')
    expect(await field(page, 'Middle name').inputValue()).toBe('Odette')
    expect(await field(page, 'Gender identity').inputValue()).toBe('Woman')

    await notice.getByRole('button', { name: 'Discard draft' }).click()
    await expect.poll(() => field(page, 'Middle name').inputValue()).toBe('')
  })

  it('lets a CoC administrator compare, merge and split a duplicate pair, or mark a pair as two people', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Duplicate clients' })
      .click()
    await expectHeading(page, 'Duplicate clients')
    const report = page.getByRole('table', { name: 'Pairs of records that may be the same person' })
    const pairs = report.locator('tbody tr')
    await pairs.first().getByRole('link', { name: 'Compare' }).waitFor()
    const pairCount = await pairs.count()
    await screenshot(page, 'duplicates')
    expect(pairCount).toBeGreaterThan(1)

    await pairs.nth(1).getByRole('button', { name: 'Not the same person' }).click()
    const confirm = page.getByRole('dialog', { name: 'Not the same person?' })
    await confirm.getByRole('button', { name: 'Not the same person' }).click()
    await expect.poll(() => confirm.getByText('Give the reason').count()).toBe(1)
    await field(confirm, 'Reason').fill('Twins: different SSNs confirmed with both')
    await confirm.getByRole('button', { name: 'Not the same person' }).click()
    await expect.poll(() => pairs.count()).toBe(pairCount - 1)

    await pairs.first().getByRole('link', { name: 'Compare' }).click()
    await expectHeading(page, 'Compare records')
    const groups = page.getByRole('table', { name: 'The two records, field group by field group' })
    await groups.waitFor()
    const differing = groups.getByRole('radio', { name: 'Take merged' })
    if ((await differing.count()) > 0) await differing.first().check()
    await expectAccessible(page, 'the compare page')
    await screenshot(page, 'compare')
    await field(page, 'Reason for the merge').fill('Same person entered by two access points')
    await page.getByRole('button', { name: 'Merge records' }).click()
    await page
      .getByRole('dialog', { name: 'Merge these records?' })
      .getByRole('button', { name: 'Merge' })
      .click()

    await expectHeading(page, 'Duplicate clients')
    await page.getByRole('tab', { name: 'Merge history' }).click()
    const history = page.getByRole('table', { name: 'Merges of duplicate records, newest first' })
    const merged = history.locator('tbody tr').filter({ hasText: 'Same person entered by two access points' })
    await merged.waitFor()
    await merged.getByRole('button', { name: 'Split' }).click()
    const split = page.getByRole('dialog', { name: 'Undo this merge?' })
    await field(split, 'Reason').fill('Merged by mistake')
    await split.getByRole('button', { name: 'Split the records' }).click()
    await expect.poll(() => merged.textContent()).toContain('Merged by mistake')
  })
})
