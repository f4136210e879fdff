import {
  compareRanked,
  type QueuePositionEvent,
  type QueueRow,
  type RankingKey,
  ROLES,
} from '@threshold/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { systemActor, type UserActor } from '../access/actor'
import { loadClientAccessFactsMany } from '../access/client-visibility'
import { canSeeQueueEntry, queueRowIdentity } from '../access/queue-policy'
import { createProject } from '../beds/beds.fixtures'
import { insertCeDocument, insertQueuedHousehold, type QueuedHouseholdSpec } from './queue.fixtures'
import { selectQueuePage } from './queue.repository'
import { refreshQueueEligibility } from './queue-eligibility'
import { refreshQueueEntry } from './queue-membership'
import { builtInRanking, sortKeySql } from './queue-order'

// The Housing Queue over HTTP: ranking and its explanation, filters and cursor paging, identity masking,
// status changes with optimistic versions, the document checklist, ranking versions with their impact,
// position history, and the CSV export.

let t: TestApp
const NOW = new Date('2026-02-01T12:00:00Z')
let world: Awaited<ReturnType<typeof buildWorld>>

async function buildWorld() {
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const ce = await createOrganization(t.db, coc.id, 'Fulton CE')
  const agency = await createOrganization(t.db, coc.id, 'Northside Outreach')
  const other = await createOrganization(t.db, coc.id, 'Harbor Shelter')
  const signIn = async (
    username: string,
    organizationId: string,
    role: 'ce_manager' | 'case_manager' | 'coc_admin' | 'housing_provider',
  ) => {
    const user = await createUser(t.db, username, [{ organizationId, role }])
    return { id: user.id, cookie: await sessionFor(t, user.id, organizationId) }
  }
  const users = {
    ceManager: await signIn('ce.manager', ce.id, 'ce_manager'),
    agencyWorker: await signIn('north.cm', agency.id, 'case_manager'),
    provider: await signIn('harbor.hp', other.id, 'housing_provider'),
  }
  const north = await createProject(t.db, ce, 'North Fulton CE', 14)
  const south = await createProject(t.db, ce, 'South Fulton CE', 14)
  const base = { cocId: coc.id, ownerOrganizationId: ce.id, ceProjectId: north.id, now: NOW }
  const add = (spec: Partial<QueuedHouseholdSpec> & { firstName: string }) =>
    insertQueuedHousehold(t.db, { ...base, ...spec })
  const households = {
    high: await add({ firstName: 'Hana', score: 14, chronic: true }),
    highNotChronic: await add({ firstName: 'Ian', score: 14, chronic: false, entryDate: '2025-12-01' }),
    veteran: await add({ firstName: 'Vera', score: 11, veteran: true, ceProjectId: south.id }),
    confidential: await add({
      firstName: 'Secret',
      lastName: 'Person',
      score: 9,
      restriction: 'confidential',
    }),
    agencyOwn: await add({ firstName: 'Otto', score: 7, ownerOrganizationId: agency.id }),
    agencyMasked: await add({
      firstName: 'Mara',
      score: 5,
      ownerOrganizationId: agency.id,
      clientOwnerOrganizationId: other.id,
    }),
    unscored: await add({ firstName: 'Nell', score: null }),
  }
  return { coc, ce, agency, other, users, north, south, households, base }
}

beforeAll(async () => {
  t = await createTestApp()
  t.clock.advance(NOW.getTime() - t.clock.now().getTime())
  world = await buildWorld()
})
afterAll(() => t.close())

const queue = async (cookie: string, query = '') => {
  const response = await t.request({ method: 'GET', url: `/api/queue${query}`, cookie })
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { rows: QueueRow[]; nextCursor: string | null }
}

