import { sql } from 'kysely'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { autoCheckOut } from '../../server/src/beds/auto-check-out'
import { DEMO_AGENCIES } from '../../server/src/demo/demo-agencies'
import { DEMO_BED_FACILITIES } from '../../server/src/demo/seed-demo-beds'
import { choose, expectHeading, field, mainNavigation, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// The bed board in the browser, as Lantern House's shelter staff: a household checked into two beds of the
// night-by-night shelter while a second browser watches the board change live; the next morning's automatic
// check-out (run with a clock set to that morning) empties them, again live; a barred guest is refused with
// the bar's reason. Then the CE manager's CoC-wide "available tonight" counts.

/** The server's clock: real time, until the test moves it on to the next morning. */
let clockOffsetMs = 0
const clock = { now: () => new Date(Date.now() + clockOffsetMs) }
// Sessions outlive the jump to the next morning.
const environment = setUpE2eEnvironment({
  clock,
  config: { sessionIdleMinutes: 48 * 60, sessionAbsoluteHours: 48 },
})

const SHELTER = DEMO_BED_FACILITIES.shelter.name
const OVERNIGHT = DEMO_AGENCIES.shelter.projects[1].name
/** Empty dorm beds in the demo (Dorm B's first 18 beds are taken, B31 and B32 are held). */
const BEDS = { head: 'B19', partner: 'B20', barred: 'B21' } as const

interface Person {
  clientId: string
  firstName: string
  lastName: string
}
const nameOf = (person: Person) => `${person.firstName} ${person.lastName}`

/** A couple the demo enrolled in the night-by-night shelter tonight, not yet in a bed and not barred. */
async function waitingCouple(): Promise<[Person, Person]> {
  const { rows } = await sql<Person & { household: string }>`
    SELECT c.id AS "clientId", c.first_name AS "firstName", c.last_name AS "lastName",
           e.enrollment_household_id AS household
    FROM enrollment e
    JOIN project p ON p.id = e.project_id AND p.name = ${OVERNIGHT}
    JOIN client c ON c.id = e.client_id
    WHERE c.first_name IS NOT NULL AND c.last_name IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM bed_stay s WHERE s.enrollment_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM client_bar b WHERE b.client_id = c.id)
      AND (SELECT count(*) FROM enrollment m WHERE m.enrollment_household_id = e.enrollment_household_id) = 2
    ORDER BY e.enrollment_household_id, e.relationship_to_hoh`.execute(environment().database.db)
  const [head, partner] = rows
  if (!head || !partner || head.household !== partner.household)
    throw new Error('The demo has no couple waiting')
  return [head, partner]
}

async function barredGuest(): Promise<Person & { reason: string }> {
  const { rows } = await sql<Person & { reason: string }>`
    SELECT c.id AS "clientId", c.first_name AS "firstName", c.last_name AS "lastName", b.reason
    FROM client_bar b JOIN client c ON c.id = b.client_id`.execute(environment().database.db)
  if (!rows[0]) throw new Error('The demo has no bar')
  return rows[0]
}

/** Live changes arrive within a second; the margin is for a busy test machine. */
const LIVE = { timeout: 5_000 }

const bedCard = (page: Page, bed: string, unit = 'Dorm B') =>
  page.getByRole('listitem', { name: `Bed ${bed} in ${unit}` })

async function openBoard(page: Page) {
  await signIn(page, 'shelter.staff')
  await mainNavigation(page).getByRole('link', { name: 'Beds' }).click()
  await expectHeading(page, 'Beds')
  await page.getByRole('link', { name: SHELTER }).click()
  await expectHeading(page, SHELTER)
  await page.getByRole('status').filter({ hasText: 'Live: updates as they happen' }).waitFor()
}

async function startCheckIn(page: Page, bed: string): Promise<Locator> {
  await bedCard(page, bed)
    .getByRole('button', { name: `Actions for bed ${bed}` })
    .click()
  await page.getByRole('menuitem', { name: 'Check in…' }).click()
  const dialog = page.getByRole('dialog', { name: `Check in to bed ${bed}` })
  await dialog.waitFor()
  return dialog
}

/** Find Client inside the check-in dialog, then pick the person; their one open enrollment is chosen for them. */
async function findAndChoose(dialog: Locator, search: string, person: Person) {
  const form = dialog.getByRole('form', { name: search })
  await field(form, 'First name').fill(person.firstName)
  await field(form, 'Last name').fill(person.lastName)
  await field(form, 'Last name').press('Enter')
  await dialog
    .getByRole('button', { name: `Choose ${nameOf(person)}`, exact: true })
    .first()
    .click()
  const enrollment = dialog.getByRole('combobox', { name: `Enrollment of ${nameOf(person)} in ${OVERNIGHT}` })
  await expect.poll(() => enrollment.inputValue()).toMatch(/^Entered /)
}

describe('the bed board in the browser', () => {
  it('checks a household into two beds while a second browser sees the board change live', async () => {
    const [head, partner] = await waitingCouple()
    const watcher = (await environment().openPage()).page
    await openBoard(watcher)
    expect(await bedCard(watcher, BEDS.head).textContent()).toContain('Available')

    const { page } = await environment().openPage()
    await openBoard(page)
    await expectAccessible(page, 'the facility board')
    await screenshot(page, 'bed-board')

    const dialog = await startCheckIn(page, BEDS.head)
    await findAndChoose(dialog, 'Find Client: head of household (or the only person)', head)
    await dialog.getByRole('button', { name: 'Add a household member' }).click()
    await choose(dialog, 'Bed for household member 2', `Bed ${BEDS.partner} (Dorm B, ${OVERNIGHT})`)
    await findAndChoose(dialog, 'Find Client: household member 2', partner)
    // Nobody is ever created from the board: Find Client offers no "Add new client" here.
    expect(await dialog.getByRole('button', { name: 'No match — Add new client' }).count()).toBe(0)
    await expectAccessible(page, 'the check-in dialog')
    await dialog.getByRole('button', { name: 'Check in 2 people' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The watcher never reloads: the live stream brings the change.
    await expect.poll(() => bedCard(watcher, BEDS.head).textContent(), LIVE).toContain(nameOf(head))
    await expect.poll(() => bedCard(watcher, BEDS.partner).textContent(), LIVE).toContain(nameOf(partner))
    expect(await bedCard(watcher, BEDS.head).getByTestId('bed-state').textContent()).toContain('Occupied')
  })

  it('checks the night-by-night guests out the next morning, and the open board shows it', async () => {
    const { page } = await environment().openPage()
    await openBoard(page)
    expect(await bedCard(page, BEDS.head).getByTestId('bed-state').textContent()).toContain('Occupied')

    // Checked in today (UTC): the shelter's check-out time is 10:00 UTC the next morning.
    const now = clock.now()
    const nextMorning = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 10, 5)
    clockOffsetMs = nextMorning - Date.now()
    const ended = await autoCheckOut({ db: environment().database.db, clock })
    expect(ended.length).toBeGreaterThanOrEqual(2)

    await expect
      .poll(() => bedCard(page, BEDS.head).getByTestId('bed-state').textContent(), LIVE)
      .toContain('Available')
    await expect
      .poll(() => bedCard(page, BEDS.partner).getByTestId('bed-state').textContent(), LIVE)
      .toContain('Available')
    // The supportive housing and family rooms are not night-by-night: their residents stay.
    expect(await bedCard(page, '1-1', 'Room 1').getByTestId('bed-state').textContent()).toMatch(
      /Occupied|Leaving soon/,
    )
  })

  it("refuses a barred guest's check-in with the bar's reason", async () => {
    const guest = await barredGuest()
    const tracked = await environment().openPage()
    tracked.expectFailure({ status: 422, method: 'POST', path: '/api/stays/household' })
    const { page } = tracked
    await openBoard(page)
    const dialog = await startCheckIn(page, BEDS.barred)
    await findAndChoose(dialog, 'Find Client: head of household (or the only person)', guest)
    await dialog.getByRole('button', { name: 'Check in', exact: true }).click()
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Not checked in' })
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain(`barred from ${SHELTER}`)
    expect(await refusal.textContent()).toContain(`Reason: ${guest.reason}`)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await bedCard(page, BEDS.barred).getByTestId('bed-state').textContent()).toContain('Available')

    // The staff look the bar up from the board, add one for a service, and end that one again.
    await page.getByRole('button', { name: 'Bars', exact: true }).click()
    const bars = page.getByRole('dialog', { name: 'Bars' })
    const search = bars.getByRole('form', { name: 'Find Client to see or add bars' })
    await field(search, 'First name').fill(guest.firstName)
    await field(search, 'Last name').fill(guest.lastName)
    await field(search, 'Last name').press('Enter')
    await bars
      .getByRole('button', { name: `Choose ${nameOf(guest)}`, exact: true })
      .first()
      .click()
    const list = page.getByRole('table', { name: `Bars of ${nameOf(guest)}` })
    await list.getByRole('row').filter({ hasText: guest.reason }).filter({ hasText: 'Active' }).waitFor()
    await expectAccessible(page, 'the bars dialog')

    const form = page.getByRole('form', { name: `Bar ${nameOf(guest)}` })
    await choose(form, 'Barred from', 'A service')
    await field(form, 'Service').fill('Laundry room')
    await field(form, 'Reason').fill('Damaged the machines')
    await form.getByRole('button', { name: 'Add bar' }).click()
    const serviceBar = list.getByRole('row').filter({ hasText: 'Service: Laundry room' })
    await serviceBar.filter({ hasText: 'Active' }).waitFor()
    await serviceBar.getByRole('button', { name: 'End now: the bar from Service: Laundry room' }).click()
    await serviceBar.filter({ hasText: 'Ended' }).waitFor()
    expect(await list.getByRole('row').filter({ hasText: guest.reason }).textContent()).toContain('Active')
  })

  it('shows the CE manager how many beds are available tonight, by project type, household type and facility', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'ce.manager')
    await mainNavigation(page).getByRole('link', { name: 'Beds' }).click()
    await expectHeading(page, 'Beds')
    const byFacility = page.getByRole('table', { name: 'Available tonight by facility' })
    await byFacility.getByRole('row').filter({ hasText: SHELTER }).waitFor()
    await page.getByRole('table', { name: 'Available tonight by project type' }).waitFor()
    await page.getByRole('table', { name: 'Available tonight by household type' }).waitFor()
    await expectAccessible(page, 'the Beds page of a CE manager')
  })
})
