import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { systemClock } from './clock'
import type { Config } from './config'
import { type Database, openDatabase } from './db/database'
import { migrateToLatest } from './db/migrations/index'
import { VERSION } from './version'

/** Opens the configured database (PGlite in DATA_DIR, or PostgreSQL) and brings its schema up to date. */
export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  })
  await migrateToLatest(database.db)
  return database
}

export async function startServer(config: Config, database: Database): Promise<FastifyInstance> {
  const app = await buildApp(
    { database, config, clock: systemClock, version: VERSION },
    { serveWeb: true, logger: true },
  )
  await app.listen({ port: config.port, host: config.host })
  return app
}
