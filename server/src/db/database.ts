import fs from 'node:fs'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from './schema'

// DATE stays 'YYYY-MM-DD' (pg would build a local-midnight Date); int8 and count(*) become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export type Engine = 'pglite' | 'postgres'

/** Cross-instance change feed: PostgreSQL LISTEN/NOTIFY on both engines. */
export interface Notifier {
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
}

export interface Database {
  db: Kysely<DB>
  engine: Engine
  notifier: Notifier
  /** PGlite only: the whole data directory as a tarball (tests start each file from a migrated one). */
  dump?(): Promise<Blob>
  close(): Promise<void>
}

export interface OpenOptions {
  /** postgres://… or undefined for PGlite. */
  databaseUrl?: string
  /** PGlite data directory; undefined keeps the database in memory. */
  dataDir?: string
  /** A PGlite dump (from `dumpDataDir`) to start from, used by tests to skip initdb and migrations. */
  loadDataDir?: Blob
  poolSize?: number
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10)
  return openPglite(options)
}

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  // JIT compilation costs more than it saves on our short, index-driven queries: the Find Client benchmark
  // measured name searches 3-5x slower with it on (docs/benchmarks.md).
  const pool = new pg.Pool({ connectionString, max: poolSize, options: '-c jit=off' })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  const listeners = new Set<pg.Client>()
  const notifier: Notifier = {
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString })
      client.on('error', () => {})
      await client.connect()
      listeners.add(client)
      client.on('notification', (message) => {
        if (message.channel === channel) onMessage(message.payload ?? '')
      })
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return async () => {
        listeners.delete(client)
        await client.end().catch(() => {})
      }
    },
  }
  return {
    db,
    engine: 'postgres',
    notifier,
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})))
      await db.destroy()
    },
  }
}

async function openPglite(options: OpenOptions): Promise<Database> {
  // Loaded lazily so a PostgreSQL deployment never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch')
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent')
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist')
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres')
  // PGlite's own mkdir is not recursive.
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true })
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, fuzzystrmatch, unaccent, btree_gist },
  })
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }),
  })
  const notifier: Notifier = {
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage)
    },
  }
  return {
    db,
    engine: 'pglite',
    notifier,
    dump: () => pglite.dumpDataDir('none') as Promise<Blob>,
    async close() {
      await db.destroy()
      await pglite.close()
    },
  }
}
