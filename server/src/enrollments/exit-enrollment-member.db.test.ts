import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { createProject } from '../beds/beds.fixtures'
import { insertTestClient } from '../households/household.fixtures'
import { insertCeDocument, insertQueuedHousehold } from '../queue/queue.fixtures'
import { refreshQueueEntry } from '../queue/queue-membership'

// Exiting a CE household one member at a time: the queue follows each exit, and when the last member
// (the head of household, who leaves last) exits through the single-member path, the CE workflow closes
// and the household leaves the Housing Queue, exactly as with the whole-household exit.

let t: TestApp
let cookie: string
let household: Awaited<ReturnType<typeof insertQueuedHousehold>>
let childId: string

beforeAll(async () => {
  t = await createTestApp()
  t.clock.advance(new Date('2026-02-01T12:00:00Z').getTime() - t.clock.now().getTime())
  const coc = await createCoc(t.db)
  const agency = await createOrganization(t.db, coc.id, 'North Access Point')
  const worker = await createUser(t.db, 'north.cm', [{ organizationId: agency.id, role: 'case_manager' }])
  cookie = await sessionFor(t, worker.id, agency.id)
  const ceProject = await createProject(t.db, { id: agency.id, cocId: coc.id }, 'North CE', 14)
  const spec = { cocId: coc.id, ownerOrganizationId: agency.id, ceProjectId: ceProject.id }
  household = await insertQueuedHousehold(t.db, { ...spec, firstName: 'Head', score: 9 })
  // A workflow for the household (the fixture creates one with a CE document).
  await insertCeDocument(t.db, household.householdId, spec, 'identification')
  childId = await insertTestClient(t.db, {
    cocId: coc.id,
    ownerOrganizationId: agency.id,
    firstName: 'Child',
    dob: '2016-05-05',
  })
  await t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.householdId,
      client_id: childId,
      project_id: ceProject.id,
      relationship_to_hoh: 2,
      entry_date: '2026-01-05',
      owner_organization_id: agency.id,
    })
    .execute()
})
afterAll(() => t.close())

const exitMember = (clientId: string, exitDate: string) =>
  t.request({
    method: 'POST',
    url: `/api/enrollments/${household.enrollmentId}/members/${clientId}/exit`,
    cookie,
    payload: { exitDate, destination: 116 },
  })

const queueEntry = () =>
  t.db
    .selectFrom('queue_entry')
    .select(['status', 'household_size', 'status_reason'])
    .where('id', '=', household.queueEntryId)
    .executeTakeFirstOrThrow()

const workflow = () =>
  t.db
    .selectFrom('ce_workflow')
    .select('closed_at')
    .where('enrollment_household_id', '=', household.householdId)
    .executeTakeFirstOrThrow()

describe('exiting a CE household member by member', () => {
  it('keeps the household queued while a member is left, then closes the workflow and the queue entry', async () => {
    // The child joined after the household was queued.
    await t.db
      .transaction()
      .execute((trx) =>
        refreshQueueEntry(trx, { enrollmentHouseholdId: household.householdId, now: t.clock.now() }),
      )
    expect((await queueEntry()).household_size).toBe(2)

    // The head may not leave ahead of the child.
    const headFirst = await exitMember(household.clientId, '2026-01-30')
    expect(headFirst.statusCode).toBe(422)
    expect(headFirst.json().error.message).toMatch(/exit the whole household/)

    const child = await exitMember(childId, '2026-01-29')
    expect(child.statusCode, child.body).toBe(200)
    expect(await queueEntry()).toMatchObject({ status: 'pending_review', household_size: 1 })
    expect((await workflow()).closed_at).toBeNull()

    // The head alone is the last member: their exit ends the household's Coordinated Entry.
    const head = await exitMember(household.clientId, '2026-01-30')
    expect(head.statusCode, head.body).toBe(200)
    expect(head.json()).toMatchObject({ clientId: household.clientId, exitDate: '2026-01-30' })
    expect(await queueEntry()).toMatchObject({ status: 'exited', status_reason: 'CE enrollment exited' })
    expect((await workflow()).closed_at).not.toBeNull()
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'in', ['ce_workflow.close', 'queue.status_changed'])
      .execute()
    expect(audits.map((row) => row.action).sort()).toEqual(['ce_workflow.close', 'queue.status_changed'])

    const again = await exitMember(household.clientId, '2026-01-31')
    expect(again.statusCode).toBe(409)
  })
})
