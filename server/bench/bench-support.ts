import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import { type Database, openDatabase } from '../src/db/database'
import { migrateToLatest } from '../src/db/migrations/index'
import type { DB } from '../src/db/schema'

// What every benchmark needs: a fresh migrated database on either engine, percentiles, the machine's
// description, and its own section of docs/benchmarks.md.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BENCHMARKS_DOC = path.join(REPO_ROOT, 'docs/benchmarks.md')

export type BenchDatabase = Database & { cleanup?: () => Promise<void> }

/** An in-memory PGlite, migrated. */
export async function openBenchPglite(): Promise<BenchDatabase> {
  const database = await openDatabase({})
  await migrateToLatest(database.db)
  return database
}

/** A scratch database on the PostgreSQL server at `url`, migrated; `cleanup` drops it. */
export async function openBenchPostgres(url: string, label: string, poolSize = 2): Promise<BenchDatabase> {
  const name = `threshold_bench_${label}_${process.pid}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize })
  await migrateToLatest(database.db)
  return {
    ...database,
    async cleanup() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** ' 15.20' for PostgreSQL 15.20. */
export async function serverVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db)
  return ` ${rows[0]?.v.split(' ')[0] ?? ''}`
}

/** The p-th percentile (nearest rank) of some measurements; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export function machine(): string {
  const cpu =
    /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model
  const ram = Math.round(os.totalmem() / 2 ** 30)
  return `${os.availableParallelism()} cores (nproc), ${cpu ?? 'unknown CPU'}, ${ram} GB RAM, Node ${process.version}`
}

/** Replaces the section titled `title` (a `## ` heading) of docs/benchmarks.md, keeping every other one. */
export function writeDocSection(title: string, section: string): void {
  const current = fs.existsSync(BENCHMARKS_DOC) ? fs.readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n'
  const start = current.indexOf(title)
  if (start < 0) {
    fs.writeFileSync(BENCHMARKS_DOC, `${current.trimEnd()}\n\n${section.trimEnd()}\n`)
    return
  }
  const next = current.indexOf('\n## ', start + title.length)
  const rest = next < 0 ? '' : current.slice(next + 1)
  fs.writeFileSync(
    BENCHMARKS_DOC,
    `${current.slice(0, start)}${section.trimEnd()}\n${rest ? `\n${rest}` : ''}`,
  )
}
