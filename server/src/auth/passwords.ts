import { hash, verify } from '@node-rs/argon2'
import type { Config } from '../config'
import { AppError } from '../http/errors'

/** argon2id at the library's defaults (m = 19 MiB, t = 2, p = 1): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

/** False for a wrong password and for a stored hash that cannot be read, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * Length and the username are the only rules (NIST 800-63B / ASVS 6.2.5: no composition rules).
 * `field` names the request field in the error details, e.g. `password` or `newPassword`.
 */
export function validateNewPassword(
  config: Pick<Config, 'passwordMinLength'>,
  username: string,
  password: string,
  field = 'password',
): void {
  const problem =
    [...password].length < config.passwordMinLength
      ? `must be at least ${config.passwordMinLength} characters long`
      : password.trim().toLowerCase() === username.trim().toLowerCase()
        ? 'must not be the same as the username'
        : null
  if (problem) {
    throw new AppError('invalid_input', `The new password ${problem}`, [
      { path: `body.${field}`, message: problem },
    ])
  }
}
