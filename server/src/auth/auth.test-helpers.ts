import type { LightMyRequestResponse } from 'fastify'
import { Secret, TOTP } from 'otpauth'
import { TEST_PASSWORD, type TestApp } from '../../test/test-app'
import { SESSION_COOKIE } from './sessions'

// Shared by the auth tests (not a test file itself).

export function signIn(t: TestApp, username: string, password = TEST_PASSWORD, ip?: string) {
  return t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(ip && { remoteAddress: ip }),
  })
}

/** The session cookie a response set, or undefined. */
export function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)
}

export function sessionTokenOf(response: LightMyRequestResponse): string {
  const cookie = sessionCookieOf(response)
  if (!cookie?.value)
    throw new Error(`no session cookie in a ${response.statusCode} answer: ${response.body}`)
  return cookie.value
}

export const me = (t: TestApp, cookie: string) => t.request({ method: 'GET', url: '/api/auth/me', cookie })

/** The audit rows of one action, oldest first. */
export function auditRows(t: TestApp, action: string) {
  return t.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute()
}

/** What an authenticator app would show for this secret at the test clock's time. */
export function totpCode(t: TestApp, secretBase32: string): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate({
    timestamp: t.clock.now().getTime(),
  })
}
