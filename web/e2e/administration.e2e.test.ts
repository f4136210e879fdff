import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import {
  choose,
  dateField,
  expectedMenu,
  expectHeading,
  field,
  fillSignIn,
  mainNavigation,
  renderedMenu,
  shownOrganization,
  signIn,
} from './app'
import { setUpE2eEnvironment } from './harness'

const tokenFetch = (path: string, token: string) =>
  fetch(`${environment().baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } })

const environment = setUpE2eEnvironment()

describe('administration', () => {
  it('sets up an organization, a project and a user who can then sign in with the right menu', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    await signIn(page, 'admin')

    // Organization
    await mainNavigation(page).getByRole('link', { name: 'Organizations' }).click()
    await expectHeading(page, 'Organizations')
    await page.getByRole('link', { name: 'Add organization' }).click()
    await expectHeading(page, 'Add organization')
    await field(page, 'Name').fill('Riverside Outreach Partners')
    await page.getByRole('button', { name: 'Add organization' }).click()
    await expectHeading(page, 'Organizations')
    await page.getByRole('link', { name: 'Riverside Outreach Partners' }).waitFor()

    // Project: the form explains a bad date range and keeps what was typed.
    await mainNavigation(page).getByRole('link', { name: 'Projects' }).click()
    await page.getByRole('link', { name: 'Add project' }).click()
    await expectHeading(page, 'Add project')
    const main = page.getByRole('main')
    await choose(main, 'Organization', 'Riverside Outreach Partners')
    await field(main, 'Project name').fill('Riverside Street Outreach')
    await choose(main, 'Project type', 'Street Outreach')
    await dateField(main, 'Operating start date').fill('2025-03-01')
    await dateField(main, 'Operating end date').fill('2025-02-01')
    await page.getByRole('button', { name: 'Add project' }).click()
    await main.getByText('The end date must be on or after the start date').waitFor()
    expect(await field(main, 'Project name').inputValue()).toBe('Riverside Street Outreach')
    await dateField(main, 'Operating end date').fill('')
    await page.getByRole('button', { name: 'Add project' }).click()
    await expectHeading(page, 'Projects')
    await choose(main, 'Organization', 'Riverside Outreach Partners')
    const projectRow = main.getByRole('row', { name: /Riverside Street Outreach/ })
    await projectRow.waitFor()
    expect(await projectRow.textContent()).toContain('Street Outreach')
    expect(await main.getByRole('row').count()).toBe(2)

    // User: a password the server refuses is marked on its field; nothing typed is lost.
    tracked.expectFailure({ status: 400, method: 'POST', path: '/api/users' })
    await mainNavigation(page).getByRole('link', { name: 'Users' }).click()
    await page.getByRole('link', { name: 'Add user' }).click()
    await expectHeading(page, 'Add user')
    await field(main, 'Username').fill('r.quinn')
    await field(main, 'Display name').fill('Riley Quinn')
    await field(main, 'Email').fill('riley.quinn@example.org')
    await field(main, 'Initial password').fill('short')
    await choose(main, 'Organization', 'Riverside Outreach Partners')
    await choose(main, 'Role', 'Agency administrator')
    await page.getByRole('button', { name: 'Add user' }).click()
    await main.getByText('must be at least 12 characters long').waitFor()
    expect(await field(main, 'Username').inputValue()).toBe('r.quinn')
    expect(await main.getByRole('combobox', { name: 'Role', exact: true }).inputValue()).toBe(
      'Agency administrator',
    )
    await field(main, 'Initial password').fill('riverside-outreach-2026')
    await page.getByRole('button', { name: 'Add user' }).click()
    await expectHeading(page, 'Riley Quinn')
    expect(await main.textContent()).toContain('Riverside Outreach Partners')

    // The new agency administrator signs in.
    const newcomer = (await environment().openPage()).page
    await signIn(newcomer, 'r.quinn', 'riverside-outreach-2026')
    expect(await renderedMenu(newcomer)).toEqual(expectedMenu('agency_admin'))
    expect(await shownOrganization(newcomer)).toBe('Riverside Outreach Partners')
    await mainNavigation(newcomer).getByRole('link', { name: 'Organization' }).click()
    await expectHeading(newcomer, 'Riverside Outreach Partners')
    await mainNavigation(newcomer).getByRole('link', { name: 'Projects' }).click()
    await newcomer.getByRole('row', { name: /Riverside Street Outreach/ }).waitFor()
  })

  it('asks an expired session to sign in again on top of the form, then saves what was typed', async () => {
    const tracked = await environment().openPage()
    const { page } = tracked
    tracked.expectFailure({ status: 401, method: 'POST', path: '/api/organizations' })
    tracked.expectFailure({ status: 401, method: 'POST', path: '/api/auth/login' })
    await signIn(page, 'coc.admin')
    await page.goto('/admin/organizations/new')
    await expectHeading(page, 'Add organization')
    await field(page, 'Name').fill('Harbor Light Family Shelter')
    await page.getByRole('checkbox', { name: 'Victim service provider' }).check()

    // The session ends behind the user's back (as after the idle timeout).
    const loggedOut = await page.evaluate(
      async () => (await fetch('/api/auth/logout', { method: 'POST' })).status,
    )
    expect(loggedOut).toBe(204)
    await page.getByRole('button', { name: 'Add organization' }).click()

    const dialog = page.getByRole('dialog', { name: 'Your session has expired' })
    await dialog.waitFor()
    expect(await field(dialog, 'Username').inputValue()).toBe('coc.admin')
    await field(dialog, 'Password').fill('wrong-password')
    await dialog.getByRole('button', { name: 'Sign in' }).click()
    await dialog.getByText('The username or password is not correct.').waitFor()
    await field(dialog, 'Password').fill('threshold-demo')
    await dialog.getByRole('button', { name: 'Sign in' }).click()

    await dialog.waitFor({ state: 'hidden' })
    await expectHeading(page, 'Organizations')
    const row = page.getByRole('row', { name: /Harbor Light Family Shelter/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('Victim service provider')
  })

  it('issues an API token that is shown once, works, and stops working when revoked', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await mainNavigation(page).getByRole('link', { name: 'API tokens' }).click()
    await expectHeading(page, 'API tokens')
    const main = page.getByRole('main')
    await field(main, 'Name').fill('Data warehouse export')
    await choose(main, 'Acts as user', 'Robin Hayes (analyst)')
    await choose(main, 'For organization', 'Fulton County HMIS Lead')
    await main.getByRole('button', { name: 'Issue token' }).click()

    const token = ((await main.getByTestId('issued-token').textContent()) ?? '').trim()
    expect(token.length).toBeGreaterThan(20)
    expect((await tokenFetch('/api/projects', token)).status).toBe(200)
    await main.getByRole('button', { name: 'Done' }).click()
    expect(await main.getByTestId('issued-token').count()).toBe(0)
    expect(await main.textContent()).not.toContain(token)

    const row = main.getByRole('row', { name: /Data warehouse export/ })
    expect(await row.textContent()).toContain('Active')
    await row.getByRole('button', { name: 'Revoke' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click()
    await expect.poll(() => row.textContent()).toContain('Revoked')
    expect((await tokenFetch('/api/projects', token)).status).toBe(401)
  })

  it('filters the audit log by action', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await mainNavigation(page).getByRole('link', { name: 'Audit log' }).click()
    await expectHeading(page, 'Audit log')
    const main = page.getByRole('main')
    await field(main, 'Action').fill('auth.login')
    await main.getByRole('button', { name: 'Apply filters' }).click()
    await main.getByText('End of the log for these filters.').waitFor()
    const actions = await main.locator('tbody tr td:nth-child(3)').allTextContents()
    expect(actions.length).toBeGreaterThan(0)
    expect(new Set(actions)).toEqual(new Set(['auth.login']))
  })

  it('turns on two-step verification, then signs in with a code and with a recovery code', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'provider.rrh')
    await page.getByRole('banner').getByRole('button', { name: 'Sam Patel' }).click()
    await page.getByRole('menuitem', { name: 'Account and security' }).click()
    await expectHeading(page, 'Account and security')
    await page.getByRole('button', { name: 'Set up authenticator app' }).click()
    await page.getByRole('img', { name: 'QR code to add Threshold to your authenticator app' }).waitFor()
    const totp = new TOTP({
      secret: Secret.fromBase32((await page.getByTestId('totp-secret').textContent()) ?? ''),
    })
    await field(page, 'Code from the app').fill(totp.generate())
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click()
    const recoveryCodes = ((await page.getByTestId('recovery-codes').textContent()) ?? '').split('\n')
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(5)
    await page.getByRole('button', { name: 'I have saved them' }).click()
    await page.getByRole('button', { name: 'Turn off two-step verification' }).waitFor()

    // Each time step is accepted once, so the next sign-in uses the following step's code.
    const withCode = (await environment().openPage()).page
    await fillSignIn(withCode, 'provider.rrh', 'threshold-demo')
    await field(withCode, 'Authentication code').fill(totp.generate({ timestamp: Date.now() + 30_000 }))
    await withCode.getByRole('button', { name: 'Verify' }).click()
    await mainNavigation(withCode).waitFor()

    const withRecoveryCode = (await environment().openPage()).page
    await fillSignIn(withRecoveryCode, 'provider.rrh', 'threshold-demo')
    await field(withRecoveryCode, 'Authentication code').fill(recoveryCodes[0] ?? '')
    await withRecoveryCode.getByRole('button', { name: 'Verify' }).click()
    await mainNavigation(withRecoveryCode).waitFor()
  })

  it('disabling a user ends their session at once', async () => {
    const staff = (await environment().openPage()).page
    await signIn(staff, 'shelter.staff')
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await mainNavigation(page).getByRole('link', { name: 'Users' }).click()
    await page.getByRole('link', { name: 'Jamie Chen' }).click()
    await expectHeading(page, 'Jamie Chen')
    await page.getByRole('button', { name: 'Disable account' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click()
    await expect.poll(() => page.getByRole('main').textContent()).toContain('This account cannot sign in.')

    await staff.reload()
    await staff.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(new URL(staff.url()).pathname).toBe('/sign-in')
  })

  it('makes a role set up two-step verification when the CoC requires it', async () => {
    const { page } = await environment().openPage()
    await signIn(page, 'coc.admin')
    await mainNavigation(page).getByRole('link', { name: 'CoC' }).click()
    await expectHeading(page, 'Continuum of Care')
    await page.getByRole('checkbox', { name: 'Analyst (read-only)' }).check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    const analyst = (await environment().openPage()).page
    await signIn(analyst, 'analyst')
    await analyst.getByText('Set up two-step verification to continue').waitFor()
    await mainNavigation(analyst).getByRole('link', { name: 'Reports' }).click()
    await analyst.getByText('Set up two-step verification to continue').waitFor()
    await analyst.getByRole('link', { name: 'Go to your account' }).click()
    await expectHeading(analyst, 'Account and security')
    await analyst.getByRole('button', { name: 'Set up authenticator app' }).click()
    const secret = (await analyst.getByTestId('totp-secret').textContent()) ?? ''
    await field(analyst, 'Code from the app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate())
    await analyst.getByRole('button', { name: 'Turn on two-step verification' }).click()
    await analyst.getByTestId('recovery-codes').waitFor()

    await mainNavigation(analyst).getByRole('link', { name: 'Reports' }).click()
    await expectHeading(analyst, 'Reports')
  })
})
