import { defineConfig } from 'vitest/config'

// End-to-end tests: the real server in-process on a fresh PGlite with the demo data, the built web app
// (npm run build -w @threshold/web) and Chromium driven by playwright-core. One file at a time: each
// starts its own server and browser, and the machine's cores are shared.
export default defineConfig({
  test: {
    include: ['web/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
})
