import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { canVisit, NAVIGATION, PATHS } from './navigation'

const destinations = (role: Role) =>
  NAVIGATION[role].flatMap((section) => section.items.map((item) => item.to))
const rolesReaching = (path: string) => ROLES.filter((role) => destinations(role).includes(path))

describe('navigation', () => {
  it('starts every menu at Home', () => {
    for (const role of ROLES) expect(NAVIGATION[role][0]?.items[0]).toEqual({ label: 'Home', to: PATHS.home })
  })

  it('gives each work area to the roles that do that work', () => {
    expect(rolesReaching(PATHS.housingQueue)).toEqual(['coc_admin', 'ce_manager'])
    expect(rolesReaching(PATHS.referrals)).toEqual(['ce_manager', 'housing_provider'])
    expect(rolesReaching(PATHS.beds)).toEqual(['ce_manager', 'housing_provider'])
    expect(rolesReaching(PATHS.reports)).toEqual(['agency_admin', 'analyst'])
    expect(rolesReaching(PATHS.serviceCatalogue)).toEqual(['agency_admin'])
    expect(rolesReaching(PATHS.referralSettings)).toEqual(['coc_admin'])
    expect(rolesReaching(PATHS.clients)).toEqual(expect.arrayContaining(['ce_manager', 'case_manager']))
  })

  it('keeps CoC administration with CoC-wide admins and gives an agency admin their own agency', () => {
    for (const path of [PATHS.coc, PATHS.organizations, PATHS.apiTokens]) {
      expect(rolesReaching(path)).toEqual(['system_admin', 'coc_admin'])
    }
    for (const path of [PATHS.projects, PATHS.users, PATHS.audit]) {
      expect(rolesReaching(path)).toEqual(['system_admin', 'coc_admin', 'agency_admin'])
    }
    expect(rolesReaching(PATHS.myOrganization)).toEqual(['agency_admin'])
  })

  it('allows a menu item, the pages below it and the account page, nothing else', () => {
    expect(canVisit('agency_admin', '/admin/users/new')).toBe(true)
    expect(canVisit('agency_admin', `${PATHS.users}/0b6e7f8a-1111-4c4c-8d8d-123456789abc`)).toBe(true)
    expect(canVisit('agency_admin', PATHS.organizations)).toBe(false)
    expect(canVisit('agency_admin', PATHS.myOrganization)).toBe(true)
    expect(canVisit('case_manager', PATHS.housingQueue)).toBe(false)
    expect(canVisit('case_manager', `${PATHS.clients}/`)).toBe(true)
    expect(canVisit('analyst', PATHS.account)).toBe(true)
    // Home is "/": it must not open every path to everyone.
    expect(canVisit('analyst', '/admin')).toBe(false)
    expect(canVisit('analyst', '/')).toBe(true)
    // A prefix of a word is not a page below it.
    expect(canVisit('coc_admin', '/admin/usersettings')).toBe(false)
  })
})
