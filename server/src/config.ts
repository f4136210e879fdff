import path from 'node:path'

/** Runtime settings, read once from the environment. Every field is documented in README.md. */
export interface Config {
  /** postgres://… for a PostgreSQL server; undefined means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  port: number
  host: string
  /** Origins (scheme://host:port) allowed to make state-changing requests besides the server's own. */
  trustedOrigins: string[]
  sessionIdleMinutes: number
  sessionAbsoluteHours: number
  passwordMinLength: number
  /** Failed sign-ins for one username before it is locked; each further failure doubles the lock. */
  lockoutThreshold: number
  lockoutBaseSeconds: number
  /** Sign-in attempts per IP per minute. */
  loginRateLimitPerMinute: number
  bodyLimitBytes: number
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean
  secureCookies: boolean
  logLevel: string
  /** smtp://user:password@host:port (smtps:// for TLS from the start); unset: notification e-mails are only logged. */
  smtpUrl: string | undefined
  /** The From address of notification e-mails. */
  smtpFrom: string
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative whole number, got "${raw}"`)
  return value
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  return ['1', 'true', 'yes'].includes(raw.toLowerCase())
}

function smtpUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL
  if (raw === undefined || raw === '') return undefined
  let protocol: string | undefined
  try {
    protocol = new URL(raw).protocol
  } catch {
    protocol = undefined
  }
  // The value holds a password: the message never repeats it.
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new Error('SMTP_URL must look like smtp://user:password@host:port (or smtps://…)')
  return raw
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const trustProxy = boolFrom(env, 'TRUST_PROXY', false)
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 12),
    passwordMinLength: intFrom(env, 'PASSWORD_MIN_LENGTH', 12),
    lockoutThreshold: intFrom(env, 'LOCKOUT_THRESHOLD', 5),
    lockoutBaseSeconds: intFrom(env, 'LOCKOUT_BASE_SECONDS', 60),
    loginRateLimitPerMinute: intFrom(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 30),
    bodyLimitBytes: intFrom(env, 'BODY_LIMIT_BYTES', 1_048_576),
    trustProxy,
    secureCookies: boolFrom(env, 'SECURE_COOKIES', trustProxy),
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: smtpUrlFrom(env),
    smtpFrom: env.SMTP_FROM || 'Threshold <threshold@localhost>',
  }
}
