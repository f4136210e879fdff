import { editDistance } from '@threshold/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { nicknamesFor, stripAccents, surnameParts, swapDayAndMonth } from './entry-errors'
import {
  type DuplicateError,
  generateCoc,
  type ReleaseState,
  type SyntheticBatch,
  type SyntheticClient,
  type SyntheticCocOptions,
  type SyntheticRelease,
} from './generate-coc'
import { isValidSsn, ssnTranspositions } from './ssn'

const TODAY = '2026-01-15'
const VSP = 'org-vsp'
const ORGANIZATIONS = [
  ...Array.from({ length: 11 }, (_, index) => ({ id: `org-${index}`, staffUserId: `staff-${index}` })),
  { id: VSP, staffUserId: 'staff-vsp', victimServiceProvider: true },
]
const options = (overrides: Partial<SyntheticCocOptions> = {}): SyntheticCocOptions => ({
  seed: 2026,
  clients: 30_000,
  organizations: ORGANIZATIONS,
  today: TODAY,
  ...overrides,
})

function generateAll(coc: SyntheticCocOptions): SyntheticBatch & { batchSizes: number[] } {
  const all: SyntheticBatch & { batchSizes: number[] } = {
    clients: [],
    aliases: [],
    households: [],
    releases: [],
    duplicates: [],
    batchSizes: [],
  }
  for (const batch of generateCoc(coc)) {
    all.batchSizes.push(batch.clients.length)
    all.clients.push(...batch.clients)
    all.aliases.push(...batch.aliases)
    all.households.push(...batch.households)
    all.releases.push(...batch.releases)
    all.duplicates.push(...batch.duplicates)
  }
  return all
}

/** Whole years from a YYYY-MM-DD birth date to TODAY. */
function ageOf(dob: string): number {
  const [year, month, day] = dob.split('-').map(Number) as [number, number, number]
  const [todayYear, todayMonth, todayDay] = TODAY.split('-').map(Number) as [number, number, number]
  return todayYear - year - (todayMonth < month || (todayMonth === month && todayDay < day) ? 1 : 0)
}

const share = (count: number, total: number) => count / total
const MISSING = [8, 9, 99]

/** What is wrong with one client record (an empty list when nothing is), checked without `expect` per row. */
function recordProblems(client: SyntheticClient): string[] {
  const { nameDataQuality: name, ssnDataQuality: ssn, dobDataQuality: dob } = client
  const checks: [string, boolean][] = [
    ['name 1 has both names', name !== 1 || Boolean(client.firstName && client.lastName)],
    [
      'name 2 is a first or street name alone',
      name !== 2 || (client.firstName !== null && client.lastName === null),
    ],
    [
      'missing name has no name',
      name <= 2 || (MISSING.includes(name) && client.firstName === null && client.lastName === null),
    ],
    [
      'SSN 1 is valid, last 4 its end',
      ssn !== 1 || (isValidSsn(client.ssn!) && client.ssnLast4 === client.ssn!.slice(5)),
    ],
    ['SSN 2 is a last 4 only', ssn !== 2 || (client.ssn === null && /^\d{4}$/.test(client.ssnLast4!))],
    [
      'missing SSN has no digits',
      ssn <= 2 || (MISSING.includes(ssn) && client.ssn === null && client.ssnLast4 === null),
    ],
    ['DOB 1 is a date', dob !== 1 || /^\d{4}-\d{2}-\d{2}$/.test(client.dob!)],
    ['DOB 2 is 1 January of a year', dob !== 2 || /^\d{4}-01-01$/.test(client.dob!)],
    ['missing DOB has no date', dob <= 2 || (MISSING.includes(dob) && client.dob === null)],
    ['race none only without races', (client.raceEthnicity.length === 0) === (client.raceNone !== null)],
    ['race none is a reason', client.raceNone === null || MISSING.includes(client.raceNone)],
    ['sex is a HUD code', [0, 1, ...MISSING].includes(client.sex)],
    // Veteran status is asked of adults only.
    [
      'no veteran status only for children',
      client.veteranStatus !== null || dob !== 1 || ageOf(client.dob!) < 18,
    ],
    [
      'veteran status is a HUD code',
      client.veteranStatus === null || [0, 1, ...MISSING].includes(client.veteranStatus),
    ],
    // Nothing is dated today: the generator knows the day but not the hour.
    ['created before today', client.createdAt < TODAY],
    ['created after birth', client.dob === null || client.createdAt.slice(0, 10) >= client.dob],
  ]
  return checks.filter(([, ok]) => !ok).map(([rule]) => `${client.id}: ${rule}`)
}

