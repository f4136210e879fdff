import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { systemClock } from './clock'
import type { Config } from './config'
import { type Database, openDatabase } from './db/database'
import { VERSION } from './version'

function pgliteDirectory(config: Config): string {
  return path.join(config.dataDir, 'pglite')
}

/** Opens the configured database: PostgreSQL at DATABASE_URL, or embedded PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ dataDir: pgliteDirectory(config) })
}

/** Which database the settings point at, for start-up and CLI messages (never the password). */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${pgliteDirectory(config)}`
  try {
    const url = new URL(config.databaseUrl)
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
  } catch {
    return 'PostgreSQL (DATABASE_URL)'
  }
}

export async function startServer(config: Config, database: Database): Promise<FastifyInstance> {
  // Loaded only here, so the other CLI commands start without building the whole HTTP app.
  const { buildApp } = await import('./app')
  const app = await buildApp(
    { database, config, clock: systemClock, version: VERSION },
    { serveWeb: true, logger: true },
  )
  // Night-by-night check-outs and stale holds; safe with several instances on one database.
  const { startBedAutomation } = await import('./beds/bed-automation')
  const stopBedAutomation = startBedAutomation({
    db: database.db,
    clock: systemClock,
    onError: (error) => app.log.error({ errName: (error as Error)?.name }, 'bed automation round failed'),
  })
  app.addHook('onClose', stopBedAutomation)
  // Referral timers: reminders, stalled notices, expiry; notification e-mails through SMTP_URL (else logged).
  const { startReferralAutomation } = await import('./referrals/referral-automation')
  const { emailSenderFor } = await import('./notifications/email')
  const stopReferralAutomation = startReferralAutomation({
    db: database.db,
    clock: systemClock,
    email: emailSenderFor(config, app.log),
    onError: (error) =>
      app.log.error({ errName: (error as Error)?.name }, 'referral automation round failed'),
  })
  app.addHook('onClose', stopReferralAutomation)
  await app.listen({ port: config.port, host: config.host })
  return app
}
