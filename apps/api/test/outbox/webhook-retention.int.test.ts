// Issue 21 (R145): the sweep deletes webhook events past WEBHOOK_LOG_RETENTION_DAYS that have no
// delivery left to send (with their deliveries and attempts), the rows of endpoints deleted more
// than 30 days ago, and expired previous signing secrets. The clock is moved, not waited for.
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from '@partner-center/db/schema'
import type { WebhookDeliveryStatus } from '@partner-center/domain'
import { eq, inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepExpiredRecords } from '../../src/outbox/sweep-expired-records'
import { insertUser, insertWebhookPartner } from './webhook-email-fixtures'

const DAY = 86_400_000
// Whole seconds, so the instants compare as the database stores them.
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000)
const at = (days: number) => new Date(T0.getTime() + days * DAY)

let database: TestDatabase
let partnerId: string
let userId: string

beforeAll(async () => {
  database = await createTestDatabase()
  partnerId = await insertWebhookPartner(database.db, 'en')
  userId = (await insertUser(database.db, { partnerId, role: 'admin', locale: 'en' })).id
})
afterAll(async () => {
  await database.close()
})

async function insertEndpoint(
  fields: Partial<typeof webhookEndpoints.$inferInsert> = {}
): Promise<string> {
  const id = randomUUID()
  await database.db.insert(webhookEndpoints).values({
    id,
    partnerId,
    url: 'https://crm.example.com/hooks',
    eventTypes: ['invitation.sent'],
    status: 'ENABLED',
    secretCiphertext: 'sealed:current',
    secretKeyId: 'k1',
    createdByUserId: userId,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  })
  return id
}

/** One fanned-out event at `occurredAt` with one delivery to `endpointId` and one attempt. */
async function insertEvent(
  endpointId: string,
  occurredAt: Date,
  status: WebhookDeliveryStatus
): Promise<{ eventId: string; deliveryId: string }> {
  const eventId = randomUUID()
  await database.db.insert(webhookEvents).values({
    id: eventId,
    type: 'invitation.sent',
    partnerId,
    entityType: 'invitation',
    entityId: randomUUID(),
    entityVersion: 1,
    occurredAt,
    payload: '{}',
    fannedOutAt: occurredAt,
  })
  const deliveryId = randomUUID()
  await database.db.insert(webhookDeliveries).values({
    id: deliveryId,
    eventId,
    endpointId,
    eventPartnerId: partnerId,
    endpointPartnerId: partnerId,
    status,
    cancelReason: status === 'CANCELLED' ? 'ENDPOINT_DISABLED' : null,
    attempts: 1,
    runAfter: occurredAt,
    windowStartsAt: occurredAt,
    createdAt: occurredAt,
  })
  await database.db.insert(webhookAttempts).values({
    deliveryId,
    number: 1,
    startedAt: occurredAt,
    webhookTimestamp: Math.floor(occurredAt.getTime() / 1000),
    durationMs: 12,
    outcome: 'HTTP',
    statusCode: status === 'DELIVERED' ? 204 : 500,
  })
  return { eventId, deliveryId }
}

const eventIdsLeft = async (ids: string[]) =>
  (
    await database.db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(inArray(webhookEvents.id, ids))
  ).map((row) => row.id)
const deliveriesLeft = async (ids: string[]) =>
  (await database.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)))
    .length
const attemptsLeft = async (deliveryIds: string[]) =>
  (
    await database.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, deliveryIds))
  ).length
const endpointOf = async (id: string) =>
  (await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]

