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

export type Engine = 'pglite' | 'postgres'

/** `--name=value` from a benchmark's arguments. */
export function benchOption(args: readonly string[], name: string): string | undefined {
  return args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
}

/** The engines to run: `--engines=pglite,postgres`, else PGlite plus PostgreSQL when BENCH_DATABASE_URL is set. */
export function benchEngines(args: readonly string[]): Engine[] {
  const postgresUrl = process.env.BENCH_DATABASE_URL
  const engines = (benchOption(args, 'engines')?.split(',') ?? [
    'pglite',
    ...(postgresUrl ? ['postgres'] : []),
  ]) as Engine[]
  if (engines.includes('postgres') && !postgresUrl)
    throw new Error('The postgres engine needs BENCH_DATABASE_URL')
  return engines
}

/** A fresh migrated database of the engine; `label` names the PostgreSQL scratch database. */
export function openBenchDatabase(engine: Engine, label: string): Promise<BenchDatabase> {
  return engine === 'pglite'
    ? openBenchPglite()
    : openBenchPostgres(process.env.BENCH_DATABASE_URL!, label, 4)
}

/** 'PostgreSQL 15.20' or 'PGlite (in memory)': the heading of an engine's results. */
export async function engineLabel(engine: Engine, db: Kysely<DB>): Promise<string> {
  return engine === 'postgres' ? `PostgreSQL${await serverVersion(db)}` : 'PGlite (in memory)'
}

export interface Timing {
  p50: number
  p95: number
  max: number
}

/** Runs `run` `warmUp` times untimed, then `samples` times timed, one call at a time; milliseconds. */
export async function time(
  samples: number,
  run: (index: number) => Promise<unknown>,
  warmUp = 20,
): Promise<Timing> {
  for (let index = 0; index < warmUp; index++) await run(index)
  const durations: number[] = []
  for (let index = 0; index < samples; index++) {
    const started = performance.now()
    await run(index)
    durations.push(performance.now() - started)
  }
  const round = (value: number) => Math.round(value * 100) / 100
  return {
    p50: round(percentile(durations, 50)),
    p95: round(percentile(durations, 95)),
    max: round(Math.max(...durations)),
  }
}

/** One Markdown table row: label, p50, p95, max and the p95 target when there is one. */
export function timingRow(label: string, timing: Timing, target?: number): string {
  return `| ${label} | ${timing.p50} | ${timing.p95} | ${timing.max} | ${target ? `≤ ${target}` : ''} |`
}

/** The machine line of a section, with the load average at the end of the run. */
export function machineLine(): string {
  return (
    `Machine: ${machine()}; load average ${os.loadavg()[0]?.toFixed(1)} at the end (a shared machine: other ` +
    'work runs beside the benchmark, so compare rows within one run).'
  )
}

/** Prints the section with `--no-write`, otherwise writes it into docs/benchmarks.md. */
export function publishSection(args: readonly string[], title: string, section: string): void {
  if (args.includes('--no-write')) console.log(`\n${section}`)
  else {
    writeDocSection(title, section)
    console.log(`\nWrote "${title.slice(3)}" in docs/benchmarks.md`)
  }
}
