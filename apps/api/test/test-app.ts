import { seedDemoData } from '@partner-center/db/seed'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { createHash } from 'node:crypto'
import pino from 'pino'
import { createApp } from '../src/app'
import type { AppConfig, AppDeps } from '../src/deps'
import { deriveDemoToken } from '../src/dev/demo-tokens'
import { DEMO_PASSWORD } from '../src/dev/start-development-services'
import { createScryptPasswordHasher } from '../src/security/scrypt-passwords'

/** The reference instant of the seeded world in tests (domain.md §10: tests pass a fixed T). */
export const T = new Date('2026-03-02T09:00:00.000Z')

const TEST_SEED_SECRET = 'test-only-seed-token-secret-000'

/** Test settings: the defaults of domain.md §8 with the rate limits raised (R59). */
export const testConfig: AppConfig = {
  appEnv: 'test',
  publicBaseUrl: 'http://localhost:4175',
  platformName: 'Example Cloud',
  accessTokenTtlMinutes: 480,
  accessTokenMaxHours: 24,
  invitationTtlDays: 7,
  outboxMaxAttempts: 8,
  signInMaxFailures: 1_000,
  signInRateLimitPerMinute: 10_000,
  publicRateLimitPerMinute: 10_000,
  bodyLimitBytes: 1_048_576,
  trustedProxies: [],
  mailDomain: 'partner-center.local',
}

/** A JSON log line captured from the app, for assertions about what reaches the logs. */
export type LogLine = Record<string, unknown>

/**
 * A seeded database of its own (one per test file) and an app whose clock the test controls.
 * Cheap scrypt parameters keep sign-ins fast; the format and checks are the production ones.
 */
export async function createTestApp(options: { now?: Date } = {}) {
  const database: TestDatabase = await createTestDatabase()
  const passwords = createScryptPasswordHasher({ N: 1024, r: 8, p: 1 })
  const clock = { current: options.now ?? T, now: () => clock.current }
  await seedDemoData(database.db, {
    now: T,
    passwordHash: await passwords.hash(DEMO_PASSWORD),
    tokenHashFor: (name) =>
      createHash('sha256').update(deriveDemoToken(TEST_SEED_SECRET, name)).digest('hex'),
  })
  const logs: LogLine[] = []
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }
  )
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    clock,
    logger,
    passwords,
    config: testConfig,
  }
  const app = createApp(deps)

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`)
    return ((await response.json()) as { token: string }).token
  }

  return { app, deps, database, clock, logs, signIn, close: () => database.close() }
}
