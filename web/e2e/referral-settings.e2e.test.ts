import { hudLabel } from '@threshold/core'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { choose, expectHeading, signIn } from './app'
import { expectAccessible, setUpE2eEnvironment } from './harness'

// Referral settings and bed-linked openings in the browser: a CoC administrator changes what a decline
// reason does to the household and how long rapid rehousing providers have to decide, and both are still
// there after a reload; a CE manager posts an opening for one free bed and the opening names that bed.

const environment = setUpE2eEnvironment()
const db = () => environment().database.db

const RRH = hudLabel('2.02.6', 13) as string

async function openSettings(page: Page) {
  await page.goto('/admin/referral-settings')
  await expectHeading(page, 'Referral settings')
  await page.getByRole('heading', { level: 2, name: 'Decline reasons' }).waitFor()
  await page.getByRole('heading', { level: 2, name: 'Timers by project type' }).waitFor()
}

/** A bed free now (no stay, not offline, not held), with where it is and the project it serves. */
async function freeBed() {
  const { rows } = await sql<{ facility: string; unit: string; bed: string; project: string }>`
    SELECT f.name AS facility, u.name AS unit, b.name AS bed, p.name AS project
    FROM bed b
    JOIN bed_unit u ON u.id = b.unit_id
    JOIN facility f ON f.id = b.facility_id
    JOIN project p ON p.id = b.project_id
    WHERE b.active_from <= current_date AND (b.active_to IS NULL OR b.active_to >= current_date)
      AND NOT EXISTS (SELECT 1 FROM bed_stay s WHERE s.bed_id = b.id AND upper(s.during) IS NULL)
      AND NOT EXISTS (SELECT 1 FROM bed_offline o WHERE o.bed_id = b.id AND o.during @> now())
      AND NOT EXISTS (SELECT 1 FROM reservation r WHERE r.bed_id = b.id AND r.status = 'active')
    ORDER BY f.name, u.name, b.name
    LIMIT 1`.execute(db())
  if (!rows[0]) throw new Error('The demo has no free bed')
  return rows[0]
}

describe('referral settings', () => {
  it('keeps a changed decline consequence and the rapid rehousing timer across a reload', async () => {
    const page = (await environment().openPage()).page
    await signIn(page, 'coc.admin')
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Referral settings' })
      .click()
    await openSettings(page)
    await expectAccessible(page, 'referral settings')

    const consequence = page.getByRole('combobox', { name: 'Consequence of Self-resolved' })
    expect(await consequence.inputValue()).toBe('needs_reassessment')
    await consequence.selectOption('inactive')
    // "Inactive" needs its number of days: the form says so before anything is sent.
    await page.getByRole('button', { name: 'Save decline reasons' }).click()
    await page.getByText('Enter 1 to 365 days').waitFor()
    await page.getByRole('textbox', { name: 'Days inactive for Self-resolved' }).fill('14')
    await page.getByRole('button', { name: 'Save decline reasons' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor()

    const decision = page.getByRole('textbox', { name: `Decision (days) for ${RRH}` })
    expect(await decision.getAttribute('placeholder')).toBe('10')
    await decision.fill('7')
    await page.getByRole('button', { name: 'Save timers' }).click()
    await page.getByRole('button', { name: 'Save timers' }).waitFor()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(2)

    await page.reload()
    await openSettings(page)
    expect(await page.getByRole('combobox', { name: 'Consequence of Self-resolved' }).inputValue()).toBe(
      'inactive',
    )
    expect(await page.getByRole('textbox', { name: 'Days inactive for Self-resolved' }).inputValue()).toBe(
      '14',
    )
    expect(await page.getByRole('textbox', { name: `Decision (days) for ${RRH}` }).inputValue()).toBe('7')
    // The rest of the line took the built-in values it showed.
    expect(await page.getByRole('textbox', { name: `Expire (days) for ${RRH}` }).inputValue()).toBe('20')
  })

  it('lets a CE manager post an opening for a free bed and shows the bed on the opening', async () => {
    const bed = await freeBed()
    const page = (await environment().openPage()).page
    await signIn(page, 'ce.manager')
    await page.goto('/referrals')
    await page.getByRole('tab', { name: 'Openings' }).click()
    await choose(page, 'Project', bed.project)
    const place = `${bed.facility} · ${bed.unit}`
    await choose(page, 'Bed or unit', `${place} · bed ${bed.bed} (available)`)
    await page.getByRole('button', { name: 'Post opening' }).click()
    const row = page.getByRole('row').filter({ hasText: `Bed ${bed.bed}, ${bed.unit}, ${bed.facility}` })
    await row.waitFor()
    expect(await row.textContent()).toContain(bed.project)
  })
})
