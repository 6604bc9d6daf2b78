// Webhooks at the edge (docs/domain.md R147; §13.10 item 11): an endpoint and an API key are
// made through workerd, the key reads and is refused the endpoints, and the Node dispatcher
// delivers the endpoint's test event, signed with the secret the worker sealed, to a real
// receiver that verifies it with the standardwebhooks library.
import { WebhookTestEventBody } from '@partner-center/contracts'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsoleLogger } from '../../src/logging/console-logger'
import { createKeyring, decodeDataKey } from '../../src/security/keyring'
import { startWebhookLoops, type WebhookLoops } from '../../src/webhooks/webhook-loops'
import { waitUntil } from '../support/built-entry'
import { testWebhookConfig } from '../webhooks/webhook-fixtures'
import { startWebhookReceiver, type WebhookReceiver } from '../webhooks/webhook-receiver'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'

const CD = '/api/v1/customer-development'
let world: EdgeWorld
let receiver: WebhookReceiver
let loops: WebhookLoops | undefined

beforeAll(async () => {
  world = await startEdgeWorld()
  receiver = await startWebhookReceiver()
})
afterAll(async () => {
  await loops?.stop()
  await receiver?.close()
  await world?.stop()
})

const codeOf = (answer: { body: unknown }) =>
  (answer.body as { error?: { code: string } }).error?.code

/** The Node dispatcher's webhook loops, opening secrets with the worker's data key. */
function startNodeWebhooks(): WebhookLoops {
  const secret = decodeDataKey(world.workerBindings.DATA_ENCRYPTION_KEY ?? '')
  if (!secret) throw new Error('the edge world has no data key')
  return startWebhookLoops({
    db: world.node.database.db,
    clock: { now: () => new Date() },
    logger: createConsoleLogger({ level: 'silent', name: 'webhooks' }),
    keyring: createKeyring({ current: { id: 'k1', secret }, previous: [] }),
    // The receiver listens on loopback: the test dispatcher allows any address (R136).
    config: testWebhookConfig({ addressPolicy: 'any' }),
  })
}

describe('webhooks served by workerd, delivered by the Node dispatcher', () => {
  it('creates an endpoint and a key, reads with the key, and receives the signed test event', async () => {
    const admin = await world.signIn('admin@acme.example')
    // Production on the worker: https only, and loopback refused (R126).
    const loopback = await world.call('POST', `${CD}/webhook-endpoints`, {
      token: admin,
      body: { url: receiver.url, eventTypes: ['invitation.sent'] },
    })
    expect([loopback.status, codeOf(loopback)]).toEqual([400, 'WEBHOOK_URL_INVALID'])
    const created = await world.call<{ id: string; secret: string; status: string }>(
      'POST',
      `${CD}/webhook-endpoints`,
      {
        token: admin,
        body: { url: 'https://hooks.example/partner-center', eventTypes: ['invitation.sent'] },
      }
    )
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const endpointId = created.body.id

    const key = await world.call<{ key: string }>('POST', `${CD}/api-keys`, {
      token: admin,
      body: { name: 'Edge webhooks', role: 'read_only' },
    })
    expect(key.status).toBe(201)
    const read = await world.call<{ total: number }>('GET', `${CD}/preregistrations`, {
      token: key.body.key,
    })
    expect(read.status).toBe(200)
    const refused = await world.call('GET', `${CD}/webhook-endpoints/${endpointId}`, {
      token: key.body.key,
    })
    expect([refused.status, codeOf(refused)]).toEqual([403, 'API_KEY_NOT_ALLOWED'])
    const item = await world.call('GET', `${CD}/webhook-endpoints/${endpointId}`, { token: admin })
    expect(item.status).toBe(200)
    expect(item.text).not.toContain('whsec_')

    // A fixture step: point the endpoint at the loopback receiver, which production would refuse.
    await world.node.database.db.execute(
      sql`update webhook_endpoints set url = ${receiver.url} where id = ${endpointId}`
    )
    receiver.secrets.push(created.body.secret)
    const test = await world.call<{ eventId: string; deliveryId: string }>(
      'POST',
      `${CD}/webhook-endpoints/${endpointId}/test`,
      { token: admin }
    )
    expect(test.status).toBe(202)
    loops = startNodeWebhooks()
    await waitUntil(
      () => receiver.received.length > 0,
      () => 'the receiver got no request',
      30_000
    )
    const [seen] = receiver.received
    expect(seen?.webhookId).toBe(`evt_${test.body.eventId}`)
    expect(seen?.verifies).toEqual([true])
    const body = WebhookTestEventBody.parse(JSON.parse(seen?.body ?? '{}'))
    expect(body.data).toMatchObject({ endpointId, test: true })

    let status = ''
    await waitUntil(
      async () => {
        const log = await world.call<{ status: string; attemptList: unknown[] }>(
          'GET',
          `${CD}/webhook-endpoints/${endpointId}/deliveries/${test.body.deliveryId}`,
          { token: admin }
        )
        status = log.body.status
        return status === 'DELIVERED' && log.body.attemptList.length === 1
      },
      () => `the delivery is ${status}`,
      30_000
    )
  })
})
