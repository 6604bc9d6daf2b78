// Issue 21: a 2xx settles in one statement (D3, settle-delivered-group.ts): the delivery
// DELIVERED with its attempt row, only while this claim still holds it; the endpoint's
// failingSince cleared and lastDeliveredAt written, at most once a second, never for a test.
import { webhookDeliveries, webhookEndpoints } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimDeliveries, type ClaimedDelivery } from '../../src/webhooks/claim-deliveries'
import type { MadeAttempt } from '../../src/webhooks/deliver-webhook-attempt'
import { fanOutEvents } from '../../src/webhooks/fan-out-events'
import { settleDeliveredGroup } from '../../src/webhooks/settle-delivered-group'
import {
  attemptsOf,
  insertEndpoint,
  insertEvents,
  insertWebhookPartner,
  testKeyring,
} from './webhook-fixtures'

let database: TestDatabase
const keyring = testKeyring()

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

/** An endpoint with `count` deliveries claimed at `now`, its failingSince as given. */
async function claimedDeliveries(count: number, now: Date, failingSince: Date | null = null) {
  const partner = await insertWebhookPartner(database.db)
  const endpoint = await insertEndpoint(database.db, keyring, {
    partnerId: partner.partnerId,
    createdByUserId: partner.userId,
    url: 'http://127.0.0.1:9/hooks',
  })
  await database.db
    .update(webhookEndpoints)
    .set({ failingSince })
    .where(eq(webhookEndpoints.id, endpoint.id))
  await insertEvents(database.db, { partnerId: partner.partnerId, count, occurredAt: now })
  await fanOutEvents(database.db, { now, limit: 100 })
  const claimed = await claimDeliveries(database.db, {
    now,
    leaseSeconds: 60,
    limit: 100,
    endpointClaimLimit: 100,
  })
  return { endpointId: endpoint.id, claimed: claimed.filter((c) => c.endpointId === endpoint.id) }
}

function answered(startedAt: Date): MadeAttempt {
  return {
    startedAt,
    webhookTimestamp: Math.floor(startedAt.getTime() / 1000),
    result: {
      outcome: 'HTTP',
      statusCode: 204,
      remoteAddress: '127.0.0.1',
      responseExcerpt: 'ok',
      durationMs: 12,
      delivered: true,
    },
  }
}

async function endpointRow(id: string) {
  const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
  return row
}

const settle = (claimed: readonly ClaimedDelivery[], now: Date) =>
  settleDeliveredGroup(
    database.db,
    claimed.map((delivery) => ({ claimed: delivery, made: answered(now) })),
    { now }
  )

describe('settleDeliveredGroup (D3)', () => {
  it('writes DELIVERED, the attempt row and the endpoint for every delivery its claim holds', async () => {
    const now = new Date()
    const { endpointId, claimed } = await claimedDeliveries(
      3,
      now,
      new Date(now.getTime() - 60_000)
    )
    expect(await settle(claimed, now)).toEqual([true, true, true])

    const ids = claimed.map((delivery) => delivery.id)
    const rows = await database.db
      .select()
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, ids))
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'DELIVERED',
        lockedUntil: null,
        deliveredAt: now,
        lastAttemptAt: now,
        lastOutcome: 'HTTP',
        lastStatusCode: 204,
        lastDurationMs: 12,
      })
    }
    const attempts = await attemptsOf(database.db, ids)
    expect(attempts).toHaveLength(3)
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({
        number: 1,
        startedAt: now,
        webhookTimestamp: Math.floor(now.getTime() / 1000),
        outcome: 'HTTP',
        statusCode: 204,
        remoteAddress: '127.0.0.1',
        responseExcerpt: 'ok',
        durationMs: 12,
      })
    }
    expect(await endpointRow(endpointId)).toMatchObject({
      failingSince: null,
      lastDeliveredAt: now,
    })
  })

  it('writes nothing of a delivery whose claim no longer holds it', async () => {
    const now = new Date()
    const { claimed } = await claimedDeliveries(2, now)
    const [lost, held] = claimed as [ClaimedDelivery, ClaimedDelivery]
    // Another dispatcher took the first after its lease lapsed: its attempts moved on.
    await database.db
      .update(webhookDeliveries)
      .set({ attempts: lost.attempts + 1 })
      .where(eq(webhookDeliveries.id, lost.id))

    expect(await settle([lost, held], now)).toEqual([false, true])
    const [lostRow] = await database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, lost.id))
    expect(lostRow).toMatchObject({ status: 'SENDING', deliveredAt: null })
    const lostAttempts = await attemptsOf(database.db, [lost.id])
    expect(lostAttempts).toEqual([])
  })

  it('leaves the endpoint as it was for a test delivery', async () => {
    const now = new Date()
    const failingSince = new Date(now.getTime() - 60_000)
    const { endpointId, claimed } = await claimedDeliveries(1, now, failingSince)
    const test = claimed.map((delivery) => ({ ...delivery, isTest: true }))

    expect(await settle(test, now)).toEqual([true])
    expect(await endpointRow(endpointId)).toMatchObject({ failingSince, lastDeliveredAt: null })
  })

  it('writes lastDeliveredAt at most once a second, and clears failingSince whenever it is set', async () => {
    const now = new Date()
    const { endpointId, claimed } = await claimedDeliveries(4, now)
    const [first, second, third, fourth] = claimed
    const at = (ms: number) => new Date(now.getTime() + ms)

    await settle([first!], now)
    await settle([second!], at(500))
    expect((await endpointRow(endpointId))?.lastDeliveredAt).toEqual(now)

    await database.db
      .update(webhookEndpoints)
      .set({ failingSince: at(600) })
      .where(eq(webhookEndpoints.id, endpointId))
    await settle([third!], at(700))
    expect(await endpointRow(endpointId)).toMatchObject({
      failingSince: null,
      lastDeliveredAt: at(700),
    })

    await settle([fourth!], at(1_700))
    expect((await endpointRow(endpointId))?.lastDeliveredAt).toEqual(at(1_700))
  })
})
