import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { type BedWorld, buildBedWorld, createBed, enrolledClient } from './beds.fixtures'

// Fifty people reach for one bed at the same moment: exactly one gets it, everyone else a clear 409, and
// the stay history holds exactly that one stay. On PostgreSQL the requests really run in parallel (a pool
// of connections); on PGlite they queue on its one connection, and the outcome must be the same.

const CONTENDERS = 50
const ROUNDS = 3

let t: TestApp
let world: BedWorld
let round = 0
beforeAll(async () => {
  t = await createTestApp()
  world = await buildBedWorld(t)
})
afterAll(() => t.close())

async function contest() {
  round += 1
  const bed = await createBed(t.db, {
    facilityId: world.facility.id,
    projectId: world.shelterProject.id,
    unit: `Contested ${round}`,
    name: `C${round}`,
  })
  const residents = []
  for (let index = 0; index < CONTENDERS; index++) {
    residents.push(await enrolledClient(t, world, { first: `Contender${index}`, last: `Round${round}` }))
  }
  return { bed, residents }
}

const post = (url: string, payload: object) =>
  t.request({ method: 'POST', url, cookie: world.users.staff.cookie, payload })

function tally(responses: { statusCode: number; json(): { error?: { message: string } } }[]) {
  const created = responses.filter((response) => response.statusCode === 201)
  const conflicts = responses.filter((response) => response.statusCode === 409)
  return {
    created,
    conflicts,
    messages: new Set(conflicts.map((response) => response.json().error?.message)),
  }
}

describe(`${CONTENDERS} concurrent attempts on one bed`, () => {
  for (let attempt = 1; attempt <= ROUNDS; attempt++) {
    it(`check-ins, round ${attempt}: one stay, ${CONTENDERS - 1} × 409`, async () => {
      const { bed, residents } = await contest()
      const responses = await Promise.all(
        residents.map((resident) => post('/api/stays', { bedId: bed.id, ...resident })),
      )
      const { created, conflicts, messages } = tally(responses)
      expect(created).toHaveLength(1)
      expect(conflicts).toHaveLength(CONTENDERS - 1)
      expect([...messages]).toEqual([`Bed C${round} is already occupied`])

      const stays = await t.db
        .selectFrom('bed_stay')
        .select(['id', 'client_id'])
        .where('bed_id', '=', bed.id)
        .execute()
      expect(stays).toHaveLength(1)
      expect(stays[0]?.id).toBe((created[0]!.json() as { id?: string }).id)
      const audited = await t.db
        .selectFrom('audit_event')
        .select('entity_id')
        .where('action', '=', 'stay.create')
        .where('entity_id', '=', stays[0]!.id)
        .execute()
      expect(audited).toHaveLength(1)
    })
  }

  for (let attempt = 1; attempt <= ROUNDS; attempt++) {
    it(`holds, round ${attempt}: one reservation, ${CONTENDERS - 1} × 409`, async () => {
      const { bed, residents } = await contest()
      const today = t.clock.now().toISOString().slice(0, 10)
      const responses = await Promise.all(
        residents.map((resident) =>
          post('/api/reservations', {
            facilityId: world.facility.id,
            bedId: bed.id,
            startDate: today,
            endDate: today,
            clientIds: [resident.clientId],
          }),
        ),
      )
      const { created, conflicts, messages } = tally(responses)
      expect(created).toHaveLength(1)
      expect(conflicts).toHaveLength(CONTENDERS - 1)
      expect(messages.size).toBe(1)
      const holds = await t.db
        .selectFrom('reservation')
        .select('id')
        .where('bed_id', '=', bed.id)
        .where('status', '=', 'active')
        .execute()
      expect(holds).toHaveLength(1)
    })
  }
})
