import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../server/src/demo/demo-users'
import {
  choose,
  expectedMenu,
  expectHeading,
  field,
  fillSignIn,
  landingOf,
  mainNavigation,
  renderedMenu,
  shownOrganization,
  signIn,
} from './app'
import { setUpE2eEnvironment } from './harness'

const environment = setUpE2eEnvironment()

describe('signing in', () => {
  it('refuses a wrong password with a clear message and stays signed out', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    tracked.expectFailure({ status: 401, method: 'POST', path: '/api/auth/login' })

    await fillSignIn(page, 'coc.admin', 'not-the-password')

    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The username or password is not correct.')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(await field(page, 'Username').inputValue()).toBe('coc.admin')
    // Still signed out: opening a signed-in page comes back to the sign-in form.
    await page.goto('/admin/organizations')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(await mainNavigation(page).count()).toBe(0)
  })

  it.each(DEMO_USERS.map((user) => user.username))(
    'shows %s exactly the menu of their role and their organization',
    async (username) => {
      const { page } = await environment().openPage()
      const landing = landingOf(username)

      await signIn(page, username)

      expect(await renderedMenu(page)).toEqual(expectedMenu(landing.role))
      expect(await shownOrganization(page)).toBe(landing.organizationName)
      await expectHeading(
        page,
        `Welcome, ${DEMO_USERS.find((user) => user.username === username)?.displayName}`,
      )
    },
  )

  it('returns to the page that asked for sign-in', async () => {
    const { page } = await environment().openPage()
    await page.goto('/admin/projects')
    await field(page, 'Username').fill('coc.admin')
    await field(page, 'Password').fill('threshold-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expectHeading(page, 'Projects')
    expect(new URL(page.url()).pathname).toBe('/admin/projects')
  })

  it('switches the organization of a user with two memberships, changing menu and role', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'ce.manager')
    expect(await shownOrganization(page)).toBe('Fulton County HMIS Lead')
    expect(await renderedMenu(page)).toEqual(expectedMenu('ce_manager'))

    await mainNavigation(page).getByRole('link', { name: 'Housing Queue' }).click()
    await expectHeading(page, 'Housing Queue')
    await choose(page.getByRole('banner'), 'Organization', 'North Fulton Access Center')

    await expect.poll(() => renderedMenu(page)).toEqual(expectedMenu('case_manager'))
    expect(await shownOrganization(page)).toBe('North Fulton Access Center')
    // The Housing Queue is not a case manager's page: the switch leaves it for the home page.
    await expectHeading(page, 'Welcome, Dana Whitaker')
    expect(await page.getByRole('main').textContent()).toContain('Case manager')

    // The server agrees: a reload lands in the new organization.
    await page.reload()
    await mainNavigation(page).waitFor()
    expect(await shownOrganization(page)).toBe('North Fulton Access Center')
  })

  it('signs out from the user menu and forgets the session', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'analyst')
    await page.getByRole('banner').getByRole('button', { name: 'Robin Hayes' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await page.goto('/reports')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })
})
