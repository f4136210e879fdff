import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { todayFrom } from '../access/client-visibility'
import { insertTestRelease } from '../releases/release.fixtures'
import { insertTestClient } from './household.fixtures'

let t: TestApp
let cocId: string
const org = { shelter: '', outreach: '', ce: '' }
const cookies = { shelter: '', outreach: '', ce: '', analyst: '' }
let shelterWorkerId: string
let today: string

const ADULT_DOB = '1985-04-02'
const CHILD_DOB = '2019-08-20'

beforeAll(async () => {
  t = await createTestApp()
  today = todayFrom(t.clock)
  cocId = (await createCoc(t.db)).id
  org.shelter = (await createOrganization(t.db, cocId, 'Gateway Shelter')).id
  org.outreach = (await createOrganization(t.db, cocId, 'Street Outreach Team')).id
  org.ce = (await createOrganization(t.db, cocId, 'Fulton Coordinated Entry')).id
  const shelterWorker = await createUser(t.db, 'shelter.cm', [
    { organizationId: org.shelter, role: 'case_manager' },
  ])
  shelterWorkerId = shelterWorker.id
  const outreachWorker = await createUser(t.db, 'outreach.cm', [
    { organizationId: org.outreach, role: 'case_manager' },
  ])
  const ceManager = await createUser(t.db, 'ce.manager', [{ organizationId: org.ce, role: 'ce_manager' }])
  const analyst = await createUser(t.db, 'shelter.analyst', [
    { organizationId: org.shelter, role: 'analyst' },
  ])
  cookies.shelter = await sessionFor(t, shelterWorker.id, org.shelter)
  cookies.outreach = await sessionFor(t, outreachWorker.id, org.outreach)
  cookies.ce = await sessionFor(t, ceManager.id, org.ce)
  cookies.analyst = await sessionFor(t, analyst.id, org.shelter)
})

afterAll(() => t.close())

const client = (
  firstName: string,
  dob: string | null = ADULT_DOB,
  restriction?: 'open' | 'restricted' | 'confidential',
) => insertTestClient(t.db, { cocId, ownerOrganizationId: org.shelter, firstName, dob, restriction })

const post = (url: string, payload: unknown, cookie = cookies.shelter) =>
  t.request({ method: 'POST', url, payload: payload as object, cookie })
const get = (url: string, cookie = cookies.shelter) => t.request({ method: 'GET', url, cookie })

async function newHousehold(headClientId: string, cookie = cookies.shelter): Promise<string> {
  const response = await post('/api/households', { headClientId }, cookie)
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id
}

const addMember = (householdId: string, clientId: string, relationshipToHoh: number, joinedOn = today) =>
  post(`/api/households/${householdId}/members`, { clientId, relationshipToHoh, joinedOn })

async function currentHeads(householdId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('household_member')
    .select('client_id')
    .where('household_id', '=', householdId)
    .where('relationship_to_hoh', '=', 1)
    .where('removed_on', 'is', null)
    .execute()
  return rows.map((row) => row.client_id)
}

