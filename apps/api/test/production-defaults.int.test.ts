// Issue 13, item 2 and the last point of item 8, on real processes: the README's "Real PostgreSQL
// and SMTP" commands (`node apps/api/dist/server.js`, `node apps/api/dist/dispatcher.js`) with
// DATABASE_URL, SMTP_URL and an https PUBLIC_BASE_URL and no APP_ENV run as production.
import { auditEvents, users } from '@partner-center/db/schema'
import {
  DEMO_CREDENTIAL_IDS,
  DEMO_CUSTOMER_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_USERS,
} from '@partner-center/db/seed'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { eq, inArray, like } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deriveDemoToken } from '../src/dev/demo-tokens'
import { startSmtpSink, type SmtpSink } from '../src/dev/smtp-sink'
import { DEVELOPMENT_SEED_TOKEN_SECRET } from '../src/env-profile'
import { createScryptPasswordHasher } from '../src/security/scrypt-passwords'
import { insertPartner } from './outbox/outbox-fixtures'
import {
  freePort,
  rawRequest,
  startBuiltEntry,
  waitForReady,
  waitUntil,
  type BuiltEntry,
} from './support/built-entry'

// Where the development-only packages live once resolved (pnpm keeps the package name).
const DEV_ONLY_PACKAGE = /\/node_modules\/(smtp-server|mailparser|@electric-sql\/pglite)\//
// Every seeded link's raw token, as anyone can derive it from the public default secret.
const SEEDED_LINK = deriveDemoToken(DEVELOPMENT_SEED_TOKEN_SECRET, 'P03-1')

let sink: SmtpSink
const databases: TestDatabase[] = []
const running: BuiltEntry[] = []

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.stop()))
})
afterAll(async () => {
  await sink.close()
  await Promise.all(databases.map((database) => database.close()))
})

/** A fresh database that no process has migrated yet (both entries migrate on start). */
async function freshDatabaseUrl(): Promise<{ database: TestDatabase; url: string }> {
  const database = await createTestDatabase({ migrate: false })
  databases.push(database)
  if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
  return { database, url: database.url }
}

/** The README's variables, and nothing else: no APP_ENV. */
function readmeEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    PUBLIC_BASE_URL: 'https://partners.example.com',
    // Required in production (item 5); 32 random bytes like `openssl rand -base64 32`.
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    LOG_LEVEL: 'info',
  }
}

function start(entry: 'server' | 'dispatcher', env: Record<string, string>): BuiltEntry {
  const started = startBuiltEntry(entry, env)
  running.push(started)
  return started
}

/** Starts the API and the dispatcher together and waits until both have finished starting. */
async function startProduction(databaseUrl: string) {
  const port = await freePort()
  const api = start('server', readmeEnv(databaseUrl, port))
  const dispatcher = start('dispatcher', readmeEnv(databaseUrl, port))
  await waitForReady(api, port)
  await waitUntil(
    () => dispatcher.output().includes('"msg":"dispatcher started"'),
    () => `dispatcher did not start:\n${dispatcher.output()}`
  )
  return { port, api, dispatcher }
}

/** The `appEnv` the API printed when it started listening (its log may trail its answers). */
async function appEnvOf(api: BuiltEntry): Promise<unknown> {
  const listening = () =>
    api
      .output()
      .split('\n')
      .find((text) => text.includes('"msg":"api listening"'))
  await waitUntil(
    () => listening() !== undefined,
    () => `no start line:\n${api.output()}`
  )
  return (JSON.parse(listening() ?? '{}') as { appEnv?: unknown }).appEnv
}

