import fs from 'node:fs'

/** The Chromium to drive in end-to-end tests: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((candidate) => candidate && fs.existsSync(candidate)) ?? null
}