describe('a household', () => {
  it('starts with its client as Self (head of household), audited and in its history', async () => {
    const maria = await client('Maria')
    const response = await post('/api/households', { headClientId: maria })
    expect(response.statusCode).toBe(201)
    const household = response.json()
    expect(household).toMatchObject({
      headClientId: maria,
      ownerOrganizationId: org.shelter,
      canEdit: true,
      warnings: [],
      members: [
        { client: { id: maria, firstName: 'Maria' }, relationshipToHoh: 1, joinedOn: today, removedOn: null },
      ],
    })
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('entity_id', '=', household.id)
      .execute()
    expect(audit).toEqual([{ action: 'household.create', outcome: 'success' }])
  })

  it('takes members with HUD relationship codes and refuses a code outside the list', async () => {
    const householdId = await newHousehold(await client('Ana'))
    const son = await client('Luis', CHILD_DOB)
    const added = await addMember(householdId, son, 2)
    expect(added.statusCode, added.body).toBe(200)
    expect(
      added.json().members.map((member: { relationshipToHoh: number }) => member.relationshipToHoh),
    ).toEqual([1, 2])

    const invalid = await addMember(householdId, await client('Nope'), 6)
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error.message).toMatch(/relationshipToHoh/)
    const again = await addMember(householdId, son, 2)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(/already a current member/)
  })

  it('refuses a second head of household (409), by the database', async () => {
    const householdId = await newHousehold(await client('Rosa'))
    const response = await addMember(householdId, await client('Pedro'), 1)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toMatch(/already has a head of household/)
    expect(await currentHeads(householdId)).toHaveLength(1)
  })

  it('is guarded by the database itself: never two current heads, never none while members remain', async () => {
    const head = await client('Head')
    const householdId = await newHousehold(head)
    const second = await client('Second')
    await expect(
      t.db
        .insertInto('household_member')
        .values({ household_id: householdId, client_id: second, relationship_to_hoh: 1, joined_on: today })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' })
    await expect(
      t.db
        .updateTable('household_member')
        .set({ relationship_to_hoh: 3 })
        .where('household_id', '=', householdId)
        .execute(),
    ).rejects.toMatchObject({ code: '23514' })
    expect(await currentHeads(householdId)).toEqual([head])
  })

  it('changes its head atomically, with every other relationship re-stated', async () => {
    const mother = await client('Carmen')
    const householdId = await newHousehold(mother)
    const father = await client('Jorge')
    const daughter = await client('Lucia', CHILD_DOB)
    await addMember(householdId, father, 3)
    await addMember(householdId, daughter, 2)

    const incomplete = await post(`/api/households/${householdId}/head`, {
      clientId: father,
      relationships: [{ clientId: mother, relationshipToHoh: 3 }],
    })
    expect(incomplete.statusCode).toBe(422)
    expect(incomplete.json().error.details).toEqual({ missingClientIds: [daughter], unexpectedClientIds: [] })
    expect(await currentHeads(householdId)).toEqual([mother])

    const changed = await post(`/api/households/${householdId}/head`, {
      clientId: father,
      relationships: [
        { clientId: mother, relationshipToHoh: 3 },
        { clientId: daughter, relationshipToHoh: 2 },
      ],
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const relationshipOf = (id: string) =>
      changed.json().members.find((member: { client: { id: string } }) => member.client.id === id)
        .relationshipToHoh
    expect(changed.json().headClientId).toBe(father)
    expect([relationshipOf(father), relationshipOf(mother), relationshipOf(daughter)]).toEqual([1, 3, 2])
  })

  it('lets only one of two concurrent head changes win; the other gets 409', async () => {
    const head = await client('Olga')
    const householdId = await newHousehold(head)
    const first = await client('Ivan')
    const second = await client('Pavel')
    await addMember(householdId, first, 3)
    await addMember(householdId, second, 4)
    const change = (newHead: string, other: string) =>
      post(`/api/households/${householdId}/head`, {
        clientId: newHead,
        expectedHeadClientId: head,
        relationships: [
          { clientId: head, relationshipToHoh: 3 },
          { clientId: other, relationshipToHoh: 4 },
        ],
      })
    const responses = await Promise.all([change(first, second), change(second, first)])
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const loser = responses.find((response) => response.statusCode === 409)!
    expect(loser.json().error.message).toMatch(/changed the head of household at the same time/)
    const winner = responses.find((response) => response.statusCode === 200)!.json()
    expect(await currentHeads(householdId)).toEqual([winner.headClientId])
  })

  it('removes a member on a date, keeping the row; the head cannot leave before someone replaces them', async () => {
    const head = await client('Amira')
    const householdId = await newHousehold(head)
    const cousin = await client('Omar')
    await addMember(householdId, cousin, 4, '2024-01-10')

    const remove = (clientId: string, removedOn: string) =>
      post(`/api/households/${householdId}/members/${clientId}/remove`, { removedOn, reason: 'Moved out' })
    expect((await remove(cousin, '2023-12-31')).statusCode).toBe(422)
    expect((await remove(cousin, '2100-01-01')).statusCode).toBe(422)
    const headFirst = await remove(head, today)
    expect(headFirst.statusCode).toBe(409)
    expect(headFirst.json().error.message).toMatch(/make another member head/)

    const removed = await remove(cousin, '2025-06-30')
    expect(removed.statusCode, removed.body).toBe(200)
    expect(removed.json().members).toMatchObject([
      { client: { id: head }, removedOn: null },
      { client: { id: cousin }, removedOn: '2025-06-30', removedReason: 'Moved out' },
    ])
    expect((await remove(cousin, '2025-07-01')).statusCode).toBe(404)
    // Former members may join again: a new row, the old one stays.
    expect((await addMember(householdId, cousin, 4)).statusCode).toBe(200)
  })

  it('keeps a history of membership dates and of who changed what', async () => {
    const head = await client('Nadia')
    const householdId = await newHousehold(head)
    const partner = await client('Samir')
    await addMember(householdId, partner, 3)
    await post(`/api/households/${householdId}/head`, {
      clientId: partner,
      relationships: [{ clientId: head, relationshipToHoh: 3 }],
    })
    await post(`/api/households/${householdId}/members/${head}/remove`, { removedOn: today, reason: 'Left' })

    const response = await get(`/api/households/${householdId}/history`)
    expect(response.statusCode).toBe(200)
    const history = response.json()
    expect(history.members).toMatchObject([
      { client: { id: partner }, relationshipToHoh: 1, removedOn: null },
      { client: { id: head }, relationshipToHoh: 3, removedOn: today },
    ])
    expect(history.events).toMatchObject([
      { kind: 'created', clientId: head, userDisplayName: 'shelter.cm', organizationName: 'Gateway Shelter' },
      { kind: 'member_added', clientId: partner, details: { relationshipToHoh: 3 } },
      {
        kind: 'head_changed',
        clientId: partner,
        previousHeadClientId: head,
        details: { relationships: [{ clientId: head, relationshipToHoh: 3 }] },
      },
      { kind: 'member_removed', clientId: head, details: { removedOn: today } },
    ])
  })

  it('warns, without blocking, when a child heads a household with an adult', async () => {
    const child = await client('Teo', CHILD_DOB)
    const householdId = await newHousehold(child)
    const response = await addMember(householdId, await client('Grandma'), 4)
    expect(response.statusCode).toBe(200)
    expect(response.json().warnings).toEqual([expect.stringMatching(/adult to be head of household/)])
  })

  it("lists a client's households, former ones included", async () => {
    const drifter = await client('Drifter')
    const first = await newHousehold(await client('First'))
    await addMember(first, drifter, 5, '2024-01-01')
    await post(`/api/households/${first}/members/${drifter}/remove`, {
      removedOn: '2024-06-01',
      reason: 'Left',
    })
    const second = await newHousehold(drifter)
    const response = await get(`/api/clients/${drifter}/households`)
    expect(response.statusCode).toBe(200)
    expect(response.json().map((household: { id: string }) => household.id)).toEqual([second, first])
  })
})

describe('who sees a household', () => {
  it('shows another agency only the members it may see, and lets it change nothing', async () => {
    const head = await client('Hidden')
    const householdId = await newHousehold(head)
    const shared = await client('Shared')
    await addMember(householdId, shared, 2)

    const before = await get(`/api/households/${householdId}`, cookies.outreach)
    expect(before.statusCode).toBe(404)
    expect(before.json().error.message).toBe('No such household')
    const denied = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', householdId)
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied).toEqual([{ action: 'household.read' }])

    await insertTestRelease(t.db, {
      clientId: shared,
      cocId,
      recordedByOrganizationId: org.shelter,
      userId: shelterWorkerId,
      organizationIds: [org.outreach],
    })
    const after = await get(`/api/households/${householdId}`, cookies.outreach)
    expect(after.statusCode).toBe(200)
    expect(after.json()).toMatchObject({
      headClientId: null,
      canEdit: false,
      members: [{ client: { id: shared } }],
    })
    expect(after.body).not.toContain(head)
    expect(after.body).not.toContain('Hidden')

    const history = await get(`/api/households/${householdId}/history`, cookies.outreach)
    expect(history.json().events).toEqual([
      expect.objectContaining({ kind: 'member_added', clientId: shared }),
    ])
    expect(history.body).not.toContain(head)

    const attempt = await post(
      `/api/households/${householdId}/members`,
      { clientId: shared, relationshipToHoh: 2, joinedOn: today },
      cookies.outreach,
    )
    expect(attempt.statusCode).toBe(403)
  })

  it('hides a confidential client’s household even from a CE manager, who sees an open one', async () => {
    const survivor = await client('Survivor', ADULT_DOB, 'confidential')
    const confidential = await newHousehold(survivor)
    const open = await newHousehold(await client('Open'))
    expect((await get(`/api/households/${confidential}`, cookies.ce)).statusCode).toBe(404)
    expect((await get(`/api/clients/${survivor}/households`, cookies.ce)).statusCode).toBe(404)
    expect((await get(`/api/households/${open}`, cookies.ce)).statusCode).toBe(200)
  })

  it('is not shown to analysts, who never see identities', async () => {
    const householdId = await newHousehold(await client('Counted'))
    expect((await get(`/api/households/${householdId}`, cookies.analyst)).statusCode).toBe(404)
  })
})
