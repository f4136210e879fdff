import { randomUUID } from 'node:crypto'
import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, UnauthorizedCase } from './fixture'

// CE events are project data of the CE enrollment's client: A2 (no release) and CoC B never reach them.
// A user's notifications are theirs alone.

async function ceEnrollmentOfA1(f: Fixture) {
  const project = await f.t.db
    .insertInto('project')
    .values({
      organization_id: f.orgA1.id,
      coc_id: f.cocA.id,
      name: `CE events fixture ${randomUUID()}`,
      project_type: 14,
      operating_start_date: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const clientId = await insertTestClient(f.t.db, {
    cocId: f.cocA.id,
    ownerOrganizationId: f.orgA1.id,
    firstName: 'Evented',
    lastName: 'Client',
  })
  const household = await f.t.db
    .insertInto('enrollment_household')
    .values({ project_id: project.id, coc_id: f.cocA.id, owner_organization_id: f.orgA1.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await f.t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: project.id,
      relationship_to_hoh: 1,
      entry_date: '2026-01-02',
      owner_organization_id: f.orgA1.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.db
    .insertInto('ce_event')
    .values({
      coc_id: f.cocA.id,
      enrollment_id: enrollment.id,
      event_date: '2026-01-05',
      event_type: 2,
      prob_sol_div_rr_result: 0,
      owner_organization_id: f.orgA1.id,
    })
    .execute()
  return enrollment.id
}

const readEvents = async (f: Fixture, id: string) => ({
  enrollment: await f.t.db
    .selectFrom('enrollment')
    .select(['id', 'client_id'])
    .where('id', '=', id)
    .executeTakeFirst(),
  events: await f.t.db.selectFrom('ce_event').selectAll().where('enrollment_id', '=', id).execute(),
})

async function notificationOfCaseManagerA1(f: Fixture) {
  const row = await f.t.db
    .insertInto('notification')
    .values({
      user_id: f.users.caseManagerA1.id,
      organization_id: f.orgA1.id,
      kind: 'referral_updated',
      message: 'Referral to Fixture project: accepted',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const readNotification = async (f: Fixture, id: string) =>
  f.t.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst()

const eventRoutes = (caller: UnauthorizedCase['caller']): UnauthorizedCase[] => [
  {
    target: 'CE enrollment of an A1 client',
    method: 'GET',
    url: '/api/enrollments/:id/ce-events',
    setup: ceEnrollmentOfA1,
    caller,
    read: readEvents,
  },
  {
    target: 'CE enrollment of an A1 client',
    method: 'POST',
    url: '/api/enrollments/:id/ce-events',
    setup: ceEnrollmentOfA1,
    caller,
    payload: { eventDate: '2026-01-06', eventType: 4 },
    read: readEvents,
  },
]

export default [
  ...eventRoutes('caseManagerA2'),
  ...eventRoutes('agencyAdminA2'),
  ...eventRoutes('cocAdminB'),
  ...(['caseManagerA2', 'agencyAdminA1', 'cocAdminA'] as const).map(
    (caller): UnauthorizedCase => ({
      target: "case manager A1's notification",
      method: 'POST',
      url: '/api/notifications/:id/read',
      setup: notificationOfCaseManagerA1,
      caller,
      read: readNotification,
    }),
  ),
] satisfies UnauthorizedCase[]