describe('the ranked queue', () => {
  it('ranks by the default keys and explains each rank', async () => {
    const { rows } = await queue(world.users.ceManager.cookie)
    expect(rows.map((row) => [row.rank, row.headName ?? row.identity])).toEqual([
      [1, 'Hana Queued'],
      [2, 'Ian Queued'],
      [3, 'Vera Queued'],
      [4, 'deidentified'],
      [5, 'Otto Queued'],
      [6, 'Mara Queued'],
      [7, 'Nell Queued'],
    ])
    const second = rows[1]!
    expect(second.householdId).toBe(world.households.highNotChronic.householdId)
    expect(second.explanation.map((item) => [item.key, item.value])).toEqual([
      ['score', 14],
      ['chronic', 0],
      ['days_homeless', 62],
      ['ce_start_date', '2025-12-01'],
    ])
    expect(second.rankingVersion).toBe(0)
    expect(rows[0]!.chronic).toBe('yes')
  })

  it('keeps queue-wide ranks under filters and pages with a cursor', async () => {
    const chronic = await queue(world.users.ceManager.cookie, `?chronic=no&projectId=${world.north.id}`)
    expect(chronic.rows.map((row) => row.rank)).toEqual([2, 4, 5, 6, 7])
    const veteran = await queue(world.users.ceManager.cookie, '?veteran=yes')
    expect(veteran.rows.map((row) => row.rank)).toEqual([3])

    const first = await queue(world.users.ceManager.cookie, '?limit=3')
    expect(first.rows.map((row) => row.rank)).toEqual([1, 2, 3])
    const second = await queue(world.users.ceManager.cookie, `?limit=3&cursor=${first.nextCursor}`)
    expect(second.rows.map((row) => row.rank)).toEqual([4, 5, 6])
    const third = await queue(world.users.ceManager.cookie, `?limit=3&cursor=${second.nextCursor}`)
    expect(third.rows.map((row) => row.rank)).toEqual([7])
    expect(third.nextCursor).toBeNull()

    const bad = await t.request({
      method: 'GET',
      url: '/api/queue?cursor=nonsense',
      cookie: world.users.ceManager.cookie,
    })
    expect(bad.statusCode).toBe(400)
    const unknown = await t.request({
      method: 'GET',
      url: '/api/queue?colour=red',
      cookie: world.users.ceManager.cookie,
    })
    expect(unknown.statusCode).toBe(400)
  })

  it('de-identifies confidential households and masks names the viewer may not see', async () => {
    const { rows } = await queue(world.users.ceManager.cookie)
    const confidential = rows.find((row) => row.householdId === world.households.confidential.householdId)!
    expect(confidential).toMatchObject({ identity: 'deidentified', headName: null, clientId: null, rank: 4 })
    const csv = await t.request({
      method: 'GET',
      url: '/api/queue/export.csv',
      cookie: world.users.ceManager.cookie,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Hana Queued')
    expect(csv.body).not.toContain('Secret')
    expect(csv.body).not.toContain(world.households.confidential.clientId)

    // An agency case manager sees the households their agency enrolled, with their queue-wide rank.
    const agency = await queue(world.users.agencyWorker.cookie)
    expect(agency.rows.map((row) => [row.rank, row.identity, row.headName])).toEqual([
      [5, 'named', 'Otto Queued'],
      [6, 'masked', null],
    ])
    const provider = await t.request({
      method: 'GET',
      url: '/api/queue',
      cookie: world.users.provider.cookie,
    })
    expect(provider.statusCode).toBe(403)
  })
})

describe('queue statuses', () => {
  it('changes status with an expected version, keeps the checklist rule and records the history', async () => {
    const { queueEntryId } = world.households.veteran
    const patch = (payload: object) =>
      t.request({
        method: 'PATCH',
        url: `/api/queue/${queueEntryId}/status`,
        cookie: world.users.ceManager.cookie,
        payload,
      })
    const ready = await patch({ status: 'ready', expectedVersion: 1 })
    expect(ready.statusCode, ready.body).toBe(200)
    // No documents: 'ready' waits as incomplete documentation.
    expect(ready.json()).toMatchObject({ status: 'incomplete_documentation', version: 2 })
    const stale = await patch({ status: 'inactive', expectedVersion: 1 })
    expect(stale.statusCode).toBe(409)

    for (const type of ['identification', 'homelessness_documentation'])
      await insertCeDocument(t.db, world.households.veteran.householdId, world.base, type)
    await t.db
      .transaction()
      .execute((trx) =>
        refreshQueueEntry(trx, { enrollmentHouseholdId: world.households.veteran.householdId, now: NOW }),
      )
    const entry = await t.db
      .selectFrom('queue_entry')
      .selectAll()
      .where('id', '=', queueEntryId)
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ status: 'ready', version: 3, documents_complete_for: ['rrh', 'th'] })

    const inactive = await patch({ status: 'inactive', reason: 'unable to locate', expectedVersion: 3 })
    expect(inactive.json()).toMatchObject({ status: 'inactive', version: 4 })
    const { rows } = await queue(world.users.ceManager.cookie, '?status=inactive')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      rank: null,
      inactiveSince: '2026-02-01',
      statusReason: 'unable to locate',
    })
    // Vera left the ranking: the households below her moved up.
    const ranked = await queue(world.users.ceManager.cookie, '?limit=3')
    expect(ranked.rows.map((row) => row.rank)).toEqual([1, 2, 3])
    expect(ranked.rows[2]!.identity).toBe('deidentified')

    const history = await t.request({
      method: 'GET',
      url: `/api/queue/${queueEntryId}/history`,
      cookie: world.users.ceManager.cookie,
    })
    expect(
      history.json().items.map((item: QueuePositionEvent) => [item.event, item.status, item.rank]),
    ).toEqual([
      ['status_changed', 'inactive', null],
      ['status_changed', 'ready', 3],
      ['status_changed', 'incomplete_documentation', 3],
      ['placed', 'pending_review', 3],
    ])
    const worker = await t.request({
      method: 'PATCH',
      url: `/api/queue/${world.households.agencyOwn.queueEntryId}/status`,
      cookie: world.users.agencyWorker.cookie,
      payload: { status: 'ready', expectedVersion: 1 },
    })
    expect(worker.statusCode).toBe(403)
  })

  it('lets exactly one of two racing status changes through', async () => {
    const { queueEntryId } = world.households.unscored
    const race = await Promise.all(
      ['inactive', 'ready'].map((status) =>
        t.request({
          method: 'PATCH',
          url: `/api/queue/${queueEntryId}/status`,
          cookie: world.users.ceManager.cookie,
          payload: { status, expectedVersion: 1 },
        }),
      ),
    )
    expect(race.map((response) => response.statusCode).sort()).toEqual([200, 409])
  })
})

