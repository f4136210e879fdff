import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { autoCheckOut, DEFAULT_CHECKOUT_HOUR } from './auto-check-out'
import { DEFAULT_NO_SHOW_DAYS, expireReservations } from './expire-reservations'

export interface BedAutomationOptions {
  db: Kysely<DB>
  clock: Clock
  /** How often to look for due check-outs and stale holds (default 5 minutes). */
  intervalMs?: number
  checkoutHour?: number
  noShowDays?: number
  /** A failed round is reported here and retried on the next tick. */
  onError(error: unknown): void
}

/**
 * Runs the automatic bed processes on a light interval inside the server. Safe with several app instances
 * on one database: each process locks the facility it changes and skips what another instance already did.
 * Returns a function that stops it (and waits for a round in progress).
 */
export function startBedAutomation(options: BedAutomationOptions): () => Promise<void> {
  let running: Promise<void> | undefined
  const round = async () => {
    try {
      await autoCheckOut({
        db: options.db,
        clock: options.clock,
        checkoutHour: options.checkoutHour ?? DEFAULT_CHECKOUT_HOUR,
      })
      await expireReservations({
        db: options.db,
        clock: options.clock,
        noShowDays: options.noShowDays ?? DEFAULT_NO_SHOW_DAYS,
      })
    } catch (error) {
      options.onError(error)
    }
  }
  const timer = setInterval(
    () => {
      // A slow round is never overlapped by the next one.
      running ??= round().finally(() => {
        running = undefined
      })
    },
    options.intervalMs ?? 5 * 60_000,
  ).unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
