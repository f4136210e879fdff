import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../test/test-database'
import type { Database } from '../db/database'
import { publishChange } from './publish-change'

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('publishChange', () => {
  it('delivers on commit only', async () => {
    const received: string[] = []
    const unlisten = await database.notifier.listen('test_changes', (payload) => received.push(payload))
    try {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await publishChange(trx, 'test_changes', { id: 'rolled-back', version: 1 })
          throw new Error('roll back')
        })
        .catch(() => undefined)
      await database.db.transaction().execute(async (trx) => {
        await publishChange(trx, 'test_changes', { id: 'committed', version: 2 })
        await settle()
        expect(received).toEqual([])
      })
      await settle()
      expect(received.map((payload) => JSON.parse(payload))).toEqual([{ id: 'committed', version: 2 }])
    } finally {
      await unlisten()
    }
  })
})