describe('ranking versions', () => {
  const keys = [
    { key: 'chronic', direction: 'desc' },
    { key: 'score', direction: 'desc' },
    { key: 'ce_start_date', direction: 'asc' },
  ]

  it('previews the impact, publishes a new version and records every rank change', async () => {
    const before = await queue(world.users.ceManager.cookie)
    const preview = await t.request({
      method: 'POST',
      url: '/api/queue/rankings/preview',
      cookie: world.users.ceManager.cookie,
      payload: { programType: 'all', keys, top: 2 },
    })
    expect(preview.statusCode, preview.body).toBe(200)
    const impact = preview.json()
    expect(impact).toMatchObject({ currentVersion: 0, top: 2 })
    expect(impact.summary).toBe(
      `${impact.changedPosition} households change position; ${impact.leaveTop} leave the top 2`,
    )

    const published = await t.request({
      method: 'POST',
      url: '/api/queue/rankings',
      cookie: world.users.ceManager.cookie,
      payload: { programType: 'all', keys, note: 'chronic first', expectedVersion: 0 },
    })
    expect(published.statusCode, published.body).toBe(201)
    expect(published.json()).toMatchObject({
      version: 1,
      impact: { changedPosition: impact.changedPosition },
    })

    const after = await queue(world.users.ceManager.cookie)
    expect(after.rows.every((row) => row.rankingVersion === 1)).toBe(true)
    expect(after.rows[0]!.explanation.map((item: QueueRow['explanation'][number]) => item.key)).toEqual([
      'chronic',
      'score',
      'ce_start_date',
    ])
    const moved = after.rows.filter(
      (row) => before.rows.find((old) => old.householdId === row.householdId)?.rank !== row.rank,
    )
    expect(moved.length).toBe(impact.changedPosition)
    const historyRows = await t.db
      .selectFrom('queue_position_history')
      .selectAll()
      .where('event', '=', 'ranking_published')
      .execute()
    expect(historyRows).toHaveLength(impact.changedPosition)

    const stale = await t.request({
      method: 'POST',
      url: '/api/queue/rankings',
      cookie: world.users.ceManager.cookie,
      payload: { programType: 'all', keys: keys.slice(1), expectedVersion: 0 },
    })
    expect(stale.statusCode).toBe(409)
    const list = await t.request({
      method: 'GET',
      url: '/api/queue/rankings?programType=all',
      cookie: world.users.ceManager.cookie,
    })
    expect(list.json()).toMatchObject({
      current: { version: 1, note: 'chronic first' },
      versions: [{ version: 1 }],
    })
    const worker = await t.request({
      method: 'POST',
      url: '/api/queue/rankings',
      cookie: world.users.agencyWorker.cookie,
      payload: { programType: 'all', keys, expectedVersion: 1 },
    })
    expect(worker.statusCode).toBe(403)
    const twice = await t.request({
      method: 'POST',
      url: '/api/queue/rankings/preview',
      cookie: world.users.ceManager.cookie,
      payload: { programType: 'all', keys: [keys[0], keys[0]] },
    })
    expect(twice.statusCode).toBe(400)
  })

  it('publishes one of two racing versions', async () => {
    const race = await Promise.all(
      [keys, keys.slice(1)].map((proposed) =>
        t.request({
          method: 'POST',
          url: '/api/queue/rankings',
          cookie: world.users.ceManager.cookie,
          payload: { programType: 'psh', keys: proposed, expectedVersion: 0 },
        }),
      ),
    )
    expect(race.map((response) => response.statusCode).sort()).toEqual([201, 409])
    const psh = await queue(world.users.ceManager.cookie, '?programType=psh')
    expect(psh.rows[0]).toMatchObject({ rankingProgramType: 'psh', rankingVersion: 1 })
  })
})

