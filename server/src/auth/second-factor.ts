import { randomInt } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { Secret, TOTP } from 'otpauth'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { hashToken } from './tokens'

export const TOTP_ISSUER = 'Threshold'
const RECOVERY_CODE_COUNT = 10
// No 0/o, 1/l/i: recovery codes are read off paper and typed in.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export type SecondFactor = 'totp' | 'recovery_code'

/** The authenticator entry the user scans: issuer "Threshold", labelled with their username. */
export function totpFor(username: string, secretBase32: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, secret: Secret.fromBase32(secretBase32) })
}

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps expect. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32

/** The time step a 6-digit code was made for, allowing one step of clock drift either way; else null. */
export function matchingTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const timestamp = now.getTime()
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secretBase32), timestamp, window: 1 })
  return delta === null ? null : TOTP.counter({ timestamp }) + delta
}

/** Accepts each time step once per user (RFC 6238 §5.2): a code seen over a shoulder cannot be reused. */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .updateTable('app_user')
    .set({ totp_last_used_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_used_step', 'is', null), eb('totp_last_used_step', '<', step)]))
    .returning('id')
    .executeTakeFirst()
  return claimed !== undefined
}

const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Ten one-time codes as `xxxxx-xxxxx` (about 50 bits each); only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    )
    return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`
  })
  return { codes, hashes: codes.map((code) => hashToken(normalizeRecoveryCode(code))) }
}

/** Removes the code from the user's list in the same statement that checks it: each works once. */
async function consumeRecoveryCode(db: Kysely<DB>, userId: string, code: string): Promise<boolean> {
  const codeHash = hashToken(normalizeRecoveryCode(code))
  const consumed = await db
    .updateTable('app_user')
    .set({ recovery_code_hashes: sql`array_remove(recovery_code_hashes, ${codeHash})` })
    .where('id', '=', userId)
    .where(sql<boolean>`${codeHash} = ANY(recovery_code_hashes)`)
    .returning('id')
    .executeTakeFirst()
  return consumed !== undefined
}

/**
 * A code from the user's enabled authenticator, or one of their unused recovery codes (then used up).
 * Returns which one matched, or null.
 */
export async function verifySecondFactor(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  code: string,
): Promise<SecondFactor | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user?.totp_secret || !user.totp_enabled_at) return null
  const compact = code.replace(/\s/g, '')
  if (/^\d{6}$/.test(compact)) {
    const step = matchingTotpStep(user.totp_secret, compact, clock.now())
    return step !== null && (await claimTotpStep(db, userId, step)) ? 'totp' : null
  }
  return (await consumeRecoveryCode(db, userId, compact)) ? 'recovery_code' : null
}

/** For set-up and removal while signed in: a 400 on the code field (not a 401 that would sign them out). */
export const wrongCode = () =>
  new AppError('invalid_input', 'That code is not correct; check the time on your phone and try again', [
    { path: 'body.code', message: 'is not correct' },
  ])

/** Forgets the authenticator and every recovery code (the user may enrol again). */
export async function clearSecondFactor(db: Kysely<DB>, clock: Clock, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_used_step: null,
      recovery_code_hashes: [],
      updated_at: clock.now(),
    })
    .where('id', '=', userId)
    .execute()
}
