// Issue 21: an endpoint whose attempts fail for WEBHOOK_DISABLE_AFTER_HOURS (24) is disabled by
// the failing settle (W4, R134): reason FAILING by the system, its pending deliveries cancelled,
// one WEBHOOK_ENDPOINT_DISABLED_EMAIL queued and one audit event, even with two settles racing.
import { auditEvents, outbox, webhookDeliveries, webhookEndpoints } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fanOutEvents } from '../../src/webhooks/fan-out-events'
import { startWebhookLoops } from '../../src/webhooks/webhook-loops'
import { createCapturingLogger, waitFor } from '../outbox/outbox-fixtures'
import {
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

const DAY_MS = 24 * 3_600_000

function runLoops(offsetMs: number) {
  return startWebhookLoops({
    db: database.db,
    clock: { now: () => new Date(Date.now() + offsetMs) },
    logger,
    keyring,
    config: testWebhookConfig(),
  })
}

async function endpointRow(id: string) {
  const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
  if (!row) throw new Error('no endpoint')
  return row
}

describe('disabled after a day of failures (W4, R134)', () => {
  it('disables the endpoint once, cancels its pending deliveries and queues one email', async () => {
    const partner = await insertWebhookPartner(database.db)
    const receiver = await startWebhookReceiver([], () => ({ status: 500 }))
    const endpoint = await insertEndpoint(database.db, keyring, {
      partnerId: partner.partnerId,
      createdByUserId: partner.userId,
      url: receiver.url,
    })
    receiver.secrets.push(endpoint.secret)

    // First failures, on the real clock: failingSince starts.
    await insertEvents(database.db, { partnerId: partner.partnerId, count: 2 })
    const first = runLoops(0)
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [endpoint.id])
      return (
        rows.length === 2 && rows.every((row) => row.attempts === 1 && row.status === 'PENDING')
      )
    })
    await first.stop()
    const failingSince = (await endpointRow(endpoint.id)).failingSince
    expect(failingSince).not.toBeNull()

    // Three more deliveries, due only in two days: pending when the endpoint is disabled.
    const later = await insertEvents(database.db, { partnerId: partner.partnerId, count: 3 })
    await fanOutEvents(database.db, { now: new Date(), limit: 100 })
    await database.db
      .update(webhookDeliveries)
      .set({ runAfter: new Date(Date.now() + 2 * DAY_MS) })
      .where(
        inArray(
          webhookDeliveries.eventId,
          later.map((event) => event.id)
        )
      )

    // A day and a minute later by the dispatcher's clock, both retries fail at once.
    const second = runLoops(DAY_MS + 60_000)
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [endpoint.id])
      return rows.every((row) => row.status === 'FAILED' || row.status === 'CANCELLED')
    })
    await second.stop()
    await receiver.close()

    const disabled = await endpointRow(endpoint.id)
    expect(disabled).toMatchObject({
      status: 'DISABLED',
      disabledReason: 'FAILING',
      disabledByUserId: null,
      failingSince,
    })
    const disabledAt = disabled.disabledAt
    if (!disabledAt) throw new Error('no disabledAt')
    expect(disabledAt.getTime() - (failingSince?.getTime() ?? 0)).toBeGreaterThanOrEqual(DAY_MS)

    const rows = await deliveriesOf(database.db, [endpoint.id])
    const pendingOnes = rows.filter((row) => later.some((event) => event.id === row.eventId))
    expect(pendingOnes.map((row) => [row.status, row.cancelReason])).toEqual([
      ['CANCELLED', 'ENDPOINT_DISABLED'],
      ['CANCELLED', 'ENDPOINT_DISABLED'],
      ['CANCELLED', 'ENDPOINT_DISABLED'],
    ])
    // The two that raced: each recorded its second attempt; none is left pending.
    const raced = rows.filter((row) => !pendingOnes.includes(row))
    expect(raced.every((row) => row.attempts === 2 && row.lastStatusCode === 500)).toBe(true)

    const emails = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.aggregateId, endpoint.id))
    expect(emails).toHaveLength(1)
    expect(emails[0]).toMatchObject({
      kind: 'WEBHOOK_ENDPOINT_DISABLED_EMAIL',
      status: 'PENDING',
      payload: { endpointId: endpoint.id },
      dedupeKey: `webhook-endpoint:${endpoint.id}:disabled:${String(disabledAt.getTime())}`,
    })
    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, endpoint.id),
          eq(auditEvents.action, 'webhook_endpoint.disabled')
        )
      )
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      actorType: 'system',
      actorId: null,
      partnerId: partner.partnerId,
      details: { reason: 'FAILING' },
    })
    // Every request carried the endpoint's signature (a day ahead, so checked without the
    // library's five-minute tolerance).
    expect(receiver.received).toHaveLength(4)
    expect(receiver.received.every((r) => r.signedWith[0] === true)).toBe(true)
  })
})
