import { insertQueuedHousehold } from '../../src/queue/queue.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// A queue entry is seen by the CoC's CE staff and by the agency that enrolled the household in CE. Another
// agency's case manager and another CoC's admin get 404; the enrolling agency's case manager sees the entry
// but may not change its status (403).

let counter = 0

async function queueEntryOf(f: Fixture, owner: FixtureOrganization) {
  const project = await f.t.db
    .insertInto('project')
    .values({
      organization_id: owner.id,
      coc_id: owner.cocId,
      name: `Queue CE project ${++counter}`,
      project_type: 14,
      operating_start_date: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { queueEntryId } = await insertQueuedHousehold(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    ceProjectId: project.id,
    firstName: 'Queued',
    lastName: 'Guarded',
    score: 12,
  })
  return queueEntryId
}

const entryOfA1 = (f: Fixture) => queueEntryOf(f, f.orgA1)
const readEntry = async (f: Fixture, id: string) => ({
  entry: await f.t.db.selectFrom('queue_entry').selectAll().where('id', '=', id).executeTakeFirst(),
  history: await f.t.db
    .selectFrom('queue_position_history')
    .selectAll()
    .where('queue_entry_id', '=', id)
    .execute(),
})

const cases: UnauthorizedCase[] = []
for (const caller of ['caseManagerA2', 'cocAdminB'] as const) {
  cases.push(
    {
      target: 'queue entry of A1',
      method: 'GET',
      url: '/api/queue/:id/history',
      setup: entryOfA1,
      caller,
      read: readEntry,
    },
    {
      target: 'queue entry of A1',
      method: 'PATCH',
      url: '/api/queue/:id/status',
      setup: entryOfA1,
      caller,
      payload: { status: 'inactive', expectedVersion: 1 },
      read: readEntry,
    },
  )
}
cases.push({
  target: 'queue entry of A1 (own agency, not CE staff)',
  method: 'PATCH',
  url: '/api/queue/:id/status',
  setup: entryOfA1,
  caller: 'caseManagerA1',
  payload: { status: 'ready', expectedVersion: 1 },
  read: readEntry,
  expect: 'forbidden',
})

export default cases
