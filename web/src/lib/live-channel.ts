// Following a server's live stream (text/event-stream of `change` events, see server/src/live): on each
// change, and after every reconnect (something may have changed while the stream was down), the screen
// refetches through the normal API. React-free, so it is tested without a browser; `useLiveChannel` wraps it.

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

/** The part of the browser's EventSource this uses. */
export interface LiveSource {
  onopen: ((event: Event) => void) | null
  onerror: ((event: Event) => void) | null
  addEventListener(type: 'change', listener: () => void): void
  close(): void
}

/** After a failure the next attempt waits `initialMs`, doubling up to `maxMs`; an open stream resets it. */
export const RECONNECT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 }

export interface LiveChannelOptions {
  url: string
  /** Refetches what the screen shows. A burst of changes is one run at a time, plus one for what came meanwhile. */
  refetch(): Promise<unknown>
  onStatus(status: LiveStatus): void
  /** Seams for tests: the browser's EventSource, timers and jitter by default. */
  open?: (url: string) => LiveSource
  wait?: (run: () => void, ms: number) => () => void
  random?: () => number
}

const browserSource = (url: string): LiveSource => new EventSource(url)
const browserWait = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms)
  return () => clearTimeout(timer)
}

/**
 * Connects and stays connected until the returned function is called. A failed or dropped stream (a server
 * restart, an expired session's 401, a proxy timeout) is retried with exponential backoff and jitter, so a
 * restarted server is not hit by every screen at once; the browser's own retry stops after an HTTP error.
 */
export function followLiveChannel(options: LiveChannelOptions): () => void {
  const open = options.open ?? browserSource
  const wait = options.wait ?? browserWait
  const random = options.random ?? Math.random
  let source: LiveSource | null = null
  let cancelRetry: (() => void) | null = null
  let delay = RECONNECT_BACKOFF.initialMs
  let wasDown = false
  let stopped = false

  let fetching = false
  let changedMeanwhile = false
  const refetch = async () => {
    if (fetching) {
      changedMeanwhile = true
      return
    }
    fetching = true
    try {
      do {
        changedMeanwhile = false
        await options.refetch()
      } while (changedMeanwhile && !stopped)
    } finally {
      fetching = false
    }
  }

  const connect = () => {
    cancelRetry = null
    const current = open(options.url)
    source = current
    current.onopen = () => {
      delay = RECONNECT_BACKOFF.initialMs
      options.onStatus('live')
      if (wasDown) void refetch()
      wasDown = false
    }
    current.onerror = () => {
      current.close()
      if (stopped || source !== current) return
      wasDown = true
      options.onStatus('reconnecting')
      // Between half and all of the delay.
      cancelRetry = wait(connect, delay / 2 + (random() * delay) / 2)
      delay = Math.min(delay * 2, RECONNECT_BACKOFF.maxMs)
    }
    current.addEventListener('change', () => void refetch())
  }

  options.onStatus('connecting')
  connect()
  return () => {
    stopped = true
    cancelRetry?.()
    source?.close()
  }
}
