import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SecondInstance, startSecondInstance } from '../../test/second-instance'
import { changeEvents, openSseStream } from '../../test/sse-reader'
import { createTestApp, type TestApp } from '../../test/test-app'
import { SESSION_COOKIE } from '../auth/sessions'
import { publishChange } from '../live/publish-change'
import { type BedWorld, buildBedWorld, createBed, enrolledClient } from './beds.fixtures'
import { BEDS_CHANNEL } from './beds.repository'

// Two app instances on one database (two connection pools on PostgreSQL; one shared PGlite otherwise): a
// check-in through instance A reaches a board streaming from instance B, and no other facility's board.

let t: TestApp
let world: BedWorld
let instanceB: SecondInstance
beforeAll(async () => {
  t = await createTestApp()
  world = await buildBedWorld(t)
  instanceB = await startSecondInstance(t)
})
afterAll(async () => {
  await instanceB.close()
  await t.close()
})

const openStream = (cookie: string, facilityId = world.facility.id) =>
  openSseStream(`${instanceB.baseUrl}/api/facilities/${facilityId}/events`, cookie)

describe('live board across instances', () => {
  it('delivers a check-in on instance A to a stream on instance B, ids only', async () => {
    const bed = await createBed(t.db, {
      facilityId: world.facility.id,
      projectId: world.shelterProject.id,
      unit: 'Live room',
      name: 'L1',
    })
    const resident = await enrolledClient(t, world, { first: 'Streamed', last: 'Resident' })
    const stream = await openStream(world.users.ceManager.cookie)
    try {
      expect(stream.response.status).toBe(200)
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
      expect(stream.response.headers.get('cache-control')).toBe('no-store')
      await stream.readUntil(': connected')

      const checkIn = await t.request({
        method: 'POST',
        url: '/api/stays',
        cookie: world.users.staff.cookie,
        payload: { bedId: bed.id, ...resident },
      })
      expect(checkIn.statusCode).toBe(201)
      const text = await stream.readUntil(bed.id)
      const [event] = changeEvents(text)
      expect(event).toEqual({ facilityId: world.facility.id, bedId: bed.id, version: 2 })
      expect(text).not.toContain(resident.clientId)
      expect(text).not.toContain('Streamed')
    } finally {
      stream.close()
    }
  })

  it("sends nothing about another facility's beds", async () => {
    const other = await t.db
      .insertInto('facility')
      .values({ coc_id: world.coc.id, organization_id: world.harbor.id, name: 'Quiet Place' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const bed = await createBed(t.db, {
      facilityId: world.facility.id,
      projectId: world.shelterProject.id,
      unit: 'Live room',
      name: 'L2',
    })
    const stream = await openStream(world.users.staff.cookie, other.id)
    try {
      await stream.readUntil(': connected')
      const resident = await enrolledClient(t, world, { first: 'Elsewhere', last: 'Resident' })
      await t.request({
        method: 'POST',
        url: '/api/stays',
        cookie: world.users.staff.cookie,
        payload: { bedId: bed.id, ...resident },
      })
      // Changes arrive in commit order: once a later change of this facility arrived, the check-in
      // elsewhere would have arrived before it had it been let through.
      await publishChange(t.db, BEDS_CHANNEL, { facilityId: other.id, bedId: null, version: 1 })
      const text = await stream.readUntil(other.id)
      expect(changeEvents(text)).toEqual([{ facilityId: other.id, bedId: null, version: 1 }])
    } finally {
      stream.close()
    }
  })

  it('refuses the stream to another agency (404) and to anonymous callers (401)', async () => {
    const outsider = await fetch(`${instanceB.baseUrl}/api/facilities/${world.facility.id}/events`, {
      headers: { cookie: `${SESSION_COOKIE}=${world.users.outsider.cookie}` },
    })
    expect(outsider.status).toBe(404)
    expect(((await outsider.json()) as { error: { code: string } }).error.code).toBe('not_found')
    const anonymous = await fetch(`${instanceB.baseUrl}/api/facilities/${world.facility.id}/events`)
    expect(anonymous.status).toBe(401)
  })
})
