import { ROLES, type Role } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import type { Actor, AnonymousActor, UserActor } from './actor'
import { systemActor } from './actor'
import type { UserScope } from './policy'
import * as policy from './policy'

// Every predicate, for an actor of each role acting in agency A1 of CoC A, against a target in their own
// agency (A1), another agency of their CoC (A2) and an agency of another CoC (B1).

const A1 = { id: 'org-a1', cocId: 'coc-a' }
const A2 = { id: 'org-a2', cocId: 'coc-a' }
const B1 = { id: 'org-b1', cocId: 'coc-b' }
type Target = typeof A1
const TARGETS = [
  ['own agency', A1],
  ['other agency, same CoC', A2],
  ['other CoC', B1],
] as const

/** Allowed on [own agency, other agency of the CoC, other CoC]. */
type Reach = readonly [boolean, boolean, boolean]
const everywhere: Reach = [true, true, true]
const inCoc: Reach = [true, true, false]
const ownAgency: Reach = [true, false, false]
const nowhere: Reach = [false, false, false]

const actorWith = (role: Role): UserActor => ({
  kind: 'user',
  userId: 'actor',
  username: 'actor',
  organizationId: A1.id,
  cocId: A1.cocId,
  role,
  sessionId: null,
  apiTokenId: null,
  requestId: null,
  ip: null,
})
const anonymous: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null }
const userIn = (target: Target, role: Role): UserScope => ({
  id: 'someone-else',
  memberships: [{ organizationId: target.id, cocId: target.cocId, role }],
})

interface PredicateTable {
  name: string
  check: (actor: Actor, target: Target) => boolean
  /** Roles not listed reach nowhere. */
  reach: Partial<Record<Role, Reach>>
}

const seesTheirCoc = Object.fromEntries(ROLES.map((role) => [role, inCoc])) as Record<Role, Reach>
const cocAdmins = { system_admin: everywhere, coc_admin: inCoc }
const cocAndAgencyAdmins = { ...cocAdmins, agency_admin: ownAgency }

const TABLES: PredicateTable[] = [
  {
    name: 'canSeeCoc',
    check: (actor, target) => policy.canSeeCoc(actor, { id: target.cocId }),
    reach: { ...seesTheirCoc, system_admin: everywhere },
  },
  { name: 'canCreateCoc', check: (actor) => policy.canCreateCoc(actor), reach: { system_admin: everywhere } },
  {
    name: 'canAdministerCoc',
    check: (actor, target) => policy.canAdministerCoc(actor, { id: target.cocId }),
    reach: cocAdmins,
  },
  {
    name: 'canSeeOrganization',
    check: policy.canSeeOrganization,
    reach: { ...seesTheirCoc, system_admin: everywhere },
  },
  {
    name: 'canEditOrganization (name)',
    check: (actor, target) => policy.canEditOrganization(actor, target, {}),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canEditOrganization (active)',
    check: (actor, target) => policy.canEditOrganization(actor, target, { active: false }),
    reach: cocAdmins,
  },
  {
    name: 'canEditOrganization (victimServiceProvider)',
    check: (actor, target) => policy.canEditOrganization(actor, target, { victimServiceProvider: true }),
    reach: cocAdmins,
  },
  {
    name: 'canSeeProject',
    check: policy.canSeeProject,
    reach: { ...seesTheirCoc, system_admin: everywhere },
  },
  {
    name: 'canManageProject',
    check: (actor, target) =>
      policy.canManageProject(actor, { organizationId: target.id, cocId: target.cocId }),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canSeeUser (a case manager)',
    check: (actor, target) => policy.canSeeUser(actor, userIn(target, 'case_manager')),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canManageUser (a case manager)',
    check: (actor, target) => policy.canManageUser(actor, userIn(target, 'case_manager')),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canManageUser (an agency admin)',
    check: (actor, target) => policy.canManageUser(actor, userIn(target, 'agency_admin')),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canManageUser (a CoC admin)',
    check: (actor, target) => policy.canManageUser(actor, userIn(target, 'coc_admin')),
    reach: cocAdmins,
  },
  {
    name: 'canManageUser (a CE manager)',
    check: (actor, target) => policy.canManageUser(actor, userIn(target, 'ce_manager')),
    reach: cocAdmins,
  },
  {
    name: 'canManageUser (a system admin)',
    check: (actor, target) => policy.canManageUser(actor, userIn(target, 'system_admin')),
    reach: { system_admin: everywhere },
  },
  {
    name: 'canAssignRole (case_manager)',
    check: (actor, target) => policy.canAssignRole(actor, 'case_manager', target),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canAssignRole (agency_admin)',
    check: (actor, target) => policy.canAssignRole(actor, 'agency_admin', target),
    reach: cocAndAgencyAdmins,
  },
  {
    name: 'canAssignRole (ce_manager)',
    check: (actor, target) => policy.canAssignRole(actor, 'ce_manager', target),
    reach: cocAdmins,
  },
  {
    name: 'canAssignRole (coc_admin)',
    check: (actor, target) => policy.canAssignRole(actor, 'coc_admin', target),
    reach: cocAdmins,
  },
  {
    name: 'canAssignRole (system_admin)',
    check: (actor, target) => policy.canAssignRole(actor, 'system_admin', target),
    reach: { system_admin: everywhere },
  },
  {
    name: 'canReadAudit',
    check: (actor) => policy.canReadAudit(actor),
    reach: { system_admin: everywhere, coc_admin: everywhere, agency_admin: everywhere },
  },
  {
    name: 'canSeeAuditEvent',
    check: (actor, target) =>
      policy.canSeeAuditEvent(actor, { organizationId: target.id, organizationCocId: target.cocId }),
    reach: cocAndAgencyAdmins,
  },
]

