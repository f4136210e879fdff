#!/usr/bin/env node
// `npm start`: build the web app when it is missing or older than its sources, then serve everything.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const built = 'web/dist/index.html'
const sources = Math.max(newestMtime('web/src'), newestMtime('core/src'), fs.statSync('web/index.html').mtimeMs)
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log('Building the web app…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const server = spawnSync('npx', ['tsx', 'server/src/cli.ts', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(server.status ?? 1)
