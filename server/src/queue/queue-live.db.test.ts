import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SecondInstance, startSecondInstance } from '../../test/second-instance'
import { changeEvents, openSseStream } from '../../test/sse-reader'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { createProject } from '../beds/beds.fixtures'
import { publishChange } from '../live/publish-change'
import { insertQueuedHousehold } from './queue.fixtures'
import { QUEUE_CHANNEL } from './queue-membership'

// Two app instances on one database (two pools on PostgreSQL; one shared PGlite otherwise): a status change
// through instance A reaches a queue screen streaming from instance B, as ids only, and only within the CoC.

let t: TestApp
let instanceB: SecondInstance
let ceManager: string
let otherCocManager: string
let otherCocId: string
let household: Awaited<ReturnType<typeof insertQueuedHousehold>>

beforeAll(async () => {
  t = await createTestApp()
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const otherCoc = await createCoc(t.db, 'GA-503', 'Cobb County CoC')
  otherCocId = otherCoc.id
  const ce = await createOrganization(t.db, coc.id, 'Fulton CE')
  const cobb = await createOrganization(t.db, otherCoc.id, 'Cobb CE')
  const manager = await createUser(t.db, 'ce.manager', [{ organizationId: ce.id, role: 'ce_manager' }])
  const cobbManager = await createUser(t.db, 'cobb.manager', [
    { organizationId: cobb.id, role: 'ce_manager' },
  ])
  ceManager = await sessionFor(t, manager.id, ce.id)
  otherCocManager = await sessionFor(t, cobbManager.id, cobb.id)
  const north = await createProject(t.db, ce, 'North Fulton CE', 14)
  household = await insertQueuedHousehold(t.db, {
    cocId: coc.id,
    ownerOrganizationId: ce.id,
    ceProjectId: north.id,
    firstName: 'Streamed',
    score: 10,
  })
  instanceB = await startSecondInstance(t)
})
afterAll(async () => {
  await instanceB.close()
  await t.close()
})

const openStream = (cookie?: string) => openSseStream(`${instanceB.baseUrl}/api/queue/events`, cookie)

describe('live queue across instances', () => {
  it('delivers a status change on instance A to a stream on instance B, ids only, within the CoC', async () => {
    const stream = await openStream(ceManager)
    const outsider = await openStream(otherCocManager)
    try {
      expect(stream.response.status).toBe(200)
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
      await stream.readUntil(': connected')
      await outsider.readUntil(': connected')
      const change = await t.request({
        method: 'PATCH',
        url: `/api/queue/${household.queueEntryId}/status`,
        cookie: ceManager,
        payload: { status: 'inactive', reason: 'unable to locate', expectedVersion: 1 },
      })
      expect(change.statusCode, change.body).toBe(200)
      const text = await stream.readUntil(household.queueEntryId)
      const [event] = changeEvents(text)
      expect(Object.keys(event!).sort()).toEqual(['ceProjectId', 'cocId', 'queueEntryId', 'version'])
      expect(event!.version).toBe(2)
      expect(text).not.toContain('Streamed')
      expect(text).not.toContain(household.clientId)

      // Changes arrive in commit order: once a later change of the other CoC reached its screen, the first
      // one would have arrived before it had it been let through.
      await publishChange(t.db, QUEUE_CHANNEL, {
        cocId: otherCocId,
        rankingProgramType: 'all',
        rankingVersion: 7,
      })
      const seen = await outsider.readUntil('"rankingVersion":7')
      expect(changeEvents(seen)).toEqual([
        { cocId: otherCocId, rankingProgramType: 'all', rankingVersion: 7 },
      ])
    } finally {
      stream.close()
      outsider.close()
    }
  })

  it('refuses the stream to anonymous callers (401)', async () => {
    const anonymous = await fetch(`${instanceB.baseUrl}/api/queue/events`)
    expect(anonymous.status).toBe(401)
  })
})
