#!/usr/bin/env node
// `npm start`: build the web app when it is missing or older than its sources, then serve everything.
// Extra arguments go to `serve` (e.g. `npm start -- --demo`).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))))
}

const built = 'web/dist/index.html'
const sources = Math.max(newestMtime('web/src'), newestMtime('core/src'), newestMtime('web/index.html'))
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log('Building the web app…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// The server runs in a child node (tsx as a loader, no extra process in between); stop signals are
// passed on so it can close its connections and the embedded database cleanly.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/src/cli.ts', 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
