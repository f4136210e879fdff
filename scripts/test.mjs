#!/usr/bin/env node
// `npm test`: unit + database tests on PGlite, the database tests again on PostgreSQL when
// TEST_DATABASE_URL is set, then the end-to-end suite in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromiumPath } from './chromium.mjs'

const totals = { passed: 0, failed: 0, skipped: 0 }
let exitCode = 0

function vitest(label, args, env = {}) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-vitest-')), 'report.json')
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  )
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'))
    totals.passed += json.numPassedTests
    totals.failed += json.numFailedTests
    totals.skipped += json.numPendingTests + json.numTodoTests
  }
  if (result.status !== 0) exitCode = 1
}

vitest('unit and database tests (PGlite)', [], { TEST_ENGINE: 'pglite' })

if (process.env.TEST_DATABASE_URL) {
  vitest('database tests (PostgreSQL)', [], { TEST_ENGINE: 'postgres' })
} else {
  console.log(
    '\nPostgreSQL run skipped: set TEST_DATABASE_URL=postgres://… to run the database tests on PostgreSQL too.',
  )
}

const browser = chromiumPath()
if (browser) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) exitCode = 1
  else vitest('end-to-end tests (Chromium)', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: browser })
} else if (process.env.CI) {
  console.error(
    '\nEnd-to-end tests FAILED to run: no Chromium found (install the Debian package "chromium").',
  )
  exitCode = 1
} else {
  console.log(
    '\nEnd-to-end tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).',
  )
}

console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(exitCode)