describe('placing', () => {
  it('is idempotent and audited', async () => {
    const again = await t.db.transaction().execute(async (trx) => {
      const { placeOnQueue } = await import('./queue-membership')
      return placeOnQueue(trx, {
        actor: systemActor,
        enrollmentHouseholdId: world.households.high.householdId,
        now: NOW,
      })
    })
    expect(again.queueEntryId).toBe(world.households.high.queueEntryId)
    const audits = await t.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('action', '=', 'queue.placed')
      .execute()
    expect(audits.filter((row) => row.entity_id === world.households.high.queueEntryId)).toHaveLength(1)
  })
})

describe('the queue visibility SQL', () => {
  it('agrees with the predicates for every role of two agencies', async () => {
    const entries = await t.db
      .selectFrom('queue_entry as qe')
      .innerJoin('enrollment as e', (join) =>
        join
          .onRef('e.enrollment_household_id', '=', 'qe.enrollment_household_id')
          .on('e.relationship_to_hoh', '=', 1),
      )
      .select(['qe.id', 'qe.coc_id', 'qe.owner_organization_id', 'e.client_id'])
      .execute()
    for (const organizationId of [world.ce.id, world.agency.id])
      for (const role of ROLES) {
        const actor: UserActor = {
          kind: 'user',
          userId: world.users.ceManager.id,
          username: 'mirror',
          organizationId,
          cocId: world.coc.id,
          role,
          sessionId: null,
          apiTokenId: null,
          requestId: null,
          ip: null,
        }
        const { rows } = await selectQueuePage(
          t.db,
          actor,
          builtInRanking('all'),
          {
            filters: {
              programType: 'all',
              status: ['pending_review', 'incomplete_documentation', 'ready', 'referred', 'inactive'],
            },
            sort: 'rank',
            limit: 100,
          },
          '2026-02-01',
        )
        const heads = await loadClientAccessFactsMany(
          t.db,
          actor,
          entries.map((entry) => entry.client_id),
          '2026-02-01',
        )
        const expected = entries
          .filter((entry) =>
            canSeeQueueEntry(actor, {
              cocId: entry.coc_id,
              ownerOrganizationId: entry.owner_organization_id,
            }),
          )
          .map((entry) => [entry.id, queueRowIdentity(actor, heads.get(entry.client_id)!)])
          .sort()
        expect(
          rows.map((row) => [row.queueEntryId, row.identity]).sort(),
          `${role} of ${organizationId}`,
        ).toEqual(expected)
      }
  })
})

