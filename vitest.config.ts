import { defineConfig } from 'vitest/config'

// Unit and database tests. DB tests (*.db.test.ts) run on PGlite, or on PostgreSQL when
// TEST_ENGINE=postgres and TEST_DATABASE_URL are set (scripts/test.mjs runs both).
const engine = process.env.TEST_ENGINE ?? 'pglite'

export default defineConfig({
  test: {
    include:
      engine === 'postgres'
        ? ['server/**/*.db.test.ts']
        : ['core/test/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
})
