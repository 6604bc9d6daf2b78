// Issue 21 (R135): a receiver that hangs holds at most its endpoint's five webhook slots and
// delays no email: invitation emails all reach the SMTP sink while its requests still hang.
import { createTestDatabase, type TestDatabase } from '@partner-center/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { createSmtpTransport } from '../../src/outbox/create-smtp-transport'
import { startDispatcher } from '../../src/outbox/start-dispatcher'
import {
  createCapturingLogger,
  insertPartner,
  insertQueuedInvitations,
  testDispatcherConfig,
  waitFor,
} from '../outbox/outbox-fixtures'
import {
  deliveriesOf,
  insertEndpoint,
  insertEvents,
  testKeyring,
  testWebhookConfig,
} from './webhook-fixtures'
import { startWebhookReceiver } from './webhook-receiver'

let database: TestDatabase
let sink: SmtpSink
const keyring = testKeyring()
const { logger } = createCapturingLogger()

beforeAll(async () => {
  database = await createTestDatabase()
  sink = await startSmtpSink({ capacity: 1_000 })
})
afterAll(async () => {
  await sink.close()
  await database.close()
})

describe('webhooks have their own concurrency (R135)', () => {
  it('sends every invitation email while a hanging receiver holds five requests', async () => {
    const partner = await insertPartner(database.db)
    let release: () => void = () => undefined
    const hanging = new Promise<void>((resolve) => (release = resolve))
    const receiver = await startWebhookReceiver([], () => ({ status: 200, until: hanging }))
    const endpoint = await insertEndpoint(database.db, keyring, {
      partnerId: partner.partnerId,
      createdByUserId: partner.userId,
      url: receiver.url,
    })
    receiver.secrets.push(endpoint.secret)
    await insertEvents(database.db, { partnerId: partner.partnerId, count: 12 })

    const transport = createSmtpTransport({ url: sink.url })
    const dispatcher = startDispatcher({
      db: database.db,
      clock: { now: () => new Date() },
      logger,
      transport,
      keyring,
      config: testDispatcherConfig({ webhooks: testWebhookConfig() }),
    })
    try {
      await waitFor(() => receiver.open() === 5)
      const queued = await insertQueuedInvitations(database.db, partner, 60)
      const wanted = new Set(queued.map((q) => q.messageId))
      await waitFor(
        () => sink.list().filter((m) => m.messageId && wanted.has(m.messageId)).length === 60
      )
      // Every email arrived while the five requests still hang, and no sixth was made.
      expect(receiver.open()).toBe(5)
      expect(receiver.received).toHaveLength(5)
      const rows = await deliveriesOf(database.db, [endpoint.id])
      // The others, the sent invitations' own events (invitation.sent) among them, wait behind
      // the five: claimed ahead into the endpoint's queue (SENDING, not sent) or still PENDING.
      expect(rows.filter((row) => row.status === 'SENDING').length).toBeGreaterThanOrEqual(5)
      expect(rows.length).toBeGreaterThanOrEqual(12)
    } finally {
      // Stopping claims nothing more, hands back the claimed deliveries not sent and waits for
      // the requests in flight (R133).
      const stopped = dispatcher.stop()
      release()
      await stopped
      transport.close()
      await receiver.close()
    }
    expect(receiver.received).toHaveLength(5)
    expect(receiver.received.every((r) => r.verifies[0] === true)).toBe(true)
    const rows = await deliveriesOf(database.db, [endpoint.id])
    expect(rows.filter((row) => row.status === 'DELIVERED')).toHaveLength(5)
    expect(rows.filter((row) => row.status === 'SENDING')).toHaveLength(0)
  })
})
