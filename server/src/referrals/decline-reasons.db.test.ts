import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { buildReferralWorld, type ReferralWorld } from './referrals.fixtures'

let t: TestApp
let world: ReferralWorld
beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
})
afterAll(() => t.close())

const list = (cookie: string, query = '') =>
  t.request({ method: 'GET', url: `/api/referrals/decline-reasons${query}`, cookie })

describe('decline reasons on the settings screen', () => {
  it('lists retired reasons after the active ones when asked, so an admin can bring one back', async () => {
    const before = (await list(world.coordinator.cookie, '?includeInactive=true')).json()
    expect(before.every((reason: { active: boolean }) => reason.active)).toBe(true)

    const put = (reasons: object[]) =>
      t.request({
        method: 'PUT',
        url: '/api/referrals/decline-reasons',
        cookie: world.coordinator.cookie,
        payload: { reasons },
      })
    const notNow = { code: 'not_now', label: 'Not now', consequence: 'inactive', inactiveDays: 45 }
    const other = { code: 'other', label: 'Other', consequence: 'return_same_rank' }
    expect(
      (
        await put([
          { code: 'self_resolved', label: 'Self-resolved', consequence: 'needs_reassessment' },
          other,
        ])
      ).statusCode,
    ).toBe(200)
    const saved = await put([notNow, other])
    expect(saved.statusCode, saved.body).toBe(200)
    const answer: { code: string; active: boolean; inactiveDays: number | null }[] = saved.json()
    expect(answer).toEqual([
      { code: 'not_now', label: 'Not now', consequence: 'inactive', inactiveDays: 45, active: true },
      { code: 'other', label: 'Other', consequence: 'return_same_rank', inactiveDays: null, active: true },
      {
        code: 'self_resolved',
        label: 'Self-resolved',
        consequence: 'needs_reassessment',
        inactiveDays: null,
        active: false,
      },
    ])

    // Providers declining see the active reasons only.
    const offered = (await list(world.provider.cookie)).json()
    expect(offered.map((reason: { code: string }) => reason.code)).toEqual(['not_now', 'other'])
    const all = (await list(world.provider.cookie, '?includeInactive=true')).json()
    expect(all.map((reason: { code: string }) => reason.code)).toEqual(['not_now', 'other', 'self_resolved'])

    const badQuery = await list(world.coordinator.cookie, '?includeInactive=yes')
    expect(badQuery.statusCode).toBe(400)
  })
})
