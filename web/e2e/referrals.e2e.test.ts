import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_AGENCIES } from '../../server/src/demo/demo-agencies'
import { DEMO_BED_FACILITIES } from '../../server/src/demo/seed-demo-beds'
import { runReferralTimers } from '../../server/src/referrals/referral-automation'
import { dateField, expectHeading, mainNavigation, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// Closed-loop referrals in the browser: CE refers the top queued household to an RRH opening, the provider
// acknowledges, accepts and enrolls; the CE event carries the result; the household leaves the queue as
// housed. A referral to an opening linked to a family room fills the room: the CE manager's "available
// tonight" count drops by the beds filled. A decline with a reason sends the household back with the
// reason's consequence; an overdue referral shows as stalled and expires when the timers run on a clock
// moved forward.

/** The server's clock: real time, until the test moves it forward. */
let clockOffsetMs = 0
const clock = { now: () => new Date(Date.now() + clockOffsetMs) }
const environment = setUpE2eEnvironment({ clock })
const db = () => environment().database.db

async function openReferral(page: Page, id: string) {
  await page.goto(`/referrals/${id}`)
  await page.getByRole('heading', { level: 1, name: /^Referral: / }).waitFor()
}

async function referFromOpening(page: Page): Promise<{ id: string; household: string }> {
  await page.goto('/referrals')
  await page.getByRole('tab', { name: 'Openings' }).click()
  await page.getByRole('button', { name: 'Find households for Pathway Home Rapid Rehousing opening' }).click()
  const refer = page.getByRole('button', { name: /^Refer / }).first()
  const household = ((await refer.getAttribute('aria-label')) ?? '').replace(/^Refer /, '')
  await refer.click()
  await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/)
  await expectHeading(page, `Referral: ${household}`)
  return { id: page.url().split('/').pop() as string, household }
}

const queueStatusOfReferral = async (id: string) => {
  const row = await db()
    .selectFrom('referral')
    .innerJoin('queue_entry', 'queue_entry.id', 'referral.queue_entry_id')
    .select(['queue_entry.status'])
    .where('referral.id', '=', id)
    .executeTakeFirstOrThrow()
  return row.status
}

const SHELTER = DEMO_BED_FACILITIES.shelter.name
const FAMILY_SHELTER = DEMO_AGENCIES.shelter.projects[0].name

/** A family room of the shelter with every bed free now and not held: the room the opening offers. */
async function freeFamilyRoom(): Promise<{ projectId: string; unitId: string; unit: string; beds: number }> {
  const { rows } = await sql<{ projectId: string; unitId: string; unit: string; beds: number }>`
    SELECT p.id AS "projectId", u.id AS "unitId", u.name AS unit, count(*)::int AS beds
    FROM bed_unit u
    JOIN bed b ON b.unit_id = u.id
    JOIN project p ON p.id = b.project_id AND p.name = ${FAMILY_SHELTER}
    GROUP BY p.id, u.id, u.name
    HAVING bool_and(
      NOT EXISTS (SELECT 1 FROM bed_stay s WHERE s.bed_id = b.id AND upper(s.during) IS NULL)
      AND NOT EXISTS (SELECT 1 FROM bed_offline o WHERE o.bed_id = b.id AND o.during @> now())
      AND NOT EXISTS (SELECT 1 FROM reservation r WHERE r.bed_id = b.id AND r.status = 'active'))
    ORDER BY u.name
    LIMIT 1`.execute(db())
  if (!rows[0]) throw new Error('The demo has no free family room')
  return rows[0]
}

/**
 * The best-ranked candidate for the opening whose members can move in tonight (no bed elsewhere, no stay
 * in the shelter project already, no bar), preferring a family: the household the CE manager refers.
 */
async function movableCandidate(page: Page, openingId: string, projectId: string) {
  const response = await page.request.get(`/api/openings/${openingId}/candidates`)
  expect(response.status()).toBe(200)
  const candidates: { ceEnrollmentId: string; householdLabel: string; householdSize: number }[] =
    await response.json()
  const movable = []
  for (const candidate of candidates) {
    const { rows } = await sql<{ blocked: number }>`
      SELECT count(*)::int AS blocked
      FROM enrollment ce
      JOIN enrollment m ON m.enrollment_household_id = ce.enrollment_household_id AND m.exit_date IS NULL
      WHERE ce.id = ${candidate.ceEnrollmentId}::uuid
        AND (EXISTS (SELECT 1 FROM bed_stay s WHERE s.client_id = m.client_id AND upper(s.during) IS NULL)
          OR EXISTS (SELECT 1 FROM enrollment e WHERE e.client_id = m.client_id
                     AND e.project_id = ${projectId}::uuid AND e.exit_date IS NULL)
          OR EXISTS (SELECT 1 FROM client_bar b WHERE b.client_id = m.client_id))`.execute(db())
    if (rows[0]?.blocked === 0) movable.push(candidate)
  }
  const chosen = movable.find((candidate) => candidate.householdSize > 1) ?? movable[0]
  if (!chosen) throw new Error('No queued household can move into the shelter tonight')
  return chosen
}

