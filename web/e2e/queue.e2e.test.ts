import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { choose, expectHeading, mainNavigation, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

// The Housing Queue in the browser, as the CE manager: the demo queue ranked with each rank explained, a
// ranking change with its impact shown before publishing, a second browser seeing the new order live, and a
// household's position history. Confidential households never show who they are, on screen or in the CSV.

const environment = setUpE2eEnvironment()

/** Live changes arrive within a second; the margin is for a busy test machine. */
const LIVE = { timeout: 5_000 }

async function openQueue(page: Page) {
  await signIn(page, 'ce.manager')
  await mainNavigation(page).getByRole('link', { name: 'Housing Queue' }).click()
  await expectHeading(page, 'Housing Queue')
  await page.getByRole('status').filter({ hasText: 'Live: updates as they happen' }).waitFor()
  await page.getByTestId('queue-row').first().waitFor()
}

const rankedBy = (page: Page) => page.getByText(/^Ranked by /)

describe('the Housing Queue in the browser', () => {
  it('explains a rank, previews and publishes a ranking change seen live elsewhere, and shows the history', async () => {
    const watcher = (await environment().openPage()).page
    await openQueue(watcher)
    const { page } = await environment().openPage()
    await openQueue(page)
    await expectAccessible(page, 'the housing queue')
    await screenshot(page, 'housing-queue')

    const first = page.getByTestId('queue-row').first()
    await first.getByRole('button', { name: 'Why #1: ranking explanation' }).click()
    const why = page.getByRole('dialog').filter({ hasText: 'Rank 1' })
    await why.getByText('Assessment score:').waitFor()
    await why.getByText(/Ranking: All programs \(default order\), version 1/).waitFor()
    await page.keyboard.press('Escape')
    expect(await rankedBy(page).textContent()).toContain('version 1')

    await page.getByRole('button', { name: 'Ranking rules' }).click()
    const editor = page.getByRole('dialog', { name: 'Queue ranking' })
    await editor.getByRole('button', { name: 'Move Chronically homeless up' }).click()
    const publish = editor.getByRole('button', { name: 'Publish version 2' })
    expect(await publish.isDisabled()).toBe(true)
    await editor.getByRole('button', { name: 'Preview impact' }).click()
    const impact = editor
      .getByRole('status')
      .filter({ hasText: /households? changes? position; \d+ leaves? the top 20/ })
    await impact.waitFor()
    await expectAccessible(page, 'the ranking editor')
    await publish.click()
    await editor.waitFor({ state: 'hidden' })

    await watcher.getByText(/^Ranked by .*version 2/).waitFor(LIVE)
    await rankedBy(page).filter({ hasText: 'version 2' }).waitFor()

    await page
      .getByTestId('queue-row')
      .first()
      .getByRole('button', { name: /^Actions for / })
      .click()
    await page.getByRole('menuitem', { name: 'Position history' }).click()
    const history = page.getByRole('table', { name: 'Position history' })
    await history.getByText('Placed on the queue').waitFor()
    await page.getByRole('menu').waitFor({ state: 'detached' })
    await expectAccessible(page, 'the position history')
  })

  it('never shows a confidential household’s identity on the queue or in its CSV', async () => {
    const db = environment().database.db
    const { rows } = await sql<{ id: string; first_name: string; last_name: string }>`
      UPDATE client SET restriction = 'confidential'
      WHERE id = (SELECT e.client_id FROM queue_entry qe
                  JOIN enrollment e ON e.enrollment_household_id = qe.enrollment_household_id AND e.relationship_to_hoh = 1
                  JOIN queue_rank_key k ON k.queue_entry_id = qe.id AND k.program_type = 'all'
                  ORDER BY k.sort_key LIMIT 1)
      RETURNING id, first_name, last_name`.execute(db)
    const hidden = rows[0]!
    const { page } = await environment().openPage()
    await openQueue(page)
    await page.getByTestId('queue-row').first().getByText('Confidential household').waitFor()
    const text = (await page.getByRole('main').textContent()) ?? ''
    expect(text).not.toContain(`${hidden.first_name} ${hidden.last_name}`)
    expect(text).not.toContain(hidden.id.slice(0, 8))
    const csv = await page.request.get('/api/queue/export.csv')
    expect(csv.status()).toBe(200)
    const body = await csv.text()
    expect(body).toContain('deidentified')
    expect(body).not.toContain(`${hidden.first_name} ${hidden.last_name}`)
    expect(body).not.toContain(hidden.id)
  })

  it('filters by assigned worker, with "Assigned to me" as the first choice', async () => {
    const { page } = await environment().openPage()
    await openQueue(page)
    const rows = page.getByTestId('queue-row')
    await choose(page, 'Assigned worker', 'Keisha Brooks')
    await expect.poll(() => rows.filter({ hasNotText: 'Keisha Brooks' }).count()).toBe(0)
    expect(await rows.count()).toBeGreaterThan(0)
    // The CE manager works the queue but is nobody's assigned worker in the demo.
    await choose(page, 'Assigned worker', 'Assigned to me')
    await page.getByText('No households match these filters.').waitFor()
  })
})