/** One JSON call on loopback: the answer's status, error code and body. */
async function call(
  port: number,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; host?: string } = {}
) {
  const answer = await rawRequest({
    port,
    method,
    path,
    body: options.body,
    headers: {
      host: options.host ?? `127.0.0.1:${port}`,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
  })
  const body = (answer.body.startsWith('{') ? JSON.parse(answer.body) : {}) as {
    token?: string
    error?: { code?: string }
  }
  return { status: answer.status, code: body.error?.code, body }
}

const signIn = (port: number, email: string, password: string) =>
  call(port, 'POST', '/api/v1/auth/sign-in', { body: { email, password } })
const customerSignIn = (port: number, email: string) =>
  call(port, 'POST', '/api/v1/public/auth/sign-in', { body: { email, password: DEMO_PASSWORD } })
const resolveLink = (port: number, token: string) =>
  call(port, 'POST', '/api/v1/public/invitations/resolve', { body: { token } })

/** The development-only packages a process resolved. */
function devOnlyPackages(entry: BuiltEntry): string[] {
  return [...new Set(entry.imports().filter((url) => DEV_ONLY_PACKAGE.test(url)))]
}

describe("the README's real-database commands (issue 13)", () => {
  it('run as production: ready, a real user signs in, and no demo sign-in, fixture, mailbox, seeded link or development package', async () => {
    const { database, url } = await freshDatabaseUrl()
    const { port, api, dispatcher } = await startProduction(url)
    expect(await appEnvOf(api)).toBe('production')
    expect((await call(port, 'GET', '/api/ready')).status).toBe(200)

    // A user created through a db helper signs in.
    const password = `operator-${randomBytes(9).toString('base64url')}`
    const { userId, userEmail } = await insertPartner(database.db)
    await database.db
      .update(users)
      .set({ passwordHash: await createScryptPasswordHasher().hash(password) })
      .where(eq(users.id, userId))
    const session = await signIn(port, userEmail, password)
    expect(session.status).toBe(200)
    const token = session.body.token ?? ''
    expect((await call(port, 'GET', '/api/v1/me', { token })).status).toBe(200)

    for (const demo of DEMO_USERS) {
      const refused = await signIn(port, demo.email, DEMO_PASSWORD)
      expect({ email: demo.email, ...refused, body: undefined }).toEqual({
        email: demo.email,
        status: 401,
        code: 'INVALID_CREDENTIALS',
        body: undefined,
      })
    }
    const fixture = await call(port, 'POST', '/api/v1/test/partners', { body: {} })
    expect([fixture.status, fixture.code]).toEqual([404, 'NOT_FOUND'])
    const account = { email: 'fixture@customer.example' }
    expect(
      (await call(port, 'POST', '/api/v1/test/customer-accounts', { body: account })).status
    ).toBe(404)
    expect((await call(port, 'GET', '/api/dev/mailbox', { token })).status).toBe(404)
    expect((await resolveLink(port, SEEDED_LINK)).code).toBe('LINK_NOT_FOUND')

    await Promise.all([api.stop(), dispatcher.stop()])
    expect(devOnlyPackages(api)).toEqual([])
    expect(devOnlyPackages(dispatcher)).toEqual([])
    // The recorder saw the real driver, so an empty list means "not loaded", not "not recorded".
    expect(api.imports().some((resolved) => resolved.includes('/node_modules/postgres/'))).toBe(
      true
    )
  }, 120_000)

  it('disable the demo credentials a development run seeded before serving, one audit event each, once', async () => {
    const { database, url } = await freshDatabaseUrl()

    // A development run on the same database (APP_ENV named explicitly): seed, sink, mailbox.
    const devPort = await freePort()
    const dev = start('server', {
      APP_ENV: 'development',
      DATABASE_URL: url,
      PORT: String(devPort),
      LOG_LEVEL: 'info',
    })
    await waitForReady(dev, devPort)
    const devSession = await signIn(devPort, 'manager@ecosystem.example', DEMO_PASSWORD)
    expect(devSession.status).toBe(200)
    const devToken = devSession.body.token ?? ''
    expect((await resolveLink(devPort, SEEDED_LINK)).status).toBe(200)
    expect((await customerSignIn(devPort, DEMO_CUSTOMER_ACCOUNTS[0]?.email ?? '')).status).toBe(200)
    // Its development routes answer a loopback Host only, and the mailbox a signed-in user only.
    const mailbox = (options: { token?: string; host?: string }) =>
      call(devPort, 'GET', '/api/dev/mailbox', options)
    expect((await mailbox({ host: `localhost:${devPort}` })).status).toBe(401)
    expect((await mailbox({ token: devToken, host: `localhost:${devPort}` })).status).toBe(200)
    expect((await mailbox({ token: devToken, host: `[::1]:${devPort}` })).status).toBe(200)
    expect((await mailbox({ token: devToken, host: `rebound.example:${devPort}` })).status).toBe(
      404
    )
    const rebound = { body: {}, host: `rebound.example:${devPort}` }
    expect((await call(devPort, 'POST', '/api/v1/test/partners', rebound)).status).toBe(404)
    await dev.stop()
    // Development does load the sink's packages: the recorder sees them when they load.
    expect(devOnlyPackages(dev).join()).toMatch(/smtp-server/)

    const { port, api } = await startProduction(url)
    for (const demo of DEMO_USERS) {
      expect((await signIn(port, demo.email, DEMO_PASSWORD)).status).toBe(401)
    }
    expect((await call(port, 'GET', '/api/v1/me', { token: devToken })).status).toBe(401)
    for (const demo of DEMO_CUSTOMER_ACCOUNTS.slice(0, 3)) {
      expect((await customerSignIn(port, demo.email)).status).toBe(401)
    }
    expect((await resolveLink(port, SEEDED_LINK)).code).toBe('LINK_NOT_FOUND')

    const recorded = async () =>
      database.db
        .select({ action: auditEvents.action, entityId: auditEvents.entityId })
        .from(auditEvents)
        .where(like(auditEvents.action, '%.demo_disabled'))
    const idsOf = (rows: { action: string; entityId: string }[], action: string) =>
      rows
        .filter((row) => row.action === action)
        .map((row) => row.entityId)
        .sort()
    const events = await recorded()
    expect(idsOf(events, 'user.demo_disabled')).toEqual([...DEMO_CREDENTIAL_IDS.users].sort())
    expect(idsOf(events, 'customer_account.demo_disabled')).toEqual(
      [...DEMO_CREDENTIAL_IDS.customerAccounts].sort()
    )
    expect(idsOf(events, 'invitation_token.demo_disabled')).toEqual(
      [...DEMO_CREDENTIAL_IDS.invitationTokens].sort()
    )

    // A later production start finds nothing left to disable and records nothing.
    await api.stop()
    const again = await startProduction(url)
    expect((await signIn(again.port, 'admin@acme.example', DEMO_PASSWORD)).status).toBe(401)
    expect(await recorded()).toHaveLength(events.length)
    const statuses = await database.db
      .select({ status: users.status })
      .from(users)
      .where(inArray(users.id, [...DEMO_CREDENTIAL_IDS.users]))
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['DISABLED']))
  }, 180_000)
})