describe('webhook retention (R145)', () => {
  let live: string
  let old: { delivered: string; failed: string; pending: string; sending: string; recent: string }
  let oldDeliveries: string[]
  let unfanned: string
  let deletedLongAgo: string
  let deletedRecently: string
  let deletedLongAgoDelivery: string
  let rotatedExpired: string
  let rotatedOverlapping: string

  beforeAll(async () => {
    live = await insertEndpoint()
    const delivered = await insertEvent(live, at(0), 'DELIVERED')
    const failed = await insertEvent(live, at(0), 'FAILED')
    const pending = await insertEvent(live, at(0), 'PENDING')
    const sending = await insertEvent(live, at(0), 'SENDING')
    const recent = await insertEvent(live, at(2), 'CANCELLED')
    old = {
      delivered: delivered.eventId,
      failed: failed.eventId,
      pending: pending.eventId,
      sending: sending.eventId,
      recent: recent.eventId,
    }
    oldDeliveries = [delivered.deliveryId, failed.deliveryId]
    unfanned = randomUUID()
    await database.db.insert(webhookEvents).values({
      id: unfanned,
      type: 'invitation.sent',
      partnerId,
      entityType: 'invitation',
      entityId: randomUUID(),
      entityVersion: 1,
      occurredAt: at(0),
      payload: '{}',
    })
    deletedLongAgo = await insertEndpoint({ status: 'DELETED', deletedAt: at(0) })
    deletedLongAgoDelivery = (await insertEvent(deletedLongAgo, at(1), 'CANCELLED')).deliveryId
    deletedRecently = await insertEndpoint({ status: 'DELETED', deletedAt: at(5) })
    const previous = {
      previousSecretCiphertext: 'sealed:previous',
      previousSecretKeyId: 'k1',
      secretRotatedAt: at(0),
    }
    rotatedExpired = await insertEndpoint({ ...previous, previousSecretExpiresAt: at(1) })
    rotatedOverlapping = await insertEndpoint({ ...previous, previousSecretExpiresAt: at(40) })
  })

  it('keeps everything inside the retention', async () => {
    const swept = await sweepExpiredRecords(database.db, at(29))
    expect(swept.webhookEventsDeleted).toBe(0)
    expect(swept.webhookEndpointsPurged).toBe(0)
    expect(await eventIdsLeft(Object.values(old))).toHaveLength(5)
    expect(await endpointOf(deletedLongAgo)).toBeDefined()
    // The rotation's overlap ended on day 1: only that previous secret is cleared.
    expect(swept.webhookPreviousSecretsCleared).toBe(1)
  })

  it('deletes old events with nothing left to send, with their deliveries and attempts', async () => {
    const swept = await sweepExpiredRecords(database.db, at(31))
    // The delivered and the failed one; the purged endpoint's event (day 1) is not past it yet.
    expect(swept.webhookEventsDeleted).toBe(2)
    expect((await eventIdsLeft(Object.values(old))).sort()).toEqual(
      [old.pending, old.sending, old.recent].sort()
    )
    expect(await deliveriesLeft(oldDeliveries)).toBe(0)
    expect(await attemptsLeft(oldDeliveries)).toBe(0)
    expect(await eventIdsLeft([unfanned])).toEqual([unfanned])
  })

  it('deletes the rows of endpoints deleted more than 30 days ago, and only those', async () => {
    expect(await endpointOf(deletedLongAgo)).toBeUndefined()
    expect(await deliveriesLeft([deletedLongAgoDelivery])).toBe(0)
    expect(await endpointOf(deletedRecently)).toBeDefined()
    expect(await endpointOf(live)).toBeDefined()
  })

  it('clears a previous secret once it expired and keeps one still in its overlap', async () => {
    expect(await endpointOf(rotatedExpired)).toMatchObject({
      previousSecretCiphertext: null,
      previousSecretKeyId: null,
      previousSecretExpiresAt: null,
      secretCiphertext: 'sealed:current',
    })
    expect(await endpointOf(rotatedOverlapping)).toMatchObject({
      previousSecretCiphertext: 'sealed:previous',
      previousSecretKeyId: 'k1',
    })
  })

  it('deletes an old event once its last delivery settles', async () => {
    await database.db
      .update(webhookDeliveries)
      .set({ status: 'DELIVERED', deliveredAt: at(31) })
      .where(inArray(webhookDeliveries.eventId, [old.pending]))
    await sweepExpiredRecords(database.db, at(32))
    expect((await eventIdsLeft(Object.values(old))).sort()).toEqual(
      [old.sending, old.recent].sort()
    )
  })
})
