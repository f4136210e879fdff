import { createHash, randomBytes } from 'node:crypto'

/** A random bearer secret; only its SHA-256 is ever stored. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
