import type { Role } from '@threshold/core'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_AGENCIES } from '../../server/src/demo/demo-agencies'
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/demo/demo-users'
import { NAVIGATION } from '../src/features/shell/navigation'

// How a person uses the app, in the app's own words (labels, roles, headings), shared by the browser tests.

/** Where a demo user lands after signing in: the first of their organizations by name, with its role. */
export function landingOf(username: (typeof DEMO_USERS)[number]['username']): {
  organizationName: string
  role: Role
} {
  const user = DEMO_USERS.find((candidate) => candidate.username === username)
  if (!user) throw new Error(`No demo user ${username}`)
  const [first] = user.memberships
    .map((membership) => ({ organizationName: DEMO_AGENCIES[membership.agency].name, role: membership.role }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName))
  if (!first) throw new Error(`Demo user ${username} has no membership`)
  return first
}

/** A text, password or date input by its label's accessible name (the required asterisk is not part of it). */
export const field = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('textbox', { name, exact: true })

/** A date input (no ARIA role of its own) by its label. */
export const dateField = (scope: Page | Locator, label: string): Locator => scope.getByLabel(label)

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in')
  await field(page, 'Username').fill(username)
  await field(page, 'Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in and waits for the signed-in shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await fillSignIn(page, username, password)
  await mainNavigation(page).waitFor()
}

export const mainNavigation = (page: Page): Locator =>
  page.getByRole('navigation', { name: 'Main navigation' })

/** The menu as rendered: each link's text and address, in order. */
export async function renderedMenu(page: Page): Promise<{ label: string; to: string }[]> {
  return mainNavigation(page)
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((link) => ({
        label: (link.textContent ?? '').trim(),
        to: new URL((link as HTMLAnchorElement).href).pathname,
      })),
    )
}

export function expectedMenu(role: Role): { label: string; to: string }[] {
  return NAVIGATION[role].flatMap((section) => section.items.map(({ label, to }) => ({ label, to })))
}

/** The organization name the header shows (plain text for one membership, the switcher's value for several). */
export async function shownOrganization(page: Page): Promise<string> {
  const banner = page.getByRole('banner')
  const switcher = banner.getByRole('combobox', { name: 'Organization', exact: true })
  if ((await switcher.count()) > 0) return switcher.inputValue()
  return ((await banner.getByTestId('current-organization').textContent()) ?? '').trim()
}

/** Picks an option of a Mantine Select by the select's label and the option's text. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope
  await scope.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

export async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor()
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name)
}