const rows = TABLES.flatMap((table) =>
  ROLES.flatMap((role) =>
    TARGETS.map(([where, target], index) => ({
      predicate: table.name,
      role,
      where,
      check: () => table.check(actorWith(role), target),
      allowed: (table.reach[role] ?? nowhere)[index],
    })),
  ),
)

describe('policy predicates: 7 roles × own agency / other agency / other CoC', () => {
  it.each(rows)('$predicate: $role on $where → $allowed', ({ check, allowed }) => {
    expect(check()).toBe(allowed)
  })

  it.each(TABLES)('$name: the system actor may, an anonymous one may not', ({ check }) => {
    for (const [, target] of TARGETS) {
      expect(check(systemActor, target)).toBe(true)
      expect(check(anonymous, target)).toBe(false)
    }
  })

  it('covers every predicate the policy exports', () => {
    const tested = new Set(TABLES.map((table) => table.name.split(' ')[0]))
    const helpers = new Set(['isSystem', 'isUser', 'isCocWideRole'])
    const predicates = Object.entries(policy)
      .filter(([name, value]) => typeof value === 'function' && !helpers.has(name))
      .map(([name]) => name)
    expect(
      predicates.filter((name) => !tested.has(name)),
      'add a table above for each new predicate',
    ).toEqual([])
  })
})

describe('user administration beyond one membership', () => {
  const inBoth = (first: Target, second: Target): UserScope => ({
    id: 'someone-else',
    memberships: [
      { organizationId: first.id, cocId: first.cocId, role: 'case_manager' },
      { organizationId: second.id, cocId: second.cocId, role: 'case_manager' },
    ],
  })

  it("keeps a user shared with another agency out of one agency admin's hands, not the CoC admin's", () => {
    expect(policy.canManageUser(actorWith('agency_admin'), inBoth(A1, A2))).toBe(false)
    expect(policy.canManageUser(actorWith('coc_admin'), inBoth(A1, A2))).toBe(true)
  })

  it('keeps a user who also works in another CoC with the system administrators', () => {
    expect(policy.canManageUser(actorWith('coc_admin'), inBoth(A1, B1))).toBe(false)
    expect(policy.canManageUser(actorWith('system_admin'), inBoth(A1, B1))).toBe(true)
  })

  it('lets everyone see their own account but administer it only through their role', () => {
    for (const role of ROLES) {
      const self: UserScope = { id: 'actor', memberships: [{ organizationId: A1.id, cocId: A1.cocId, role }] }
      expect(policy.canSeeUser(actorWith(role), self)).toBe(true)
      expect(policy.canManageUser(actorWith(role), self)).toBe(
        policy.canAssignRole(actorWith(role), role, A1),
      )
    }
  })

  it('gives a user without memberships to system administrators only', () => {
    const orphan: UserScope = { id: 'someone-else', memberships: [] }
    expect(ROLES.filter((role) => policy.canManageUser(actorWith(role), orphan))).toEqual(['system_admin'])
  })

  it('names the CoC-wide roles', () => {
    expect(ROLES.filter(policy.isCocWideRole)).toEqual(['system_admin', 'coc_admin'])
  })
})