function releaseProblems(release: SyntheticRelease): string[] {
  const client = byId.get(release.clientId)!
  const inForce = release.startDate <= TODAY && TODAY <= release.endDate
  const revoked = release.revokedOn
  const stateHolds: Record<ReleaseState, boolean> = {
    active_coc: inForce && !revoked && release.documentation === 'signed' && release.scope === 'coc',
    active_organizations:
      inForce && !revoked && release.documentation === 'signed' && release.scope === 'organizations',
    expired: release.endDate < TODAY && !revoked,
    revoked:
      revoked !== null && revoked >= release.startDate && revoked <= TODAY && revoked <= release.endDate,
    verbal_unsigned: inForce && !revoked && release.documentation === 'verbal',
  }
  const checks: [string, boolean][] = [
    [release.state, stateHolds[release.state]],
    ['starts before it ends', release.startDate <= release.endDate],
    [
      'names agencies exactly when not CoC-wide',
      (release.scope === 'coc') === (release.organizationIds.length === 0),
    ],
    [
      'names the recording agency',
      release.scope === 'coc' || release.organizationIds.includes(release.recordedByOrganizationId),
    ],
    ['recorded by the owner', release.recordedByOrganizationId === client.ownerOrganizationId],
    [
      'never CoC-wide for a restricted record',
      client.restriction === 'open' || release.scope === 'organizations',
    ],
  ]
  return checks.filter(([, ok]) => !ok).map(([rule]) => `${release.id}: ${rule}`)
}

let coc: ReturnType<typeof generateAll>
let byId: Map<string, SyntheticClient>
beforeAll(() => {
  coc = generateAll(options())
  byId = new Map(coc.clients.map((client) => [client.id, client]))
})

describe('generateCoc: determinism and batching', () => {
  it('gives the same rows for the same seed, whatever the batch size, and other rows for another seed', () => {
    const small = options({ clients: 3_000 })
    const first = generateAll({ ...small, batchSize: 1_000 })
    const again = generateAll({ ...small, batchSize: 250 })
    const { batchSizes: _first, ...firstRows } = first
    const { batchSizes: _again, ...againRows } = again
    expect(againRows).toEqual(firstRows)
    expect(generateAll({ ...small, seed: 2027 }).clients[0]).not.toEqual(first.clients[0])
  })

  it('makes exactly the number of clients asked for, in batches that never split a household', () => {
    expect(coc.clients).toHaveLength(30_000)
    expect(new Set(coc.clients.map((client) => client.id)).size).toBe(30_000)
    const sizes = coc.batchSizes
    expect(sizes.length).toBe(3)
    // A batch closes after the household that reached the size, so it runs over by a household at most.
    for (const size of sizes.slice(0, -1)) expect(size - 10_000).toBeGreaterThanOrEqual(0)
    for (const size of sizes.slice(0, -1)) expect(size - 10_000).toBeLessThan(10)
    expect(generateAll(options({ clients: 0 })).clients).toEqual([])
  })

  it('refuses options it cannot honour', () => {
    expect(() => generateAll(options({ clients: -1 }))).toThrow('whole number')
    expect(() => generateAll(options({ clients: 2.5 }))).toThrow('whole number')
    expect(() => generateAll(options({ organizations: [] }))).toThrow('at least one organization')
    expect(() => generateAll(options({ today: '2026-02-30' }))).toThrow('not a calendar date')
  })
})

