import { type Kysely, sql } from 'kysely'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'

type ThrottleConfig = Pick<Config, 'lockoutThreshold' | 'lockoutBaseSeconds'>

const MAX_LOCK_SECONDS = 3600
/** Failures older than this are forgotten: a few typos a month never add up to a lock. */
const FAILURE_MEMORY_MS = 24 * 3_600_000

/** The key of a sign-in name, whether or not such a user exists (a lock must not reveal that). */
export const usernameKey = (username: string): string => username.trim().toLowerCase()

/** Seconds a username stays locked after its n-th failure in a row: none below the threshold, then doubling. */
export function lockSecondsAfter(config: ThrottleConfig, failures: number): number {
  if (config.lockoutThreshold === 0 || failures < config.lockoutThreshold) return 0
  const doublings = Math.min(failures - config.lockoutThreshold, 20)
  return Math.min(config.lockoutBaseSeconds * 2 ** doublings, MAX_LOCK_SECONDS)
}

/** Refuses every attempt for a locked username, with the same answer whether or not the user exists. */
export async function lockedUntil(db: Kysely<DB>, clock: Clock, key: string): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('username_key', '=', key)
    .where('locked_until', '>', clock.now())
    .executeTakeFirst()
  return row?.locked_until ?? null
}

export function lockedError(clock: Clock, until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 60_000))
  return new AppError(
    'too_many_requests',
    `Too many failed sign-in attempts for this username. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  )
}

/** Counts one failure (atomically, so parallel guesses all count) and locks the username when due. */
export async function recordLoginFailure(
  db: Kysely<DB>,
  clock: Clock,
  config: ThrottleConfig,
  key: string,
): Promise<void> {
  const now = clock.now()
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS)
  const { failures } = await db
    .insertInto('login_throttle')
    .values({ username_key: key, failures: 1, last_failure_at: now })
    .onConflict((conflict) =>
      conflict.column('username_key').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttle.last_failure_at > ${forgetBefore}
                                   THEN login_throttle.failures + 1 ELSE 1 END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow()
  const lockSeconds = lockSecondsAfter(config, failures)
  if (lockSeconds > 0) {
    await db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(now.getTime() + lockSeconds * 1000) })
      .where('username_key', '=', key)
      .execute()
  }
}

/** A complete sign-in starts the count again. */
export async function clearLoginFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username_key', '=', key).execute()
}
