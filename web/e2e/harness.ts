import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { buildApp } from '../../server/src/app'
import { type Clock, systemClock } from '../../server/src/clock'
import { type Config, loadConfig } from '../../server/src/config'
import { type Database, openDatabase } from '../../server/src/db/database'
import { migrateToLatest } from '../../server/src/db/migrations/index'
import { seedDemo } from '../../server/src/demo/seed-demo'

// The browser suite's harness: the real server in-process on a fresh in-memory PGlite seeded with the
// demo CoC, serving the built web app, and Chromium pages that record every console error and failed
// response so a test fails on anything the user would have seen go wrong.

const WEB_DIST_INDEX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.html')
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** A 4xx a test provokes on purpose (a wrong password, an expired session). */
export interface ExpectedFailure {
  status: number
  method?: string
  path: string
}

/** Opening the app signed out asks who is signed in; the 401 answer is how it learns "nobody". */
const ANONYMOUS_SESSION_CHECK: ExpectedFailure = { status: 401, method: 'GET', path: '/api/auth/me' }

export class TrackedPage {
  readonly problems: string[] = []
  private readonly expected: ExpectedFailure[] = [ANONYMOUS_SESSION_CHECK]

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      // Chromium logs every non-2xx fetch as "Failed to load resource"; the response check judges those.
      const failedStatus = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(
        text,
      )
      if (failedStatus && this.isExpected(Number(failedStatus[1]), undefined, message.location().url)) return
      this.problems.push(
        `console error: ${text}${message.location().url ? ` (${message.location().url})` : ''}`,
      )
    })
    page.on('pageerror', (error) => this.problems.push(`uncaught exception: ${error.message}`))
    page.on('response', (response) => {
      const status = response.status()
      if (status < 400) return
      const request = response.request()
      if (status < 500 && this.isExpected(status, request.method(), response.url())) return
      this.problems.push(`HTTP ${status} for ${request.method()} ${new URL(response.url()).pathname}`)
    })
  }

  expectFailure(failure: ExpectedFailure): void {
    this.expected.push(failure)
  }

  private isExpected(status: number, method: string | undefined, url: string): boolean {
    const pathname = new URL(url).pathname
    return this.expected.some(
      (failure) =>
        failure.status === status &&
        failure.path === pathname &&
        (method === undefined || failure.method === undefined || failure.method === method),
    )
  }
}

export interface E2eEnvironment {
  baseUrl: string
  database: Database
  /** A fresh browser context (no cookies) and page whose problems fail the current test. */
  openPage(): Promise<TrackedPage>
}

interface RunningEnvironment extends E2eEnvironment {
  finishTest(): Promise<string[]>
  close(): Promise<void>
}

/** A test file may run the server on its own clock (moved by hand) and settings. */
export interface E2eOptions {
  clock?: Clock
  config?: Partial<Config>
}

async function startEnvironment(options: E2eOptions): Promise<RunningEnvironment> {
  if (!fs.existsSync(WEB_DIST_INDEX)) {
    throw new Error('The web app is not built: run `npm run build -w @threshold/web` before the e2e suite')
  }
  const database = await openDatabase({})
  await migrateToLatest(database.db)
  await seedDemo(database.db)
  // Many sign-ins from one address in a minute is the suite, not an attack.
  const config = { ...loadConfig({}), loginRateLimitPerMinute: 10_000, ...options.config }
  const app: FastifyInstance = await buildApp(
    { database, config, clock: options.clock ?? systemClock, version: 'e2e' },
    { serveWeb: true },
  )
  await app.listen({ host: '127.0.0.1', port: 0 })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  let pages: TrackedPage[] = []

  return {
    baseUrl,
    database,
    async openPage() {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 } })
      context.setDefaultTimeout(10_000)
      const tracked = new TrackedPage(await context.newPage(), context)
      pages.push(tracked)
      return tracked
    },
    async finishTest() {
      const problems = pages.flatMap((tracked) => tracked.problems)
      await Promise.all(pages.map((tracked) => tracked.context.close()))
      pages = []
      return problems
    },
    async close() {
      await browser.close()
      await app.close()
      await database.close()
    },
  }
}

/**
 * Starts the server and browser once per test file; after each test, fails it if any page it opened
 * logged a console error or got an unexpected error response.
 */
export function setUpE2eEnvironment(options: E2eOptions = {}): () => E2eEnvironment {
  let environment: RunningEnvironment | undefined
  beforeAll(async () => {
    environment = await startEnvironment(options)
  })
  afterEach(async () => {
    const problems = (await environment?.finishTest()) ?? []
    if (problems.length > 0) throw new Error(`The browser reported problems:\n- ${problems.join('\n- ')}`)
  })
  afterAll(async () => {
    await environment?.close()
  })
  return () => {
    if (!environment) throw new Error('The e2e environment has not started')
    return environment
  }
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; html: string; failureSummary?: string }[]
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> }
  }
}

/** Runs axe-core on the page as it is now; fails on serious or critical violations, listing each. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const result = await window.axe!.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `${node.target.join(' ')}: ${node.html.slice(0, 160)}\n      ${node.failureSummary ?? ''}`,
          ),
      }))
  })
  if (violations.length > 0) {
    const list = violations
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help}\n    at ${violation.targets.join('\n    at ')}`,
      )
      .join('\n- ')
    throw new Error(`Accessibility violations on ${where}:\n- ${list}`)
  }
}

/** Saves a full-page screenshot when E2E_SCREENSHOT_DIR is set (for looking at the layout by eye). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOT_DIR
  if (!directory) return
  fs.mkdirSync(directory, { recursive: true })
  await page.screenshot({ path: path.join(directory, `${name}.png`), fullPage: true })
}
