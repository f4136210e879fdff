import { SESSION_COOKIE } from '../src/auth/sessions'

// Reads a Server-Sent Events stream over a real socket, for the live-stream tests (two app instances on one
// database). Delivery is asserted, never its speed: the timeout only keeps a lost event from hanging the
// test, so it is generous.

/** How long `readUntil` waits before it gives up: a hang guard, not a latency bound. */
export const HANG_GUARD_MS = 10_000

export interface SseStream {
  response: Response
  /** Resolves with everything read so far once it contains `text`; rejects if the stream ends first. */
  readUntil(text: string, timeoutMs?: number): Promise<string>
  close(): void
}

/** Opens `url` as `cookie`'s session (none: anonymous) and reads it chunk by chunk. */
export async function openSseStream(url: string, cookie?: string): Promise<SseStream> {
  const abort = new AbortController()
  const response = await fetch(url, {
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
    signal: abort.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  return {
    response,
    async readUntil(text, timeoutMs = HANG_GUARD_MS) {
      let timer: NodeJS.Timeout | undefined
      const hung = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no "${text}" after ${timeoutMs} ms; got: ${buffered}`)),
          timeoutMs,
        )
      })
      try {
        while (!buffered.includes(text)) {
          const chunk = await Promise.race([reader.read(), hung])
          if (chunk.value) buffered += decoder.decode(chunk.value, { stream: true })
          if (chunk.done && !buffered.includes(text))
            throw new Error(`stream ended before "${text}": ${buffered}`)
        }
        return buffered
      } finally {
        clearTimeout(timer)
      }
    },
    close: () => abort.abort(),
  }
}

/** The JSON payloads of the `event: change` messages in a stream's text, in order. */
export function changeEvents(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: change'))
    .map((block) => JSON.parse(block.split('\ndata: ')[1] ?? 'null'))
}
