import type { AddressInfo } from 'node:net'
import type { Engine } from '../db/database'
import { inspectDemo, seedDemo } from '../demo/seed-demo'
import { startServer } from '../server'
import { VERSION } from '../version'
import { type CliCommand, CliFailure, parseOptions } from './command'
import { printDemoNotice } from './demo-notice'
import { migrateAndReport } from './migrate'

/** A shutdown that takes longer than this (a stuck request or connection) ends the process anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * The demo goes only into a database without any CoC: automatically on the embedded PGlite (the
 * `npm start` try-out), on PostgreSQL only when asked with `--demo`. A database that already holds
 * data never receives the demo's users and their published password.
 */
export function shouldSeedDemo({
  engine,
  hasCoc,
  demoFlag,
}: {
  engine: Engine
  hasCoc: boolean
  demoFlag: boolean
}): boolean {
  if (hasCoc) return false
  return engine === 'pglite' || demoFlag
}

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'])

/** The address to open in a browser: `localhost` for loopback and all-interfaces binds. */
export function browserUrl(host: string, port: number): string {
  if (LOOPBACK_OR_ANY.has(host)) return `http://localhost:${port}`
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

/** Resolves with the first SIGINT or SIGTERM; `stop` removes the handlers once shutdown is done. */
function shutdownSignal(): { received: Promise<NodeJS.Signals>; stop(): void } {
  let resolveSignal: (signal: NodeJS.Signals) => void = () => {}
  const received = new Promise<NodeJS.Signals>((resolve) => {
    resolveSignal = resolve
  })
  // Repeated signals (a terminal's Ctrl-C reaches npm, scripts/start.mjs and the server) are absorbed
  // here while closing, so they cannot cut the graceful shutdown short.
  const onSignal = (signal: NodeJS.Signals) => resolveSignal(signal)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    received,
    stop() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Migrate, then serve the API and web app (seeds the demo on an empty embedded database)',
  options: [
    '--demo    also seed the demo into an empty PostgreSQL database (the embedded one gets it anyway)',
  ],
  async run(args, context) {
    const options = parseOptions(args, { demo: { type: 'boolean', default: false } })
    const { io, config } = context
    // Listening from the start: a Ctrl-C during migrations or seeding waits for them instead of
    // killing the process halfway through a write to the embedded database.
    const signal = shutdownSignal()
    try {
      const database = await migrateAndReport(context)
      const { hasCoc, demoPresent } = await inspectDemo(database.db)
      let demo = demoPresent
      if (shouldSeedDemo({ engine: database.engine, hasCoc, demoFlag: options.demo })) {
        // 'already_present' means another instance seeded it a moment ago: the demo is there either way.
        await seedDemo(database.db)
        demo = true
        io.out('Seeded the demo data into the empty database.')
      } else if (options.demo && !demoPresent) {
        io.error(
          '--demo ignored: this database already holds a CoC, and the demo only goes into an empty one.',
        )
      } else if (!hasCoc) {
        io.out(
          'This database has no CoC yet. Create the first administrator with: npm run threshold -- ' +
            'create-admin --username NAME --coc-code GA-502 --coc-name "Your CoC"',
        )
      }

      const app = await startServer(config, database).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE') throw error
        throw new CliFailure(
          `Port ${config.port} on ${config.host} is already in use: stop the program using it or set PORT.`,
        )
      })
      const { port } = app.server.address() as AddressInfo
      io.out(`Threshold ${VERSION} is running at ${browserUrl(config.host, port)}`)
      if (demo) printDemoNotice(io)

      io.out(`${await signal.received} received: shutting down…`)
      const forceExit = setTimeout(() => {
        io.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS / 1000} s: exiting anyway.`)
        process.exit(1)
      }, SHUTDOWN_GRACE_MS)
      forceExit.unref()
      await app.close()
      io.out('Stopped taking requests; closing the database.')
      return 0
    } finally {
      signal.stop()
    }
  },
}