describe('the stored sort key', () => {
  it('orders entries exactly as compareRanked does, for several key lists', async () => {
    const facts = ['yes', 'no', 'unknown'] as const
    const entries = Array.from({ length: 60 }, (_, n) => ({
      id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      tieBreak: (n % 5) / 10,
      score: n % 4 === 0 ? null : (n * 7) % 13,
      chronic: facts[n % 3]!,
      daysHomeless: n % 6 === 0 ? null : (n * 37) % 400,
      ceStartDate: `2025-0${1 + (n % 9)}-1${n % 10}`,
      assessmentDate: n % 5 === 0 ? null : `2025-1${n % 3}-0${1 + (n % 9)}`,
      veteran: facts[(n + 1) % 3]!,
      youth: facts[(n + 2) % 3]!,
      fleeingDv: facts[n % 2]!,
      householdSize: 1 + (n % 4),
    }))
    const keyLists: RankingKey[][] = [
      builtInRanking('all').keys,
      [
        { key: 'chronic', direction: 'asc' },
        { key: 'days_homeless', direction: 'asc' },
        { key: 'assessment_date', direction: 'desc' },
      ],
      [
        { key: 'veteran', direction: 'desc' },
        { key: 'household_size', direction: 'desc' },
        { key: 'score', direction: 'asc' },
        { key: 'ce_start_date', direction: 'desc' },
      ],
    ]
    const values = sql.join(
      entries.map(
        (e) =>
          sql`(${e.id}::uuid, 'ready', ${e.score}::numeric, ${e.chronic}, ${e.daysHomeless}::int,
               ${e.ceStartDate}::date, ${e.assessmentDate}::date, ${e.veteran}, ${e.youth}, ${e.fleeingDv},
               ${e.householdSize}::int, ${e.tieBreak}::float8)`,
      ),
    )
    for (const keys of keyLists) {
      const { rows } = await sql<{ id: string }>`
        SELECT qe.id::text AS id FROM (VALUES ${values}) AS qe(id, status, score, chronic, days_homeless,
          ce_start_date, assessment_date, veteran, youth, fleeing_dv, household_size, tie_break)
        ORDER BY ${sortKeySql(keys)} COLLATE "C"`.execute(t.db)
      const expected = [...entries].sort(compareRanked(keys)).map((entry) => entry.id)
      expect(rows.map((row) => row.id)).toEqual(expected)
    }
  })
})