describe('generateCoc: client records', () => {
  it('keeps every data-quality code consistent with the value it describes (HUD 3.01–3.04)', () => {
    expect(coc.clients.flatMap(recordProblems)).toEqual([])
  })

  it('has realistic shares: SSNs, partial SSNs, restrictions, double surnames, accents, children', () => {
    const total = coc.clients.length
    const count = (test: (client: SyntheticClient) => boolean) =>
      share(coc.clients.filter(test).length, total)
    expect(count((client) => client.ssnDataQuality === 1)).toBeGreaterThan(0.7)
    expect(count((client) => client.ssnDataQuality === 1)).toBeLessThan(0.8)
    expect(count((client) => client.ssnDataQuality === 2)).toBeGreaterThan(0.08)
    expect(count((client) => client.ssnDataQuality === 2)).toBeLessThan(0.12)
    expect(count((client) => client.restriction === 'restricted')).toBeGreaterThan(0.03)
    expect(count((client) => client.restriction === 'restricted')).toBeLessThan(0.08)
    expect(count((client) => client.restriction === 'confidential')).toBeGreaterThan(0.004)
    expect(count((client) => client.restriction === 'confidential')).toBeLessThan(0.025)
    expect(count((client) => /[- ]/.test(client.lastName ?? ''))).toBeGreaterThan(0.03)
    expect(count((client) => /[- ]/.test(client.lastName ?? ''))).toBeLessThan(0.09)
    expect(
      count(
        (client) =>
          stripAccents(`${client.firstName} ${client.lastName}`) !== `${client.firstName} ${client.lastName}`,
      ),
    ).toBeGreaterThan(0.02)
    const children = count((client) => client.dob !== null && ageOf(client.dob) < 18)
    expect(children).toBeGreaterThan(0.15)
    expect(children).toBeLessThan(0.35)
    const adultAges = coc.clients
      .filter((client) => client.dob && client.veteranStatus !== null)
      .map((client) => ageOf(client.dob!))
    expect(Math.min(...adultAges)).toBeGreaterThanOrEqual(18)
    // A partner may be a few years older than the oldest heads of household.
    expect(Math.max(...adultAges)).toBeLessThanOrEqual(82)
    const names = new Set(coc.clients.map((client) => client.lastName))
    for (const name of ['Nguyễn', 'Nguyen', 'Muñoz', 'García']) expect(names).toContain(name)
  })

  it('records aliases and former names for about 5 % of clients', () => {
    expect(share(coc.aliases.length, coc.clients.length)).toBeGreaterThan(0.035)
    expect(share(coc.aliases.length, coc.clients.length)).toBeLessThan(0.065)
    expect(new Set(coc.aliases.map((alias) => alias.kind))).toEqual(new Set(['former_name', 'alias']))
    for (const alias of coc.aliases) {
      expect(byId.has(alias.clientId)).toBe(true)
      expect(alias.firstName || alias.lastName).toBeTruthy()
    }
  })

  it('spreads owners over the agencies and gives the victim service provider only the confidential records', () => {
    const owned = new Map<string, number>()
    const staffOf = new Map(ORGANIZATIONS.map((org) => [org.id, org.staffUserId]))
    for (const client of coc.clients) {
      owned.set(client.ownerOrganizationId, (owned.get(client.ownerOrganizationId) ?? 0) + 1)
    }
    const misplaced = coc.clients.filter(
      (client) =>
        (client.ownerOrganizationId === VSP) !== (client.restriction === 'confidential') ||
        client.createdBy !== staffOf.get(client.ownerOrganizationId),
    )
    expect(misplaced).toEqual([])
    expect(owned.size).toBe(ORGANIZATIONS.length)
    expect(owned.get('org-0')!).toBeGreaterThan(owned.get('org-10')! * 2)
  })
})

describe('generateCoc: households', () => {
  it('puts every client in one household with exactly one current, adult head', () => {
    const problems: string[] = []
    const check = (ok: boolean, problem: string) => ok || problems.push(problem)
    const memberships = new Map<string, number>()
    for (const household of coc.households) {
      const heads = household.members.filter((member) => member.relationshipToHoh === 1 && !member.removedOn)
      check(
        heads.length === 1 && household.members[0] === heads[0],
        `${household.id}: one head, listed first`,
      )
      const head = byId.get(household.members[0]!.clientId)!
      check(head.dobDataQuality !== 1 || ageOf(head.dob!) >= 18, `${household.id}: adult head`)
      for (const member of household.members) {
        memberships.set(member.clientId, (memberships.get(member.clientId) ?? 0) + 1)
        const client = byId.get(member.clientId)!
        const where = `${household.id}/${client.id}`
        check([1, 2, 3, 4, 5].includes(member.relationshipToHoh), `${where}: HUD relationship`)
        const child = member.relationshipToHoh === 2
        check(
          !child || client.dobDataQuality !== 1 || ageOf(client.dob!) < 18,
          `${where}: a child is under 18`,
        )
        check(member.joinedOn < TODAY, `${where}: joined before today`)
        const left = member.removedOn
        check(
          !left || (left > member.joinedOn && left < TODAY && member.relationshipToHoh !== 1),
          `${where}: left`,
        )
        check(client.restriction === head.restriction, `${where}: restriction shared by the household`)
        check(client.ownerOrganizationId === household.ownerOrganizationId, `${where}: owner shared`)
      }
    }
    expect(problems).toEqual([])
    expect(memberships.size).toBe(coc.clients.length)
    expect([...memberships.values()].every((count) => count === 1)).toBe(true)
  })

  it('is mostly single adults, then families with 1–4 children, couples and youth', () => {
    const planted = new Set(coc.duplicates.map((duplicate) => duplicate.duplicateId))
    const households = coc.households.filter((household) => !planted.has(household.members[0]!.clientId))
    const kinds = (kind: string) =>
      share(households.filter((household) => household.kind === kind).length, households.length)
    expect(kinds('single_adult')).toBeGreaterThan(0.65)
    expect(kinds('single_adult')).toBeLessThan(0.75)
    expect(kinds('family')).toBeGreaterThan(0.16)
    expect(kinds('family')).toBeLessThan(0.24)
    expect(kinds('couple')).toBeGreaterThan(0.03)
    expect(kinds('youth')).toBeGreaterThan(0.02)
    for (const household of households) {
      const children = household.members.filter((member) => member.relationshipToHoh === 2).length
      if (household.kind === 'family') expect(children).toBeGreaterThanOrEqual(1)
      expect(children).toBeLessThanOrEqual(4)
      const head = byId.get(household.members[0]!.clientId)!
      if (household.kind === 'youth' && head.dobDataQuality === 1)
        expect(ageOf(head.dob!)).toBeLessThanOrEqual(24)
    }
  })
})

