// Issue 21: a receiver that answers 500 for 30 s and then 200 gets every event, each delivery
// retried on R132's schedule with the default base (5 s) and cap (3,600 s). Real time: ~40 s.
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { webhookIdOf } from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookLoops } from '../../src/webhooks/webhook-loops'
import { createCapturingLogger, waitFor } from '../outbox/outbox-fixtures'
import {
  attemptsOf,
  deliveriesOf,
  insertEndpoint,
  insertEvents,
  insertWebhookPartner,
  testKeyring,
  testWebhookConfig,
} from './webhook-fixtures'
import { startWebhookReceiver } from './webhook-receiver'

let database: TestDatabase
const keyring = testKeyring()
const { logger } = createCapturingLogger()

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

const DOWN_MS = 30_000

describe('retries (R132)', () => {
  it('delivers everything after 30 s of 500s, each retry at least half its backoff after the last', async () => {
    const partner = await insertWebhookPartner(database.db)
    const upAt = Date.now() + DOWN_MS
    const receiver = await startWebhookReceiver([], () => ({
      status: Date.now() < upAt ? 500 : 200,
    }))
    const endpoint = await insertEndpoint(database.db, keyring, {
      partnerId: partner.partnerId,
      createdByUserId: partner.userId,
      url: receiver.url,
    })
    receiver.secrets.push(endpoint.secret)
    const events = await insertEvents(database.db, { partnerId: partner.partnerId, count: 10 })
    // The defaults of §13.8 for the schedule (base 5 s, cap 3,600 s, window 24 h).
    const config = testWebhookConfig()
    expect([config.backoffBaseSeconds, config.backoffCapSeconds]).toEqual([5, 3600])
    const loops = startWebhookLoops({
      db: database.db,
      clock: { now: () => new Date() },
      logger,
      keyring,
      config,
    })
    try {
      await waitFor(async () => {
        const rows = await deliveriesOf(database.db, [endpoint.id])
        return rows.length === 10 && rows.every((row) => row.status === 'DELIVERED')
      }, 120_000)
    } finally {
      await loops.stop()
      await receiver.close()
    }

    const delivered = receiver.received.filter((r) => r.webhookId !== '')
    expect(new Set(delivered.map((r) => r.webhookId))).toEqual(
      new Set(events.map((event) => webhookIdOf(event.id)))
    )
    expect(delivered.every((r) => r.verifies[0] === true)).toBe(true)

    const deliveries = await deliveriesOf(database.db, [endpoint.id])
    const attempts = await attemptsOf(
      database.db,
      deliveries.map((d) => d.id)
    )
    for (const delivery of deliveries) {
      const own = attempts.filter((attempt) => attempt.deliveryId === delivery.id)
      // At least three failures fit in 30 s (after ≤ 5 s and ≤ 10 s more), then the 200.
      expect(own.length).toBeGreaterThanOrEqual(4)
      expect(own.length).toBe(delivery.attempts)
      expect(own.map((attempt) => attempt.number)).toEqual(own.map((_, index) => index + 1))
      expect(own.slice(0, -1).every((attempt) => attempt.statusCode === 500)).toBe(true)
      expect(own.at(-1)?.statusCode).toBe(200)
      own.slice(1).forEach((attempt, index) => {
        const previous = own[index]
        if (!previous) throw new Error('no previous attempt')
        const delayMs = Math.min(3600, 5 * 2 ** index) * 1000
        const gap = attempt.startedAt.getTime() - previous.startedAt.getTime()
        expect(gap).toBeGreaterThanOrEqual(delayMs / 2)
      })
    }
  }, 150_000)
})
