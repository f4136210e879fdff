import { describe, expect, it } from 'vitest'
import { followLiveChannel, type LiveSource, type LiveStatus, RECONNECT_BACKOFF } from './live-channel'

/** A stream the test drives by hand. */
class FakeSource implements LiveSource {
  onopen: ((event: Event) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  closed = false
  private listeners: (() => void)[] = []
  constructor(readonly url: string) {}
  addEventListener(_type: 'change', listener: () => void) {
    this.listeners.push(listener)
  }
  close() {
    this.closed = true
  }
  open() {
    this.onopen?.(new Event('open'))
  }
  fail() {
    this.onerror?.(new Event('error'))
  }
  change() {
    for (const listener of this.listeners) listener()
  }
}

function follow() {
  const sources: FakeSource[] = []
  const statuses: LiveStatus[] = []
  const waits: { ms: number; run(): void; cancelled: boolean }[] = []
  const refetches: { resolve(): void }[] = []
  const stop = followLiveChannel({
    url: '/api/things/events',
    onStatus: (status) => statuses.push(status),
    refetch: () => new Promise<void>((resolve) => refetches.push({ resolve })),
    open: (url) => {
      const source = new FakeSource(url)
      sources.push(source)
      return source
    },
    wait: (run, ms) => {
      const pending = { ms, run, cancelled: false }
      waits.push(pending)
      return () => {
        pending.cancelled = true
      }
    },
    random: () => 1,
  })
  return { sources, statuses, waits, refetches, stop, latest: () => sources.at(-1)! }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('following a live channel', () => {
  it('refetches on changes, one run at a time plus one for what changed meanwhile', async () => {
    const live = follow()
    expect(live.latest().url).toBe('/api/things/events')
    live.latest().open()
    expect(live.statuses).toEqual(['connecting', 'live'])
    expect(live.refetches).toHaveLength(0)

    live.latest().change()
    live.latest().change()
    live.latest().change()
    expect(live.refetches).toHaveLength(1)
    live.refetches[0]!.resolve()
    await settle()
    expect(live.refetches).toHaveLength(2)
    live.refetches[1]!.resolve()
    await settle()
    expect(live.refetches).toHaveLength(2)
  })

  it('reconnects with a doubling delay, reset by a successful open, and refetches after each reconnect', async () => {
    const live = follow()
    live.latest().open()
    live.latest().fail()
    expect(live.sources[0]!.closed).toBe(true)
    expect(live.statuses.at(-1)).toBe('reconnecting')
    live.waits.at(-1)!.run()
    live.latest().fail()
    live.waits.at(-1)!.run()
    live.latest().fail()
    expect(live.waits.map((wait) => wait.ms)).toEqual([
      RECONNECT_BACKOFF.initialMs,
      RECONNECT_BACKOFF.initialMs * 2,
      RECONNECT_BACKOFF.initialMs * 4,
    ])
    live.waits.at(-1)!.run()
    live.latest().open()
    expect(live.statuses.at(-1)).toBe('live')
    expect(live.refetches).toHaveLength(1)
    live.refetches[0]!.resolve()
    await settle()

    live.latest().fail()
    expect(live.waits.at(-1)!.ms).toBe(RECONNECT_BACKOFF.initialMs)
    for (let attempt = 0; attempt < 8; attempt++) {
      live.waits.at(-1)!.run()
      live.latest().fail()
    }
    expect(live.waits.at(-1)!.ms).toBe(RECONNECT_BACKOFF.maxMs)
    expect(live.sources.slice(0, -1).every((source) => source.closed)).toBe(true)
  })

  it('stops: closes the stream and cancels a pending reconnect', () => {
    const live = follow()
    live.latest().open()
    live.latest().fail()
    const pending = live.waits.at(-1)!
    live.stop()
    expect(pending.cancelled).toBe(true)
    const connected = follow()
    connected.latest().open()
    connected.stop()
    expect(connected.latest().closed).toBe(true)
    connected.latest().fail()
    expect(connected.waits).toHaveLength(0)
  })
})
