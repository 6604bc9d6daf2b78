// One edge test file's world (issue 17 item 4): a database of its own with the demo world seeded
// by the Node test app (its fixture routes make partners: the worker has none), the API served
// by workerd on that database in production mode, and a Node dispatcher sending the outbox to an
// SMTP sink. API on the edge, mail on Node: the split a deployment has (README).
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { startSmtpSink, type CaughtMessage } from '../../../src/dev/smtp-sink'
import { createConsoleLogger } from '../../../src/logging/console-logger'
import { createSmtpTransport } from '../../../src/outbox/create-smtp-transport'
import { startDispatcher } from '../../../src/outbox/start-dispatcher'
import { createKeyring, decodeDataKey } from '../../../src/security/keyring'
import { testDispatcherConfig } from '../../outbox/outbox-fixtures'
import { DEMO_PASSWORD } from '../../../src/dev/start-development-services'
import { callJson, createTestApp, type ApiBody, type JsonCallInit } from '../../test-app'
import { waitUntil } from '../../support/built-entry'
import { startWorkerd } from '../../../scripts/workerd.mjs'

/** Where the worker says its portal is (production requires https; links are read, not opened). */
export const EDGE_PUBLIC_BASE_URL = 'https://portal.edge.example'

/** The client address Cloudflare would give every request of the suite (BEHIND_CLOUDFLARE). */
export const EDGE_CLIENT_ADDRESS = '203.0.113.50'

/** Options of {@link startEdgeWorld}. */
export interface EdgeWorldOptions {
  /** Extra or replaced worker bindings (e.g. a small API_BODY_LIMIT_BYTES). */
  bindings?: Record<string, string>
}

/**
 * Starts the world of one edge test file; `stop()` ends it in reverse order.
 *
 * @example
 * const world = await startEdgeWorld()
 * const token = await world.signIn('sales@acme.example')
 * const list = await world.call('GET', '/api/v1/customer-development/preregistrations', { token })
 */
export async function startEdgeWorld(options: EdgeWorldOptions = {}) {
  const node = await createTestApp()
  const databaseUrl = node.database.url
  if (!databaseUrl) throw new Error('the edge suite needs TEST_DATABASE_URL (a real PostgreSQL)')
  const workerBindings: Record<string, string> = {
    APP_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PUBLIC_BASE_URL: EDGE_PUBLIC_BASE_URL,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BEHIND_CLOUDFLARE: 'true',
    LOG_LEVEL: 'info',
    // One client address runs the whole file: raise the per-address limits (R59).
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
    SIGN_IN_MAX_FAILURES: '1000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
    ...options.bindings,
  }
  const worker = await startWorkerd({ bundle: inject('workerBundle'), bindings: workerBindings })
  const sink = await startSmtpSink()
  const transport = createSmtpTransport({ url: sink.url })
  const dispatcher = startDispatcher({
    db: node.database.db,
    clock: { now: () => new Date() },
    logger: createConsoleLogger({ level: 'silent', name: 'dispatcher' }),
    transport,
    config: testDispatcherConfig({ appEnv: 'production', publicBaseUrl: EDGE_PUBLIC_BASE_URL }),
    // The worker's data key: email codes are keyed hashes the worker checks (R102, R104).
    keyring: createKeyring({
      current: { id: 'k1', secret: decodeDataKey(workerBindings.DATA_ENCRYPTION_KEY ?? '')! },
      previous: [],
    }),
  })

  /** One JSON request to the worker, from the address Cloudflare would name (callJson). */
  function call<T = ApiBody>(method: string, path: string, init: JsonCallInit = {}) {
    const headers = { 'cf-connecting-ip': EDGE_CLIENT_ADDRESS, ...init.headers }
    return callJson<T>((request) => fetch(`${worker.origin}${path}`, request), method, {
      ...init,
      headers,
    })
  }

  /** Signs a demo user in through the worker; answers the bearer token. */
  async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const answer = await call<{ token: string }>('POST', '/api/v1/auth/sign-in', {
      body: { email, password },
    })
    if (answer.status !== 200) throw new Error(`sign-in of ${email}: ${answer.text}`)
    return answer.body.token
  }

  /** Waits for the first message to `to` the dispatcher delivered to the sink. */
  async function mailTo(to: string, match: (m: CaughtMessage) => boolean = () => true) {
    const find = () => sink.list().find((m) => m.to.includes(to) && match(m))
    await waitUntil(
      () => !!find(),
      () => `no mail to ${to}; the sink holds ${sink.list().length}`,
      30_000
    )
    return find()!
  }

  return {
    /** The Node test app on the same database: fixtures (`createPartner`), db, row counts. */
    node,
    worker,
    /** The bindings `worker` runs with, to start a variant beside it on the same database. */
    workerBindings,
    sink,
    call,
    signIn,
    mailTo,
    async stop() {
      await dispatcher.stop()
      transport.close()
      await sink.close()
      await worker.stop()
      await node.close()
    },
  }
}

/** The world of one edge test file. */
export type EdgeWorld = Awaited<ReturnType<typeof startEdgeWorld>>