/** The CE manager's "available tonight" at the shelter, as the Beds page shows it. */
async function availableTonightAtShelter(page: Page): Promise<number> {
  await page.reload()
  const row = page
    .getByRole('table', { name: 'Available tonight by facility' })
    .getByRole('row')
    .filter({ hasText: `${SHELTER} (` })
  await row.waitFor()
  return Number(await row.getByRole('cell').nth(1).textContent())
}

describe('referrals', () => {
  it('refers the top household, and the provider acknowledges, accepts and enrolls it', async () => {
    const ce = (await environment().openPage()).page
    await signIn(ce, 'ce.manager')
    const { id } = await referFromOpening(ce)
    await expect.poll(() => queueStatusOfReferral(id)).toBe('referred')
    await expectAccessible(ce, 'a new referral')

    const provider = (await environment().openPage()).page
    await signIn(provider, 'provider.rrh')
    await provider.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click()
    await provider
      .getByRole('link', { name: /^New referral to Pathway Home Rapid Rehousing/ })
      .first()
      .waitFor()
    await provider.keyboard.press('Escape')
    await provider.goto('/referrals')
    // The provider sees the name only under a release; the row links to the referral either way.
    await provider.locator(`a[href="/referrals/${id}"]`).click()
    await provider.getByRole('heading', { level: 1, name: /^Referral: / }).waitFor()
    await expectAccessible(provider, 'an incoming referral')
    await screenshot(provider, 'referral-incoming')

    await provider.getByRole('button', { name: 'Acknowledge' }).click()
    await provider.getByText('Acknowledged', { exact: true }).first().waitFor()
    await provider.getByRole('button', { name: 'Accept' }).click()
    await provider.getByText(/^Successful referral: client accepted/).waitFor()
    await provider.getByRole('button', { name: 'Enroll', exact: true }).click()
    const dialog = provider.getByRole('dialog', { name: 'Enroll the household' })
    await dateField(dialog, 'Project start date').waitFor()
    await dialog.getByRole('button', { name: 'Enroll household' }).click()
    await dialog.waitFor({ state: 'detached' })
    await provider.getByText('Enrolled', { exact: true }).first().waitFor()

    // The CE event carries HUD's result and its date; the household left the queue as housed.
    const event = await db()
      .selectFrom('ce_event')
      .select(['event_type', 'referral_result', 'result_date'])
      .where('referral_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({
      event_type: 13,
      referral_result: 1,
      result_date: clock.now().toISOString().slice(0, 10),
    })
    await expect.poll(() => queueStatusOfReferral(id)).toBe('housed')
    await openReferral(ce, id)
    await ce.getByText(/^Successful referral: client accepted \(/).waitFor()

    // The CE agency that enrolled the head in CE sees the event in Case Management → CE events.
    const { headClientId, ownerName } = await db()
      .selectFrom('referral')
      .innerJoin('enrollment', 'enrollment.id', 'referral.ce_enrollment_id')
      .innerJoin('organization', 'organization.id', 'enrollment.owner_organization_id')
      .select(['referral.head_client_id as headClientId', 'organization.name as ownerName'])
      .where('referral.id', '=', id)
      .executeTakeFirstOrThrow()
    const intake = (await environment().openPage()).page
    await signIn(intake, ownerName.startsWith('North') ? 'intake.north' : 'intake.south')
    await intake.goto(`/clients/${headClientId}/case-management`)
    await intake.getByRole('heading', { name: 'Coordinated Entry Events' }).waitFor()
    const row = intake.getByRole('row', { name: /Referral to RRH project resource opening/ })
    await row.getByRole('cell', { name: 'Successful referral: client accepted' }).waitFor()
    await intake.getByRole('button', { name: 'Add New' }).first().click()
    await intake.getByRole('button', { name: 'Save event' }).waitFor()
    await expectAccessible(intake, 'the CE events panel with its form')
  })

  it('a referral fills a unit and the CE manager’s availability count drops', async () => {
    const room = await freeFamilyRoom()
    const summary = `${room.unit}: the whole family room`
    const provider = (await environment().openPage()).page
    await signIn(provider, 'shelter.staff')
    // The shelter posts an opening for the room (no screen links a room yet: through the API).
    const posted = await provider.request.post('/api/openings', {
      headers: { Origin: environment().baseUrl },
      data: {
        projectId: room.projectId,
        unitId: room.unitId,
        availableOn: clock.now().toISOString().slice(0, 10),
        eligibilitySummary: summary,
      },
    })
    expect(posted.status()).toBe(201)
    const openingId: string = (await posted.json()).id

    const ce = (await environment().openPage()).page
    await signIn(ce, 'ce.manager')
    await mainNavigation(ce).getByRole('link', { name: 'Beds' }).click()
    await expectHeading(ce, 'Beds')
    const before = await availableTonightAtShelter(ce)

    const candidate = await movableCandidate(ce, openingId, room.projectId)
    const filled = Math.min(candidate.householdSize, room.beds)
    await ce.goto('/referrals')
    await ce.getByRole('tab', { name: 'Openings' }).click()
    await ce
      .getByRole('row')
      .filter({ hasText: summary })
      .getByRole('button', { name: `Find households for ${FAMILY_SHELTER} opening` })
      .click()
    await ce
      .getByRole('button', { name: `Refer ${candidate.householdLabel}`, exact: true })
      .first()
      .click()
    await ce.waitForURL(/\/referrals\/[0-9a-f-]{36}$/)
    const id = ce.url().split('/').pop() as string

    // Accepted: the room's beds are held for the household, so they are no longer available tonight.
    await openReferral(provider, id)
    await provider.getByRole('button', { name: 'Accept' }).click()
    await provider.getByText(/^Successful referral: client accepted/).waitFor()
    await ce.goto('/beds')
    await expect.poll(() => availableTonightAtShelter(ce)).toBe(before - filled)

    // Enrolled: the members are checked into the room's beds with their new enrollments.
    await provider.getByRole('button', { name: 'Enroll', exact: true }).click()
    const dialog = provider.getByRole('dialog', { name: 'Enroll the household' })
    await dateField(dialog, 'Project start date').waitFor()
    await dialog.getByRole('button', { name: 'Enroll household' }).click()
    await dialog.waitFor({ state: 'detached' })
    await provider.getByText('Enrolled', { exact: true }).first().waitFor()
    const { rows } = await sql<{ stays: number }>`
      SELECT count(*)::int AS stays
      FROM bed_stay s
      JOIN bed b ON b.id = s.bed_id AND b.unit_id = ${room.unitId}::uuid
      JOIN enrollment e ON e.id = s.enrollment_id
      JOIN referral r ON r.placement_household_id = e.enrollment_household_id AND r.id = ${id}::uuid
      WHERE upper(s.during) IS NULL`.execute(db())
    expect(rows[0]?.stays).toBe(filled)
    expect(await availableTonightAtShelter(ce)).toBe(before - filled)
  })

  it('returns a declined household to the queue with the reason’s consequence', async () => {
    const ce = (await environment().openPage()).page
    await signIn(ce, 'ce.manager')
    const { id } = await referFromOpening(ce)

    const provider = (await environment().openPage()).page
    await signIn(provider, 'provider.rrh')
    await openReferral(provider, id)
    await provider.getByRole('button', { name: 'Decline' }).click()
    const dialog = provider.getByRole('dialog', { name: 'Decline the referral' })
    await dialog.getByRole('combobox', { name: 'Reason' }).click()
    await provider.getByRole('option', { name: /^Household could not be located/ }).click()
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Three calls, no answer')
    await expectAccessible(provider, 'the decline dialog')
    await dialog.getByRole('button', { name: 'Decline referral' }).click()
    await dialog.waitFor({ state: 'detached' })
    await provider.getByText('Declined by provider', { exact: true }).first().waitFor()
    await provider.getByRole('cell', { name: 'Three calls, no answer' }).waitFor()
    expect(await queueStatusOfReferral(id)).toBe('inactive')
  })

  it('shows an overdue referral as stalled, then expires it back to the queue', async () => {
    const overdue = await db()
      .selectFrom('referral')
      .select('id')
      .where('status', '=', 'pending')
      .where('acknowledge_due_on', '<', clock.now().toISOString().slice(0, 10))
      .executeTakeFirstOrThrow()
    const tracked = await environment().openPage()
    const ce = tracked.page
    await signIn(ce, 'ce.manager')
    await ce.goto('/referrals')
    await ce.getByRole('checkbox', { name: 'Stalled only' }).check()
    await ce.getByText('Stalled', { exact: true }).first().waitFor()
    await expectAccessible(ce, 'the stalled referrals')
    await openReferral(ce, overdue.id)
    await ce.getByText('Stalled', { exact: true }).waitFor()

    // Its session would expire with the move: close it first.
    await tracked.context.close()
    clockOffsetMs = 25 * 86_400_000
    const round = await runReferralTimers({ db: db(), clock })
    expect(round.expired).toBeGreaterThan(0)
    const later = (await environment().openPage()).page
    await signIn(later, 'ce.manager')
    await openReferral(later, overdue.id)
    await later.getByText('Expired', { exact: true }).first().waitFor()
    expect(await queueStatusOfReferral(overdue.id)).toBe('ready')
  })
})
