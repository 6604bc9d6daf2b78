// Issue 21: the dispatcher's webhook loops deliver signed requests (R130) to the endpoints the
// fan-out chose (R127), a partner's events only to that partner's endpoints and the platform's.
import {
  partners,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { webhookIdOf } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fanOutEvents } from '../../src/webhooks/fan-out-events'
import { startWebhookLoops, type WebhookLoops } from '../../src/webhooks/webhook-loops'
import { createCapturingLogger, waitFor } from '../outbox/outbox-fixtures'
import {
  deliveriesOf,
  insertEndpoint,
  insertEvents,
  insertWebhookPartner,
  testKeyring,
  testWebhookConfig,
} from './webhook-fixtures'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'

let database: TestDatabase
const keyring = testKeyring()
const { logger } = createCapturingLogger()
const receivers: WebhookReceiver[] = []
let loops: WebhookLoops | null = null

beforeAll(async () => {
  database = await createTestDatabase()
})
afterEach(async () => {
  await loops?.stop()
  loops = null
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
})
afterAll(async () => {
  await database.close()
})

function start() {
  loops = startWebhookLoops({
    db: database.db,
    clock: { now: () => new Date() },
    logger,
    keyring,
    config: testWebhookConfig(),
  })
}

async function receiverWithEndpoint(partnerId: string | null, creator: string) {
  const receiver = await startWebhookReceiver()
  receivers.push(receiver)
  const endpoint = await insertEndpoint(database.db, keyring, {
    partnerId,
    createdByUserId: creator,
    url: receiver.url,
  })
  receiver.secrets.push(endpoint.secret)
  return { endpoint, receiver }
}

describe('signed requests (R130)', () => {
  it('sends every event once with webhook-id evt_{eventId}, the exact body and a signature that verifies', async () => {
    const partner = await insertWebhookPartner(database.db)
    const { endpoint, receiver } = await receiverWithEndpoint(partner.partnerId, partner.userId)
    const events = await insertEvents(database.db, { partnerId: partner.partnerId, count: 25 })
    start()
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [endpoint.id])
      return rows.length === 25 && rows.every((row) => row.status === 'DELIVERED')
    })
    expect(receiver.received).toHaveLength(25)
    const byId = new Map(receiver.received.map((seen) => [seen.webhookId, seen]))
    for (const event of events) {
      const seen = byId.get(webhookIdOf(event.id))
      expect(seen?.body).toBe(event.payload)
      expect(seen?.verifies).toEqual([true])
      expect(seen?.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
    }
    expect(receiver.received[0]?.headerNames).toEqual([
      'connection',
      'content-length',
      'content-type',
      'host',
      'user-agent',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ])
    const rows = await deliveriesOf(database.db, [endpoint.id])
    expect(rows.every((row) => row.attempts === 1 && row.lastStatusCode === 200)).toBe(true)
  })
})

