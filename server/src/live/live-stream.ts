import type { ServerResponse } from 'node:http'
import type { FastifyRequest } from 'fastify'
import type { ZodType } from 'zod'
import type { AppDeps, TypedApp } from '../http/app-context'
import type { ChangePayload } from './publish-change'

/** The request of a stream route, with its validated parameters and query. */
export type LiveStreamRequest<Params, Query> = FastifyRequest<{ Params: Params; Querystring: Query }>

export interface LiveStreamOptions<Params, Query = unknown> {
  /** The route, e.g. '/api/facilities/:id/events'. */
  url: string
  /** Validates the route's parameters (400 on bad input, like every route). */
  params?: ZodType<Params>
  /** Validates the query string (400 on bad input). */
  querystring?: ZodType<Query>
  summary: string
  tags?: string[]
  channel: string
  /** Throws (404/403, audited) when the caller may not follow this stream; runs once, before it opens. */
  canSubscribe(request: LiveStreamRequest<Params, Query>): Promise<void>
  /**
   * Which events of the channel this subscriber receives. It may look the changed entity up (async; see
   * `oncePerEvent`); events still reach each stream in the order they were committed. A filter that throws
   * lets nothing through.
   */
  filter(payload: ChangePayload, request: LiveStreamRequest<Params, Query>): boolean | Promise<boolean>
  /** A comment line this often keeps proxies from closing an idle stream (default 15 s). */
  heartbeatMs?: number
  /**
   * Streams end after this long (default 15 min) and the browser's EventSource reconnects, which signs the
   * request in again: a revoked or expired session stops receiving events.
   */
  maxDurationMs?: number
}

interface Subscriber {
  response: ServerResponse
  accepts(payload: ChangePayload): boolean | Promise<boolean>
}

/**
 * Wraps a look-up so that all the streams of a route filtering one event share one call: the hub hands the
 * same payload object to every subscriber, so it is the cache key (dropped with the event).
 */
export function oncePerEvent<T>(
  load: (payload: ChangePayload) => Promise<T>,
): (payload: ChangePayload) => Promise<T> {
  const loaded = new WeakMap<ChangePayload, Promise<T>>()
  return (payload) => {
    let result = loaded.get(payload)
    if (!result) {
      result = load(payload)
      loaded.set(payload, result)
    }
    return result
  }
}

/** A slow reader holding this much unsent data is dropped (its EventSource reconnects and refetches). */
const MAX_BUFFERED_BYTES = 1_048_576

/**
 * One LISTEN per channel per app instance, fanned out to every open stream of that channel. It starts with
 * the first subscriber and stops when the app closes.
 */
class ChannelHub {
  readonly subscribers = new Set<Subscriber>()
  private listening: Promise<() => Promise<void>> | undefined
  private heartbeat: NodeJS.Timeout | undefined
  /** The events being filtered, one after the other, so that each stream gets them in commit order. */
  private delivering: Promise<void> = Promise.resolve()

  constructor(
    private readonly deps: AppDeps,
    private readonly channel: string,
    private readonly heartbeatMs: number,
  ) {}

  /** Resolves once the LISTEN is in place, so nothing committed after the stream opens is missed. */
  async start(): Promise<void> {
    this.listening ??= this.deps.database.notifier.listen(this.channel, (raw) => this.deliver(raw))
    try {
      await this.listening
    } catch (error) {
      this.listening = undefined
      throw error
    }
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber)
    this.heartbeat ??= setInterval(() => this.broadcast(': heartbeat\n\n'), this.heartbeatMs).unref()
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber)
    if (this.subscribers.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat)
      this.heartbeat = undefined
    }
  }

  async stop(): Promise<void> {
    for (const subscriber of [...this.subscribers]) subscriber.response.end()
    this.subscribers.clear()
    if (this.heartbeat) clearInterval(this.heartbeat)
    await this.delivering
    const unlisten = await this.listening?.catch(() => undefined)
    this.listening = undefined
    await unlisten?.()
  }

  private deliver(raw: string): void {
    let payload: ChangePayload
    try {
      payload = JSON.parse(raw) as ChangePayload
    } catch {
      return
    }
    this.delivering = this.delivering.then(() => this.fanOut(payload))
  }

  private async fanOut(payload: ChangePayload): Promise<void> {
    const event = `event: change\ndata: ${JSON.stringify(payload)}\n\n`
    const subscribers = [...this.subscribers]
    const accepted = await Promise.all(
      subscribers.map(async (subscriber) => {
        try {
          return await subscriber.accepts(payload)
        } catch {
          return false
        }
      }),
    )
    subscribers.forEach((subscriber, index) => {
      // A stream that closed while the filters ran is gone.
      if (accepted[index] && this.subscribers.has(subscriber)) this.write(subscriber, event)
    })
  }

  private broadcast(text: string): void {
    for (const subscriber of this.subscribers) this.write(subscriber, text)
  }

  private write(subscriber: Subscriber, text: string): void {
    if (subscriber.response.writableLength > MAX_BUFFERED_BYTES) {
      subscriber.response.end()
      this.remove(subscriber)
      return
    }
    subscriber.response.write(text)
  }
}

const hubsByApp = new WeakMap<TypedApp, Map<string, ChannelHub>>()

function hubFor(app: TypedApp, deps: AppDeps, channel: string, heartbeatMs: number): ChannelHub {
  let hubs = hubsByApp.get(app)
  if (!hubs) {
    const created = new Map<string, ChannelHub>()
    hubs = created
    hubsByApp.set(app, created)
    // Before the server waits for connections to finish: open streams would otherwise hold it open.
    app.addHook('preClose', async () => {
      await Promise.all([...created.values()].map((hub) => hub.stop()))
    })
  }
  let hub = hubs.get(channel)
  if (!hub) {
    hub = new ChannelHub(deps, channel, heartbeatMs)
    hubs.set(channel, hub)
  }
  return hub
}

/**
 * A Server-Sent Events route (text/event-stream): after `canSubscribe` passes, the caller receives every
 * change on `channel` that `filter` accepts, as `event: change` with the JSON payload, until either side
 * closes the stream.
 */
export function registerLiveStream<Params, Query = unknown>(
  app: TypedApp,
  deps: AppDeps,
  options: LiveStreamOptions<Params, Query>,
) {
  const hub = hubFor(app, deps, options.channel, options.heartbeatMs ?? 15_000)
  const maxDurationMs = options.maxDurationMs ?? 15 * 60_000
  app.get(
    options.url,
    {
      schema: {
        ...(options.tags && { tags: options.tags }),
        summary: options.summary,
        ...(options.params && { params: options.params }),
        ...(options.querystring && { querystring: options.querystring }),
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const typed = request as LiveStreamRequest<Params, Query>
      await options.canSubscribe(typed)
      await hub.start()
      reply.hijack()
      const response = reply.raw
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Resource-Policy': 'same-origin',
        Connection: 'keep-alive',
        // Reverse proxies (nginx) must pass events through at once.
        'X-Accel-Buffering': 'no',
      })
      response.write('retry: 3000\n: connected\n\n')
      const subscriber: Subscriber = { response, accepts: (payload) => options.filter(payload, typed) }
      hub.add(subscriber)
      const expiry = setTimeout(() => response.end(), maxDurationMs).unref()
      response.on('close', () => {
        clearTimeout(expiry)
        hub.remove(subscriber)
      })
    },
  )
}
