// Issue 21: an attempt signs with the current secret and, while the attempt's own clock is before
// `previousSecretExpiresAt`, with the replaced one too, new first (R129); a delivery whose lease
// lapsed is sent again by another dispatcher with the same webhook-id and body (R133).
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { webhookIdOf } from '@partner-center/domain'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookLoops, type WebhookLoops } from '../../src/webhooks/webhook-loops'
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
import { startWebhookReceiver, type ReceiverAnswer, type WebhookReceiver } from './webhook-receiver'

let database: TestDatabase
const keyring = testKeyring()
const { logger, lines } = createCapturingLogger()
const running: WebhookLoops[] = []
const receivers: WebhookReceiver[] = []

beforeAll(async () => {
  database = await createTestDatabase()
})
afterEach(async () => {
  await Promise.all(running.splice(0).map((loops) => loops.stop()))
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
})
afterAll(async () => {
  await database.close()
})

function startLoops(offsetMs: number, timeoutSeconds = 10) {
  const loops = startWebhookLoops({
    db: database.db,
    clock: { now: () => new Date(Date.now() + offsetMs) },
    logger,
    keyring,
    config: testWebhookConfig({ timeoutSeconds }),
  })
  running.push(loops)
  return loops
}

async function setUp(options: { previousExpiresAt?: Date; answer?: () => ReceiverAnswer } = {}) {
  const partner = await insertWebhookPartner(database.db)
  const receiver = await startWebhookReceiver([], options.answer)
  receivers.push(receiver)
  const endpoint = await insertEndpoint(database.db, keyring, {
    partnerId: partner.partnerId,
    createdByUserId: partner.userId,
    url: receiver.url,
    previousExpiresAt: options.previousExpiresAt,
  })
  receiver.secrets.push(endpoint.secret, endpoint.previousSecret ?? endpoint.secret)
  return { partner, receiver, endpoint }
}

async function allDelivered(endpointId: string, count: number) {
  const rows = await deliveriesOf(database.db, [endpointId])
  return rows.length === count && rows.every((row) => row.status === 'DELIVERED')
}

describe('rotation window (R129)', () => {
  it('signs with both secrets, new first, before previousSecretExpiresAt and with the new one only after', async () => {
    // Two minutes ahead: a dispatcher clock moved three minutes is past it and still inside the
    // receivers' five-minute timestamp tolerance, so `verify` speaks for both cases.
    const { partner, receiver, endpoint } = await setUp({
      previousExpiresAt: new Date(Date.now() + 120_000),
    })
    const [inside] = await insertEvents(database.db, { partnerId: partner.partnerId, count: 1 })
    const before = startLoops(0)
    await waitFor(() => allDelivered(endpoint.id, 1))
    await before.stop()

    const [after] = await insertEvents(database.db, { partnerId: partner.partnerId, count: 1 })
    startLoops(180_000)
    await waitFor(() => allDelivered(endpoint.id, 2))

    const seen = (eventId: string | undefined) =>
      receiver.received.find((r) => r.webhookId === webhookIdOf(eventId ?? ''))
    const both = seen(inside?.id)
    expect(both?.verifies).toEqual([true, true])
    expect(both?.signature.split(' ')).toHaveLength(2)
    const onlyNew = seen(after?.id)
    expect(onlyNew?.verifies).toEqual([true, false])
    expect(onlyNew?.signature.split(' ')).toHaveLength(1)
    // New first: the library's signatures with the new, then the replaced, secret.
    const sign = (secret: string | null | undefined) =>
      new Webhook(secret ?? '').sign(
        both?.webhookId ?? '',
        new Date((both?.timestamp ?? 0) * 1000),
        both?.body ?? ''
      )
    expect(both?.signature).toBe(`${sign(endpoint.secret)} ${sign(endpoint.previousSecret)}`)
  })
})

describe('lease lapse (R133)', () => {
  it('is sent again by another dispatcher with the same webhook-id and body; the late settle writes nothing', async () => {
    let releaseFirst: () => void = () => undefined
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    let calls = 0
    const { partner, receiver, endpoint } = await setUp({
      answer: () => (
        (calls += 1),
        calls === 1 ? { status: 200, until: firstHeld } : { status: 200 }
      ),
    })
    const [event] = await insertEvents(database.db, { partnerId: partner.partnerId, count: 1 })
    const first = startLoops(0, 30)
    await waitFor(() => receiver.received.length === 1)

    // 61 s later by its clock, past the 60 s lease: the delivery is another claim's now.
    startLoops(61_000)
    await waitFor(() => allDelivered(endpoint.id, 1))
    releaseFirst()
    await first.stop()

    expect(receiver.received).toHaveLength(2)
    const [one, two] = receiver.received
    expect(one?.webhookId).toBe(webhookIdOf(event?.id ?? ''))
    expect(two?.webhookId).toBe(one?.webhookId)
    expect(two?.body).toBe(one?.body)
    expect(receiver.received.every((r) => r.verifies[0])).toBe(true)
    const [delivery] = await deliveriesOf(database.db, [endpoint.id])
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2 })
    const attempts = await attemptsOf(database.db, [delivery?.id ?? ''])
    expect(attempts.map((attempt) => attempt.number)).toEqual([2])
  })
})

describe('lease guard (R133)', () => {
  it('hands a queued delivery back unsent when its lease would lapse before its request could end', async () => {
    let releaseFirst: () => void = () => undefined
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    const { partner, receiver, endpoint } = await setUp({
      answer: () =>
        receiver.received.length === 1 ? { status: 200, until: firstHeld } : { status: 200 },
    })
    await insertEvents(database.db, { partnerId: partner.partnerId, count: 3 })
    let offsetMs = 0
    const loops = startWebhookLoops({
      db: database.db,
      clock: { now: () => new Date(Date.now() + offsetMs) },
      logger,
      keyring,
      // One request at a time: the other two wait in the endpoint's queue, claimed.
      config: testWebhookConfig({ endpointConcurrency: 1, leaseSeconds: 60, timeoutSeconds: 10 }),
    })
    running.push(loops)
    await waitFor(() => receiver.received.length === 1)
    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, [endpoint.id])
      return rows.length === 3 && rows.every((row) => row.status === 'SENDING')
    })

    // 55 s of the 60 s lease gone: a queued request could run 10 s and outlive its claim.
    offsetMs = 55_000
    releaseFirst()
    await waitFor(() => allDelivered(endpoint.id, 3))

    // Three requests in all: the two handed back went out once each, under a new lease.
    expect(receiver.received).toHaveLength(3)
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(3)
    const deliveries = await deliveriesOf(database.db, [endpoint.id])
    const attempts = await attemptsOf(
      database.db,
      deliveries.map((delivery) => delivery.id)
    )
    // Handing back returned the attempt its claim had counted: one attempt each, numbered 1.
    expect(deliveries.map((delivery) => delivery.attempts)).toEqual([1, 1, 1])
    expect(attempts.map((attempt) => attempt.number)).toEqual([1, 1, 1])
    expect(lines.some((line) => line.includes('released claimed deliveries not sent'))).toBe(true)
  })
})
