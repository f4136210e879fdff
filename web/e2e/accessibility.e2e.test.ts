import { describe, expect, it } from 'vitest'
import { NAVIGATION } from '../src/features/shell/navigation'
import { expectHeading, fillSignIn, mainNavigation, signIn } from './app'
import { expectAccessible, screenshot, setUpE2eEnvironment } from './harness'

const environment = setUpE2eEnvironment()

const ADMIN_PAGES = NAVIGATION.system_admin.flatMap((section) => section.items)

describe('accessibility (axe: no serious or critical violations)', () => {
  it('the sign-in page, empty and with an error', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    tracked.expectFailure({ status: 401, method: 'POST', path: '/api/auth/login' })
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await expectAccessible(page, 'the sign-in page')
    await screenshot(page, 'sign-in')
    await fillSignIn(page, 'analyst', 'wrong-password')
    await page.getByRole('alert').waitFor()
    await expectAccessible(page, 'the sign-in page with an error')
  })

  it('the shell with the organization switcher, and the account page', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'ce.manager')
    await expectAccessible(page, 'the home page of a CE manager')
    await screenshot(page, 'home-ce-manager')
    await page.getByRole('banner').getByRole('button', { name: 'Dana Whitaker' }).click()
    await page.getByRole('menuitem', { name: 'Account and security' }).click()
    await expectHeading(page, 'Account and security')
    await page.getByRole('menu').waitFor({ state: 'detached' })
    await expectAccessible(page, 'the account page')
  })

  it('every administration list page and the add forms', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'admin')
    await expectAccessible(page, 'the home page of a system administrator')
    for (const item of ADMIN_PAGES.filter((candidate) => candidate.to !== '/')) {
      await mainNavigation(page).getByRole('link', { name: item.label, exact: true }).click()
      await page.waitForURL((url) => url.pathname === item.to)
      await page.getByRole('heading', { level: 1 }).waitFor()
      // Lists load after the heading: wait until no loader is left.
      await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' })
      await expectAccessible(page, `${item.label} (${item.to})`)
      await screenshot(page, item.to.replaceAll('/', '_'))
    }
    for (const [path, heading] of [
      ['/admin/organizations/new', 'Add organization'],
      ['/admin/projects/new', 'Add project'],
      ['/admin/users/new', 'Add user'],
    ] as const) {
      await page.goto(path)
      await expectHeading(page, heading)
      await expectAccessible(page, heading)
    }
  })

  it('signs in and reaches the page content with the keyboard alone', async () => {
    const { page } = await environment().openPage()
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.type('coc.admin')
    await page.keyboard.press('Tab')
    await page.keyboard.type('threshold-demo')
    await page.keyboard.press('Enter')
    await mainNavigation(page).waitFor()
    expect(await page.title()).toBe('Welcome, Priya Raman · Threshold')

    // The first Tab offers a way past the header and menu, visibly.
    await page.keyboard.press('Tab')
    const skipLink = page.getByRole('link', { name: 'Skip to main content' })
    expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true)
    const box = await skipLink.boundingBox()
    expect(box && box.y >= 0).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content')
  })
})
