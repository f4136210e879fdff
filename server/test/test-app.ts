import { hash } from '@node-rs/argon2'
import type { Role } from '@threshold/core'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/app'
import { createSession, SESSION_COOKIE } from '../src/auth/sessions'
import { manualClock } from '../src/clock'
import { type Config, loadConfig } from '../src/config'
import type { Database } from '../src/db/database'
import { openTestDatabase } from './test-database'

export const TEST_PASSWORD = 'correct horse battery staple'
export const ORIGIN = 'http://localhost:80'

export interface TestApp {
  app: FastifyInstance
  database: Database
  db: Database['db']
  clock: ReturnType<typeof manualClock>
  config: Config
  /** A request as a browser on this site would send it (same Origin), optionally with a session cookie. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const clock = manualClock(new Date())
  const config = { ...loadConfig({}), ...overrides }
  const app = await buildApp({ database, config, clock, version: 'test' })
  await app.ready()
  return {
    app,
    database,
    db: database.db,
    clock,
    config,
    request({ cookie, headers, ...options }) {
      return app.inject({
        ...options,
        headers: {
          origin: ORIGIN,
          host: 'localhost:80',
          ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
          ...headers,
        },
      })
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** Test fixtures written straight to the database (the admin API has its own tests). */
export async function createCoc(db: Database['db'], code = 'GA-502', name = 'Fulton County CoC') {
  return db.insertInto('coc').values({ code, name }).returning(['id', 'code']).executeTakeFirstOrThrow()
}

export async function createOrganization(
  db: Database['db'],
  cocId: string,
  name: string,
  victimServiceProvider = false,
) {
  return db
    .insertInto('organization')
    .values({ coc_id: cocId, name, victim_service_provider: victimServiceProvider })
    .returning(['id', 'coc_id as cocId', 'name'])
    .executeTakeFirstOrThrow()
}

let cachedHash: string | undefined

export async function createUser(
  db: Database['db'],
  username: string,
  memberships: { organizationId: string; role: Role }[],
  password = TEST_PASSWORD,
) {
  if (password === TEST_PASSWORD && !cachedHash) cachedHash = await hash(TEST_PASSWORD)
  const passwordHash = password === TEST_PASSWORD && cachedHash ? cachedHash : await hash(password)
  const user = await db
    .insertInto('app_user')
    .values({ username, display_name: username, password_hash: passwordHash })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow()
  for (const membership of memberships) {
    await db
      .insertInto('membership')
      .values({ user_id: user.id, organization_id: membership.organizationId, role: membership.role })
      .execute()
  }
  return user
}

/** A live session for a user in one organization; returns the cookie value. */
export async function sessionFor(testApp: TestApp, userId: string, organizationId: string): Promise<string> {
  const { token } = await createSession(testApp.db, testApp.clock, testApp.config, {
    userId,
    organizationId,
    mfaPending: false,
    ip: null,
    userAgent: null,
  })
  return token
}
