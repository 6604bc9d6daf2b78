import { seedDemoData } from '@partner-center/db/seed'
import {
  BUSINESS_TABLES,
  countTableRows,
  createTestDatabase,
  type TestDatabase,
} from '@partner-center/db/testing'
import { createHash } from 'node:crypto'
import pino from 'pino'
import { createScalarScriptLoader } from '../src/api-reference-script'
import { createApp } from '../src/app'
import type { AppConfig, AppDeps } from '../src/deps'
import { deriveDemoToken } from '../src/dev/demo-tokens'
import { createFixtureRoutes } from '../src/dev/fixture-routes'
import { DEMO_PASSWORD } from '../src/dev/start-development-services'
import { createKeyring, DEVELOPMENT_ONLY_DATA_KEY, decodeDataKey } from '../src/security/keyring'
import { createScryptPasswordHasher } from '../src/security/scrypt-passwords'

/** The reference instant of the seeded world in tests (domain.md §10: tests pass a fixed T). */
export const T = new Date('2026-03-02T09:00:00.000Z')

export const TEST_SEED_SECRET = 'test-only-seed-token-secret-000'

/** Test settings: the defaults of domain.md §8 with the rate limits raised (R59). */
export const testConfig: AppConfig = {
  appEnv: 'test',
  publicBaseUrl: 'http://localhost:4175',
  platformName: 'Example Cloud',
  accessTokenTtlMinutes: 480,
  accessTokenMaxHours: 24,
  invitationTtlDays: 7,
  invitationReminderHours: 48,
  outboxMaxAttempts: 8,
  signInMaxFailures: 1_000,
  signInBackoffCapSeconds: 0,
  signInRateLimitPerMinute: 10_000,
  publicRateLimitPerMinute: 10_000,
  preregistrationRateLimitPerUserPerHour: 100_000,
  preregistrationRateLimitPerPartnerPerHour: 100_000,
  bodyLimitBytes: 1_048_576,
  apiDocs: true,
  trustedProxies: [],
  mailDomain: 'partner-center.local',
}

/** Any answer body: the error envelope when there is one (domain.md R8). */
export interface ApiBody {
  error?: { code: string; message: string; details?: Record<string, unknown>; requestId: string }
}

/** What a test's JSON request carries besides its method and path. */
export interface JsonCallInit {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/**
 * One JSON request through `send` (the app in process, or fetch to a running server): bearer
 * token, JSON body (a string is sent as is) and headers; answers status, parsed body (the raw
 * text under `raw` when it is not JSON), text and headers.
 */
export async function callJson<T = ApiBody>(
  send: (request: RequestInit) => Promise<Response> | Response,
  method: string,
  init: JsonCallInit
) {
  const response = await send({
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  })
  const text = await response.text()
  const body = (text.startsWith('{') ? JSON.parse(text) : { raw: text }) as T & ApiBody
  return { status: response.status, body, text, headers: response.headers }
}

/** A JSON log line captured from the app, for assertions about what reaches the logs. */
export type LogLine = Record<string, unknown>

/**
 * A seeded database of its own (one per test file) and an app whose clock the test controls.
 * Cheap scrypt parameters keep sign-ins fast; the format and checks are the production ones.
 */
export async function createTestApp(
  options: {
    now?: Date
    config?: Partial<AppConfig>
    clientAddress?: string
    /** A database prepared by the test (e.g. migrated without data steps); default a fresh one. */
    database?: TestDatabase
  } = {}
) {
  const database: TestDatabase = options.database ?? (await createTestDatabase())
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
    config: { ...testConfig, ...options.config },
    keyring: createKeyring({
      current: { id: 'k1', secret: decodeDataKey(DEVELOPMENT_ONLY_DATA_KEY) ?? new Uint8Array() },
      previous: [],
    }),
    getClientAddress: () => options.clientAddress ?? '127.0.0.1',
    apiReferenceScript: createScalarScriptLoader(),
  }
  deps.devRoutes = [{ path: '/v1/test', app: createFixtureRoutes(deps) }]
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

  /** One JSON request; answers status, parsed body, raw text and headers. */
  function call<T = ApiBody>(method: string, path: string, init: JsonCallInit = {}) {
    return callJson<T>((request) => app.request(path, request), method, init)
  }

  /** Row counts of every business table, to prove a refused request changed nothing. */
  function countRows(): Promise<Record<string, number>> {
    return countTableRows(database.db, BUSINESS_TABLES)
  }

  /** A fresh partner (and users) through the fixture endpoint of §10.5. */
  async function createPartner(body: Record<string, unknown> = {}) {
    const response = await call('POST', '/api/v1/test/partners', {
      body: { contactEmail: 'contact@fixture.example', ...body },
    })
    if (response.status !== 201) throw new Error(`fixture partner: ${response.text}`)
    return response.body as unknown as {
      partnerId: string
      users: { id: string; email: string; role: string }[]
    }
  }

  return {
    app,
    deps,
    database,
    clock,
    logs,
    signIn,
    call,
    countRows,
    createPartner,
    close: () => database.close(),
  }
}