describe('the eligible program type filter', () => {
  let psh: Awaited<ReturnType<typeof createProject>>

  it('keeps the households whose rules pass for a project of that type', async () => {
    psh = await createProject(t.db, world.other, 'Harbor PSH', 3)
    await t.db
      .insertInto('eligibility_rule_set')
      .values({
        coc_id: world.coc.id,
        target_type: 'project',
        target_id: psh.id,
        version: 1,
        rules: JSON.stringify({ rules: [{ kind: 'flag', flag: 'chronic', is: true }] }),
      })
      .execute()
    await refreshQueueEligibility(t.db, { cocId: world.coc.id, entryIds: null, asOf: '2026-02-01' })
    const { rows } = await queue(world.users.ceManager.cookie, '?eligibleProgramType=psh')
    expect(rows.map((row) => row.householdId)).toEqual([world.households.high.householdId])
    expect(rows[0]!.eligibleProgramTypes).toEqual(['psh'])
    const rrh = await queue(world.users.ceManager.cookie, '?eligibleProgramType=rrh')
    expect(rrh.rows).toEqual([])
  })

  it('follows a saved rule change at once: a household no longer eligible leaves the filtered queue', async () => {
    const admin = await createUser(t.db, 'coc.admin', [{ organizationId: world.ce.id, role: 'coc_admin' }])
    const saved = await t.request({
      method: 'PUT',
      url: `/api/projects/${psh.id}/eligibility`,
      cookie: await sessionFor(t, admin.id, world.ce.id),
      payload: {
        ruleSet: { rules: [{ kind: 'flag', flag: 'chronic', is: false }] },
        expectedVersion: 1,
        note: 'not chronic',
      },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const { rows } = await queue(world.users.ceManager.cookie, '?eligibleProgramType=psh')
    const households = rows.map((row) => row.householdId)
    expect(households).not.toContain(world.households.high.householdId)
    expect(households).toContain(world.households.highNotChronic.householdId)
    expect(rows.every((row) => row.eligibleProgramTypes.includes('psh'))).toBe(true)
  })
})

describe('the assigned worker filter', () => {
  it('lists the workers the viewer may see and keeps only their households', async () => {
    const assign = (queueEntryId: string, userId: string) =>
      t.db
        .updateTable('queue_entry')
        .set({ assigned_user_id: userId })
        .where('id', '=', queueEntryId)
        .execute()
    await assign(world.households.high.queueEntryId, world.users.ceManager.id)
    await assign(world.households.agencyOwn.queueEntryId, world.users.agencyWorker.id)
    await assign(world.households.agencyMasked.queueEntryId, world.users.agencyWorker.id)

    const mine = await queue(world.users.ceManager.cookie, `?assignedUserId=${world.users.ceManager.id}`)
    expect(mine.rows.map((row) => [row.householdId, row.assignedUserName])).toEqual([
      [world.households.high.householdId, 'ce.manager'],
    ])
    const theirs = await queue(world.users.ceManager.cookie, `?assignedUserId=${world.users.agencyWorker.id}`)
    expect(theirs.rows.map((row) => row.householdId).sort()).toEqual(
      [world.households.agencyOwn.householdId, world.households.agencyMasked.householdId].sort(),
    )

    const workers = async (cookie: string) => {
      const response = await t.request({ method: 'GET', url: '/api/queue/workers', cookie })
      expect(response.statusCode, response.body).toBe(200)
      return (response.json() as { items: { id: string; name: string }[] }).items
    }
    expect(await workers(world.users.ceManager.cookie)).toEqual([
      { id: world.users.ceManager.id, name: 'ce.manager' },
      { id: world.users.agencyWorker.id, name: 'north.cm' },
    ])
    // The agency sees its own households only, so only the workers assigned to them.
    expect(await workers(world.users.agencyWorker.cookie)).toEqual([
      { id: world.users.agencyWorker.id, name: 'north.cm' },
    ])
    const provider = await t.request({
      method: 'GET',
      url: '/api/queue/workers',
      cookie: world.users.provider.cookie,
    })
    expect(provider.statusCode).toBe(403)
  })
})

describe('the API document', () => {
  it('describes every queue route', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys((response.json() as { paths: Record<string, unknown> }).paths)
    expect(paths.filter((path) => path.startsWith('/api/queue')).sort()).toEqual([
      '/api/queue',
      '/api/queue/events',
      '/api/queue/export.csv',
      '/api/queue/rankings',
      '/api/queue/rankings/preview',
      '/api/queue/workers',
      '/api/queue/{id}/history',
      '/api/queue/{id}/status',
    ])
  })
})
