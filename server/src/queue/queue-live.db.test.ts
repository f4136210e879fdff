import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { buildApp } from '../app'
import { SESSION_COOKIE } from '../auth/sessions'
import { createProject } from '../beds/beds.fixtures'
import { type Database, openDatabase } from '../db/database'
import { insertQueuedHousehold } from './queue.fixtures'

// Two app instances on one database (two pools on PostgreSQL; one shared PGlite otherwise): a status change
// through instance A reaches a queue screen streaming from instance B within a second, as ids only.

let t: TestApp
let secondDatabase: Database
let instanceB: FastifyInstance
let baseUrlB: string
let ceManager: string
let otherCocManager: string
let household: Awaited<ReturnType<typeof insertQueuedHousehold>>

beforeAll(async () => {
  t = await createTestApp()
  const coc = await createCoc(t.db, 'GA-502', 'Fulton County CoC')
  const otherCoc = await createCoc(t.db, 'GA-503', 'Cobb County CoC')
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
  const url = (t.database as Database & { url?: string }).url
  secondDatabase = url ? await openDatabase({ databaseUrl: url }) : t.database
  instanceB = await buildApp({ database: secondDatabase, config: t.config, clock: t.clock, version: 'test' })
  baseUrlB = await instanceB.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await instanceB.close()
  if (secondDatabase !== t.database) await secondDatabase.close()
  await t.close()
})

/** Opens the queue's event stream on instance B; `readUntil` resolves once the text arrived. */
async function openStream(cookie: string) {
  const abort = new AbortController()
  const response = await fetch(`${baseUrlB}/api/queue/events`, {
    headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    signal: abort.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  return {
    response,
    async readUntil(text: string, ms = 1000): Promise<string> {
      const deadline = Date.now() + ms
      while (!buffered.includes(text)) {
        const remaining = deadline - Date.now()
        if (remaining <= 0) throw new Error(`no "${text}" within ${ms} ms; got: ${buffered}`)
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), remaining)),
        ])
        if (chunk === null) throw new Error(`no "${text}" within ${ms} ms; got: ${buffered}`)
        if (chunk.value) buffered += decoder.decode(chunk.value, { stream: true })
        if (chunk.done && !buffered.includes(text))
          throw new Error(`stream ended before "${text}": ${buffered}`)
      }
      return buffered
    },
    close: () => abort.abort(),
  }
}

describe('live queue across instances', () => {
  it('delivers a status change on instance A to a stream on instance B, ids only, within the CoC', async () => {
    const stream = await openStream(ceManager)
    const outsider = await openStream(otherCocManager)
    try {
      expect(stream.response.status).toBe(200)
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
      await stream.readUntil(': connected')
      await outsider.readUntil(': connected')
      const started = Date.now()
      const change = await t.request({
        method: 'PATCH',
        url: `/api/queue/${household.queueEntryId}/status`,
        cookie: ceManager,
        payload: { status: 'inactive', reason: 'unable to locate', expectedVersion: 1 },
      })
      expect(change.statusCode, change.body).toBe(200)
      const text = await stream.readUntil(household.queueEntryId, 1000)
      expect(Date.now() - started).toBeLessThan(1000)
      const event = JSON.parse(text.split('event: change\ndata: ')[1]!.split('\n')[0]!)
      expect(Object.keys(event).sort()).toEqual(['ceProjectId', 'cocId', 'queueEntryId', 'version'])
      expect(event.version).toBe(2)
      expect(text).not.toContain('Streamed')
      expect(text).not.toContain(household.clientId)
      await expect(outsider.readUntil('event: change', 300)).rejects.toThrow(/no "event: change"/)
    } finally {
      stream.close()
      outsider.close()
    }
  })

  it('refuses the stream to anonymous callers (401)', async () => {
    const anonymous = await fetch(`${baseUrlB}/api/queue/events`)
    expect(anonymous.status).toBe(401)
  })
})