describe('partner isolation (R127)', () => {
  it('gives each partner endpoint only its partner’s events and the platform endpoint all of them', async () => {
    const alpha = await insertWebhookPartner(database.db)
    const beta = await insertWebhookPartner(database.db)
    const off = await insertWebhookPartner(database.db, { moduleEnabled: false })
    const a = await receiverWithEndpoint(alpha.partnerId, alpha.userId)
    const b = await receiverWithEndpoint(beta.partnerId, beta.userId)
    const c = await receiverWithEndpoint(off.partnerId, off.userId)
    const platform = await receiverWithEndpoint(null, alpha.userId)
    const events = {
      alpha: await insertEvents(database.db, { partnerId: alpha.partnerId, count: 4 }),
      beta: await insertEvents(database.db, { partnerId: beta.partnerId, count: 3 }),
      off: await insertEvents(database.db, { partnerId: off.partnerId, count: 2 }),
    }
    start()
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [platform.endpoint.id])
      return rows.length === 9 && rows.every((row) => row.status === 'DELIVERED')
    })
    await waitFor(() => a.receiver.received.length === 4 && b.receiver.received.length === 3)
    const ids = (list: { id: string }[]) => list.map((event) => webhookIdOf(event.id)).sort()
    const seen = (receiver: WebhookReceiver) => receiver.received.map((r) => r.webhookId).sort()
    expect(seen(a.receiver)).toEqual(ids(events.alpha))
    expect(seen(b.receiver)).toEqual(ids(events.beta))
    // The module is off for this partner: its endpoint gets nothing, the platform gets all.
    expect(c.receiver.received).toHaveLength(0)
    expect(await deliveriesOf(database.db, [c.endpoint.id])).toHaveLength(0)
    expect(seen(platform.receiver)).toEqual(
      ids([...events.alpha, ...events.beta, ...events.off]).sort()
    )
    for (const receiver of [a, b, platform].map((r) => r.receiver)) {
      expect(receiver.received.every((r) => r.verifies.every(Boolean))).toBe(true)
    }
  })

  it('refuses, in the database, a delivery of one partner’s event to another partner’s endpoint', async () => {
    const alpha = await insertWebhookPartner(database.db)
    const beta = await insertWebhookPartner(database.db)
    const endpoint = await insertEndpoint(database.db, keyring, {
      partnerId: beta.partnerId,
      createdByUserId: beta.userId,
      url: 'http://127.0.0.1:9/never',
    })
    const [event] = await insertEvents(database.db, { partnerId: alpha.partnerId, count: 1 })
    await database.db
      .update(webhookEvents)
      .set({ fannedOutAt: new Date() })
      .where(eq(webhookEvents.id, event?.id ?? ''))
    const now = new Date()
    const crossing = database.db.insert(webhookDeliveries).values({
      id: randomUUID(),
      eventId: event?.id ?? '',
      endpointId: endpoint.id,
      eventPartnerId: alpha.partnerId,
      endpointPartnerId: beta.partnerId,
      status: 'PENDING',
      runAfter: now,
      windowStartsAt: now,
      createdAt: now,
    })
    const refused: unknown = await crossing.then(
      () => null,
      (error: unknown) => error
    )
    // postgres.js names it `constraint_name`, PGlite `constraint` (packages/db errors.ts).
    const cause = (refused as { cause?: { constraint_name?: string; constraint?: string } } | null)
      ?.cause
    expect(cause?.constraint_name ?? cause?.constraint).toBe('webhook_deliveries_scope_check')
  })
})

describe('cancelled at the claim (D6)', () => {
  it('cancels the due deliveries of a deleted endpoint and of a partner whose module went off', async () => {
    const alpha = await insertWebhookPartner(database.db)
    const gone = await receiverWithEndpoint(alpha.partnerId, alpha.userId)
    const beta = await insertWebhookPartner(database.db)
    const off = await receiverWithEndpoint(beta.partnerId, beta.userId)
    await insertEvents(database.db, { partnerId: alpha.partnerId, count: 2 })
    await insertEvents(database.db, { partnerId: beta.partnerId, count: 2 })
    expect(await fanOutEvents(database.db, { now: new Date(), limit: 100 })).toBe(4)
    const now = new Date()
    await database.db
      .update(webhookEndpoints)
      .set({ status: 'DELETED', deletedAt: now })
      .where(eq(webhookEndpoints.id, gone.endpoint.id))
    await database.db
      .update(partners)
      .set({ customerDevelopmentEnabled: false })
      .where(eq(partners.id, beta.partnerId))
    start()
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [gone.endpoint.id, off.endpoint.id])
      return rows.every((row) => row.status === 'CANCELLED')
    })
    const reasons = async (endpointId: string) =>
      (await deliveriesOf(database.db, [endpointId])).map((row) => row.cancelReason)
    expect(await reasons(gone.endpoint.id)).toEqual(['ENDPOINT_DELETED', 'ENDPOINT_DELETED'])
    expect(await reasons(off.endpoint.id)).toEqual(['MODULE_DISABLED', 'MODULE_DISABLED'])
    expect(gone.receiver.received).toHaveLength(0)
    expect(off.receiver.received).toHaveLength(0)
  })
})
