import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { runReferralTimers } from '../../server/src/referrals/referral-automation'
import { dateField, expectHeading, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// Closed-loop referrals in the browser: CE refers the top queued household to an RRH opening, the provider
// acknowledges, accepts and enrolls; the CE event carries the result; the household leaves the queue as
// housed. A decline with a reason sends the household back with the reason's consequence; an overdue
// referral shows as stalled and expires when the timers run on a clock moved forward.

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
