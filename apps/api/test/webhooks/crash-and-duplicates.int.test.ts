// Issue 21 (R133): a dispatcher process killed with SIGKILL mid-run over 1,000 events loses
// none: another dispatcher finishes every delivery, and a duplicate carries the same webhook-id
// and body. The built dispatcher as a child process, as outbox/crash-and-concurrency does.
import { webhookEvents } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { webhookIdOf } from '@partner-center/domain'
import { isNull } from 'drizzle-orm'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { startWebhookLoops } from '../../src/webhooks/webhook-loops'
import { DISPATCHER_BUNDLE, spawnDispatcher } from '../outbox/dispatcher-child'
import { createCapturingLogger, waitFor } from '../outbox/outbox-fixtures'
import {
  deliveryCounts,
  insertEndpoint,
  insertEvents,
  insertWebhookPartner,
  testKeyring,
  testWebhookConfig,
} from './webhook-fixtures'
import { copiesById, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'

let database: TestDatabase
let sink: SmtpSink
const keyring = testKeyring()
const { logger } = createCapturingLogger()

const CHILD_SEND_CONCURRENCY = 20
// What a kill can leave sent and not settled at most: the child's claim window (claimed and not
// settled, 4 × WEBHOOK_SEND_CONCURRENCY), since a request's slot frees before its settle commits.
const CHILD_CLAIM_WINDOW = 4 * CHILD_SEND_CONCURRENCY

beforeAll(async () => {
  database = await createTestDatabase()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
  await database.close()
})

describe('a dispatcher killed mid-run (R133)', () => {
  it('loses no event; duplicates carry the same webhook-id and body', async () => {
    expect(existsSync(DISPATCHER_BUNDLE)).toBe(true) // built by the test command first
    if (!database.url) throw new Error('needs PostgreSQL (TEST_DATABASE_URL)')
    const partner = await insertWebhookPartner(database.db)
    const receivers: WebhookReceiver[] = []
    const endpoints: string[] = []
    for (const owner of [partner.partnerId, null]) {
      const receiver = await startWebhookReceiver()
      const endpoint = await insertEndpoint(database.db, keyring, {
        partnerId: owner,
        createdByUserId: partner.userId,
        url: receiver.url,
      })
      receiver.secrets.push(endpoint.secret)
      receivers.push(receiver)
      endpoints.push(endpoint.id)
    }
    const events = await insertEvents(database.db, { partnerId: partner.partnerId, count: 1_000 })
    const received = () => receivers.reduce((sum, r) => sum + r.received.length, 0)

    const child = spawnDispatcher(database.url, sink.url, {
      WEBHOOK_SEND_CONCURRENCY: String(CHILD_SEND_CONCURRENCY),
      WEBHOOK_POLL_INTERVAL_MS: '20',
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await waitFor(() => received() >= 600, 60_000)
    child.kill('SIGKILL')
    await exited
    expect(received()).toBeLessThan(2_000)

    // 61 s later by its clock, so the dead child's 60 s leases have lapsed.
    const loops = startWebhookLoops({
      db: database.db,
      clock: { now: () => new Date(Date.now() + 61_000) },
      logger,
      keyring,
      config: testWebhookConfig(),
    })
    try {
      await waitFor(async () => {
        const unfanned = await database.db
          .select({ id: webhookEvents.id })
          .from(webhookEvents)
          .where(isNull(webhookEvents.fannedOutAt))
          .limit(1)
        const counts = await deliveryCounts(database.db, endpoints)
        return unfanned.length === 0 && counts.DELIVERED === 2_000
      }, 150_000)
    } finally {
      await loops.stop()
      await Promise.all(receivers.map((r) => r.close()))
    }

    const payloads = new Map(events.map((event) => [webhookIdOf(event.id), event.payload]))
    let duplicates = 0
    for (const receiver of receivers) {
      const counts = copiesById(receiver.received)
      expect(new Set(counts.keys())).toEqual(new Set(payloads.keys()))
      duplicates += [...counts.values()].reduce((sum, n) => sum + n - 1, 0)
      // Every copy, first or duplicate, is the event's exact body and verifies.
      expect(receiver.received.every((r) => r.body === payloads.get(r.webhookId))).toBe(true)
      expect(receiver.received.every((r) => r.verifies[0] === true)).toBe(true)
    }
    expect(duplicates).toBeLessThanOrEqual(CHILD_CLAIM_WINDOW)
  }, 240_000)
})
