// Issue 21: the fan-out statement gives an event to exactly the endpoints the domain's
// `endpointReceives` names (R127), over a grid of endpoint states, owners, subscriptions and
// creation times, with the partner's module on and off; a second fan-out adds nothing.
import { partners, webhookEvents } from '@partner-center/db/schema'
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { endpointReceives, type WebhookEndpointStatus } from '@partner-center/domain'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fanOutEvents } from '../../src/webhooks/fan-out-events'
import {
  deliveriesOf,
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

const STATUSES: WebhookEndpointStatus[] = ['ENABLED', 'DISABLED', 'DELETED']
const OFFSETS_MS = [-60_000, 0, 60_000]

describe('fan-out against endpointReceives (R127)', () => {
  it('inserts a delivery exactly where the domain says, once', async () => {
    const on = await insertWebhookPartner(database.db)
    const off = await insertWebhookPartner(database.db, { moduleEnabled: false })
    const occurredAt = new Date(Date.now() - 3_600_000)
    const owners = [on.partnerId, off.partnerId, null]
    const grid: {
      id: string
      status: WebhookEndpointStatus
      partnerId: string | null
      eventTypes: string[]
      createdAt: Date
    }[] = []
    for (const status of STATUSES)
      for (const partnerId of owners)
        for (const subscribed of [true, false])
          for (const offset of OFFSETS_MS) {
            const createdAt = new Date(occurredAt.getTime() + offset)
            const eventTypes = subscribed
              ? (['invitation.sent'] as const)
              : (['invitation.queued'] as const)
            const endpoint = await insertEndpoint(database.db, keyring, {
              partnerId,
              createdByUserId: on.userId,
              url: 'http://127.0.0.1:9/grid',
              status,
              eventTypes: [...eventTypes],
              createdAt,
            })
            grid.push({
              id: endpoint.id,
              status,
              partnerId,
              eventTypes: [...eventTypes],
              createdAt,
            })
          }
    const events = [
      ...(await insertEvents(database.db, { partnerId: on.partnerId, count: 1, occurredAt })),
      ...(await insertEvents(database.db, { partnerId: off.partnerId, count: 1, occurredAt })),
    ]
    const eventPartner = new Map([
      [events[0]?.id, on.partnerId],
      [events[1]?.id, off.partnerId],
    ])
    const modules = new Map(
      (await database.db.select().from(partners)).map((p) => [p.id, p.customerDevelopmentEnabled])
    )

    expect(await fanOutEvents(database.db, { now: new Date(), limit: 100 })).toBe(2)

    const expected = events.flatMap((event) =>
      grid
        .filter((endpoint) =>
          endpointReceives(
            endpoint,
            {
              type: 'invitation.sent',
              partnerId: eventPartner.get(event.id) ?? null,
              occurredAt,
            },
            endpoint.partnerId === null
              ? null
              : { customerDevelopmentEnabled: modules.get(endpoint.partnerId) === true }
          )
        )
        .map((endpoint) => `${event.id}/${endpoint.id}`)
    )
    const actual = async () =>
      (
        await deliveriesOf(
          database.db,
          grid.map((endpoint) => endpoint.id)
        )
      )
        .map((row) => `${row.eventId}/${row.endpointId}`)
        .sort()
    // Enabled, subscribed, created at or before the event: the partner's own (module on) and the
    // platform's twice (both partners).
    expect(expected).toHaveLength(2 * 2 + 2)
    expect(await actual()).toEqual(expected.sort())

    const rows = await database.db
      .select()
      .from(webhookEvents)
      .where(
        inArray(
          webhookEvents.id,
          events.map((event) => event.id)
        )
      )
    expect(rows.every((row) => row.fannedOutAt !== null)).toBe(true)

    // Fanned out again (a crash before the commit): no second delivery.
    await database.db
      .update(webhookEvents)
      .set({ fannedOutAt: null })
      .where(
        inArray(
          webhookEvents.id,
          events.map((event) => event.id)
        )
      )
    expect(await fanOutEvents(database.db, { now: new Date(), limit: 100 })).toBe(2)
    expect(await actual()).toEqual(expected.sort())
  })
})