describe('generateCoc: releases of information', () => {
  it('has releases in every state, each with dates that put it in that state today', () => {
    expect(coc.releases.flatMap(releaseProblems)).toEqual([])
    expect(new Set(coc.releases.map((release) => release.state))).toEqual(
      new Set<ReleaseState>(['active_coc', 'active_organizations', 'expired', 'revoked', 'verbal_unsigned']),
    )
  })

  it('has children sign through their head of household, adults for themselves', () => {
    const headOf = new Map<string, string>()
    for (const household of coc.households) {
      for (const member of household.members) headOf.set(member.clientId, household.members[0]!.clientId)
    }
    const wrong = coc.releases.filter((release) => {
      const client = byId.get(release.clientId)!
      const child = client.veteranStatus === null
      return (
        release.signedByClientId !== (child ? headOf.get(client.id) : client.id) ||
        release.staffUserId !== client.createdBy
      )
    })
    expect(wrong).toEqual([])
  })
})

describe('generateCoc: planted duplicates', () => {
  it('plants about 1 % duplicates, each entered later by another agency, with every kind of slip', () => {
    expect(share(coc.duplicates.length, coc.clients.length)).toBeGreaterThan(0.008)
    expect(share(coc.duplicates.length, coc.clients.length)).toBeLessThan(0.013)
    const kinds = new Set<DuplicateError>()
    for (const { originalId, duplicateId, errors } of coc.duplicates) {
      const original = byId.get(originalId)!
      const duplicate = byId.get(duplicateId)!
      expect(duplicate.ownerOrganizationId).not.toBe(original.ownerOrganizationId)
      expect(original.restriction).not.toBe('confidential')
      expect(duplicate.createdAt > original.createdAt).toBe(true)
      expect(errors.length).toBeGreaterThanOrEqual(1)
      expect(errors.length).toBeLessThanOrEqual(2)
      for (const error of errors) kinds.add(error)
    }
    expect(kinds.size).toBe(8)
  })

  it('changes exactly what the ground truth says, and nothing else that identifies the person', () => {
    const single = coc.duplicates.filter((duplicate) => duplicate.errors.length === 1)
    expect(single.length).toBeGreaterThan(100)
    for (const { originalId, duplicateId, errors } of single) {
      const original = byId.get(originalId)!
      const duplicate = byId.get(duplicateId)!
      const expected = { ...original, firstName: original.firstName, lastName: original.lastName }
      switch (errors[0]) {
        case 'nickname':
          expect(nicknamesFor(original.firstName!)).toContain(duplicate.firstName)
          expected.firstName = duplicate.firstName
          break
        case 'first_name_typo':
          expect(editDistance(duplicate.firstName!, original.firstName!)).toBe(1)
          expected.firstName = duplicate.firstName
          break
        case 'last_name_typo':
          expect(editDistance(duplicate.lastName!, original.lastName!)).toBe(1)
          expected.lastName = duplicate.lastName
          break
        case 'surname_part':
          expect(surnameParts(original.lastName!)).toContain(duplicate.lastName)
          expected.lastName = duplicate.lastName
          break
        case 'accents_dropped':
          expect(duplicate.firstName).toBe(stripAccents(original.firstName!))
          expect(duplicate.lastName).toBe(stripAccents(original.lastName!))
          expect(`${duplicate.firstName}${duplicate.lastName}`).not.toBe(
            `${original.firstName}${original.lastName}`,
          )
          expected.firstName = duplicate.firstName
          expected.lastName = duplicate.lastName
          break
        case 'dob_day_month_swapped':
          expect(duplicate.dob).toBe(swapDayAndMonth(original.dob!))
          expected.dob = duplicate.dob
          break
        case 'ssn_transposed':
          expect(ssnTranspositions(original.ssn!)).toContain(duplicate.ssn)
          Object.assign(expected, { ssn: duplicate.ssn, ssnLast4: duplicate.ssnLast4 })
          break
        case 'ssn_missing':
          expect([original.ssn !== null, duplicate.ssn, duplicate.ssnLast4]).toEqual([true, null, null])
          Object.assign(expected, { ssn: null, ssnLast4: null, ssnDataQuality: duplicate.ssnDataQuality })
          break
      }
      const identity = (client: SyntheticClient) => [
        client.firstName,
        client.lastName,
        client.dob,
        client.ssn,
        client.ssnLast4,
        client.ssnDataQuality,
        client.sex,
      ]
      expect(identity(duplicate)).toEqual(identity(expected))
    }
  })
})
