// Signing secrets, Send test event, the delivery log and Redeliver (docs/domain.md R128, R129,
// R137, R138, D7, R144): a secret is answered by its creation or rotation only and stored
// sealed; a test event is one event and one test delivery; Redeliver follows D7.
import { WebhookTestEventBody } from '@partner-center/contracts'
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebhookSecret } from '../src/webhooks/webhook-secrets'
import { errorOf, leakedSecrets, type TestApp } from './helpers'
import { createTestApp } from './test-app'
import {
  ENDPOINTS,
  auditsOf,
  issuedSecrets,
  newEndpoint,
  plantDelivery,
  rowOf,
  type EndpointAnswer,
} from './webhook-endpoint-fixtures'

let t: TestApp
let admin: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.signIn('admin@acme.example')
})
afterAll(async () => {
  await t.close()
})

async function partnerEndpoint(extra: Record<string, unknown> = {}) {
  const endpoint = await newEndpoint(t, admin, extra)
  const partnerId = String((await rowOf(t, 'webhook_endpoints', endpoint.id))?.partner_id)
  return { ...endpoint, partnerId }
}

async function rotate(id: string) {
  const answer = await t.call<{ secret: string; previousSecretExpiresAt: string }>(
    'POST',
    `${ENDPOINTS}/${id}/rotate-secret`,
    { token: admin }
  )
  if (answer.status === 200) issuedSecrets.push(answer.body.secret)
  return answer
}

describe('the signing secret (R128, R144)', () => {
  it('is stored sealed only, and never answered by GET, the list or the audit', async () => {
    const endpoint = await partnerEndpoint()
    const secret = endpoint.secret!
    const row = await rowOf(t, 'webhook_endpoints', endpoint.id)
    expect(row?.secret_key_id).toBe('k1')
    expect(await openWebhookSecret(t.deps.keyring, String(row?.secret_ciphertext))).toBe(secret)
    const answers = [
      await t.call('GET', `${ENDPOINTS}/${endpoint.id}`, { token: admin }),
      await t.call('GET', `${ENDPOINTS}?pageSize=100`, { token: admin }),
      await t.call('PATCH', `${ENDPOINTS}/${endpoint.id}`, {
        token: admin,
        body: { enabled: false },
      }),
    ]
    for (const answer of answers) expect(answer.text).not.toContain('whsec_')
    const everything = JSON.stringify(
      await executeRows(t.database.db, sql`select * from webhook_endpoints`)
    )
    expect(everything).not.toContain(secret.slice(6))
  })
})

describe('rotating the secret (W6, R129)', () => {
  it('keeps the replaced secret for 24 hours, drops a previous one still in its window, audits', async () => {
    const endpoint = await partnerEndpoint()
    const original = endpoint.secret!
    const first = await rotate(endpoint.id)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(first.body.secret).not.toBe(original)
    const expires = new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString()
    expect(first.body.previousSecretExpiresAt).toBe(expires)
    let row = await rowOf(t, 'webhook_endpoints', endpoint.id)
    expect(await openWebhookSecret(t.deps.keyring, String(row?.secret_ciphertext))).toBe(
      first.body.secret
    )
    expect(await openWebhookSecret(t.deps.keyring, String(row?.previous_secret_ciphertext))).toBe(
      original
    )
    const item = await t.call<EndpointAnswer>('GET', `${ENDPOINTS}/${endpoint.id}`, {
      token: admin,
    })
    expect(item.body).toMatchObject({
      previousSecretExpiresAt: expires,
      secretRotatedAt: expect.any(String) as unknown,
    })
    const second = await rotate(endpoint.id)
    row = await rowOf(t, 'webhook_endpoints', endpoint.id)
    expect(await openWebhookSecret(t.deps.keyring, String(row?.previous_secret_ciphertext))).toBe(
      first.body.secret
    )
    expect(await openWebhookSecret(t.deps.keyring, String(row?.secret_ciphertext))).toBe(
      second.body.secret
    )
    const audits = await auditsOf(t, endpoint.id)
    expect(audits.filter((a) => a.action === 'webhook_endpoint.secret_rotated')).toHaveLength(2)
    expect(JSON.stringify(audits)).not.toContain('whsec_')
  })
})

describe('Send test event (R137)', () => {
  it('writes one fanned-out webhook.test event and its one test delivery, and answers 202', async () => {
    const endpoint = await partnerEndpoint({ eventTypes: ['association.failed'] })
    const answer = await t.call<{ eventId: string; deliveryId: string }>(
      'POST',
      `${ENDPOINTS}/${endpoint.id}/test`,
      { token: admin }
    )
    expect(answer.status).toBe(202)
    const now = t.clock.now()
    const event = await rowOf(t, 'webhook_events', answer.body.eventId)
    expect(event).toMatchObject({
      type: 'webhook.test',
      partner_id: endpoint.partnerId,
      target_endpoint_id: endpoint.id,
      entity_id: null,
    })
    expect(new Date(String(event?.fanned_out_at)).getTime()).toBe(now.getTime())
    const payload = String(event?.payload)
    expect(WebhookTestEventBody.parse(JSON.parse(payload))).toEqual({
      type: 'webhook.test',
      timestamp: now.toISOString(),
      data: {
        occurredAt: now.toISOString(),
        partnerId: endpoint.partnerId,
        endpointId: endpoint.id,
        test: true,
      },
    })
    expect(payload).toBe(JSON.stringify(JSON.parse(payload)))
    const [delivery, ...others] = await executeRows<Record<string, unknown>>(
      t.database.db,
      sql`select * from webhook_deliveries where event_id = ${answer.body.eventId}`
    )
    expect(others).toEqual([])
    expect(delivery).toMatchObject({
      id: answer.body.deliveryId,
      endpoint_id: endpoint.id,
      is_test: true,
      status: 'PENDING',
      attempts: 0,
    })
    expect((await auditsOf(t, endpoint.id)).map((a) => a.action)).toContain(
      'webhook_endpoint.test_sent'
    )
  })

  it('is refused on a disabled endpoint, and beyond 6 a minute with 429 and Retry-After', async () => {
    const disabled = await partnerEndpoint({ enabled: false })
    expect(
      errorOf(await t.call('POST', `${ENDPOINTS}/${disabled.id}/test`, { token: admin }))
    ).toEqual({
      status: 409,
      code: 'WEBHOOK_ENDPOINT_DISABLED',
    })
    const endpoint = await partnerEndpoint()
    const start = t.clock.current
    t.clock.current = new Date(Math.ceil(start.getTime() / 60_000) * 60_000 + 30_000)
    try {
      for (let i = 0; i < 6; i += 1) {
        expect(
          (await t.call('POST', `${ENDPOINTS}/${endpoint.id}/test`, { token: admin })).status
        ).toBe(202)
      }
      const before = await t.countRows()
      const refused = await t.call('POST', `${ENDPOINTS}/${endpoint.id}/test`, { token: admin })
      expect(errorOf(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' })
      expect(refused.headers.get('retry-after')).toBe('30')
      expect(await t.countRows()).toEqual(before)
      t.clock.current = new Date(t.clock.current.getTime() + 30_000)
      expect(
        (await t.call('POST', `${ENDPOINTS}/${endpoint.id}/test`, { token: admin })).status
      ).toBe(202)
    } finally {
      t.clock.current = start
    }
  })
})

describe('the delivery log (R138)', () => {
  it('lists newest first with the filters, and shows one delivery with its attempts and body', async () => {
    const endpoint = await partnerEndpoint()
    const failed = await plantDelivery(t, endpoint, 'FAILED', endpoint.partnerId)
    t.clock.current = new Date(t.clock.current.getTime() + 1000)
    const pending = await plantDelivery(t, endpoint, 'PENDING', endpoint.partnerId)
    await t.database.db.execute(sql`insert into webhook_attempts
      (id, delivery_id, number, started_at, webhook_timestamp, duration_ms, outcome, status_code, remote_address, response_excerpt)
      values (${crypto.randomUUID()}, ${failed.deliveryId}, 2, now(), 2, 12, 'HTTP', 500, '127.0.0.1', 'oops'),
             (${crypto.randomUUID()}, ${failed.deliveryId}, 1, now(), 1, 10, 'TIMEOUT', null, null, null)`)
    const base = `${ENDPOINTS}/${endpoint.id}/deliveries`
    const ids = async (query = '') =>
      (
        await t.call<{ items: { id: string }[] }>('GET', `${base}${query}`, { token: admin })
      ).body.items.map((i) => i.id)
    expect(await ids()).toEqual([pending.deliveryId, failed.deliveryId])
    expect(await ids('?status=FAILED,DELIVERED')).toEqual([failed.deliveryId])
    expect(await ids('?eventType=webhook.test')).toEqual([])
    expect(await ids('?eventType=invitation.sent')).toHaveLength(2)
    expect(await ids(`?eventId=evt_${failed.eventId}`)).toEqual([failed.deliveryId])
    expect(await ids(`?eventId=${pending.eventId}`)).toEqual([pending.deliveryId])
    expect(await ids('?eventId=nonsense')).toEqual([])
    const list = await t.call<{ items: Record<string, unknown>[] }>('GET', base, { token: admin })
    expect(list.body.items[0]).toMatchObject({
      webhookId: `evt_${pending.eventId}`,
      eventType: 'invitation.sent',
      status: 'PENDING',
      runAfter: expect.any(String) as unknown,
      partner: null,
      isTest: false,
    })
    expect(list.body.items[1]).toMatchObject({ status: 'FAILED', runAfter: null })
    const detail = await t.call<{
      attemptList: { number: number; outcome: string }[]
      body: string
    }>('GET', `${base}/${failed.deliveryId}`, { token: admin })
    expect(detail.status).toBe(200)
    expect(detail.body.attemptList.map((a) => [a.number, a.outcome])).toEqual([
      [1, 'TIMEOUT'],
      [2, 'HTTP'],
    ])
    expect(detail.body.body).toBe(failed.payload)
  })
})

describe('Redeliver (R138, D7)', () => {
  it('restarts terminal deliveries, hurries a pending one, leaves a sending one, audits', async () => {
    const endpoint = await partnerEndpoint()
    const failed = await plantDelivery(t, endpoint, 'FAILED', endpoint.partnerId)
    const cancelled = await plantDelivery(t, endpoint, 'CANCELLED', endpoint.partnerId)
    const sending = await plantDelivery(t, endpoint, 'SENDING', endpoint.partnerId)
    const start = t.clock.current
    t.clock.current = new Date(start.getTime() + 3_600_000)
    try {
      const base = `${ENDPOINTS}/${endpoint.id}/deliveries`
      for (const planted of [failed, cancelled]) {
        const answer = await t.call<Record<string, unknown>>(
          'POST',
          `${base}/${planted.deliveryId}/redeliver`,
          { token: admin }
        )
        expect(answer.status).toBe(202)
        expect(answer.body).toMatchObject({
          status: 'PENDING',
          cancelReason: null,
          webhookId: `evt_${planted.eventId}`,
        })
        const row = await rowOf(t, 'webhook_deliveries', planted.deliveryId)
        expect(row).toMatchObject({ status: 'PENDING', attempts: 1, event_id: planted.eventId })
        for (const column of ['run_after', 'window_starts_at', 'redelivered_at']) {
          expect(new Date(String(row?.[column])).getTime()).toBe(t.clock.now().getTime())
        }
      }
      const before = await t.countRows()
      const untouched = await t.call('POST', `${base}/${sending.deliveryId}/redeliver`, {
        token: admin,
      })
      expect(untouched.status).toBe(202)
      expect((await rowOf(t, 'webhook_deliveries', sending.deliveryId))?.status).toBe('SENDING')
      expect(await t.countRows()).toEqual(before)
      const audits = await executeRows<{ entity_id: string; details: Record<string, unknown> }>(
        t.database.db,
        sql`select entity_id, details from audit_events where action = 'webhook_delivery.redelivered'
            and entity_id in (${failed.deliveryId}, ${cancelled.deliveryId}) order by details->>'previousStatus'`
      )
      expect(audits.map((a) => a.details.previousStatus)).toEqual(['CANCELLED', 'FAILED'])
      expect(audits[0]?.details).toMatchObject({
        endpointId: endpoint.id,
        url: 'https://crm.example.com/hooks/partner-center?…',
      })
    } finally {
      t.clock.current = start
    }
  })

  it('is refused with WEBHOOK_ENDPOINT_DISABLED unless the endpoint is enabled', async () => {
    const endpoint = await partnerEndpoint()
    const failed = await plantDelivery(t, endpoint, 'FAILED', endpoint.partnerId)
    await t.call('PATCH', `${ENDPOINTS}/${endpoint.id}`, { token: admin, body: { enabled: false } })
    const answer = await t.call(
      'POST',
      `${ENDPOINTS}/${endpoint.id}/deliveries/${failed.deliveryId}/redeliver`,
      {
        token: admin,
      }
    )
    expect(errorOf(answer)).toEqual({ status: 409, code: 'WEBHOOK_ENDPOINT_DISABLED' })
    expect((await rowOf(t, 'webhook_deliveries', failed.deliveryId))?.status).toBe('FAILED')
  })
})

describe('no secret anywhere else (R144)', () => {
  it('leaves no issued secret, whole or its base64 part, in the logs or the audit', async () => {
    expect(issuedSecrets.length).toBeGreaterThan(3)
    const parts = issuedSecrets.flatMap((secret) => [secret, secret.slice(6)])
    expect(leakedSecrets(t, parts)).toEqual([])
    const audit = JSON.stringify(await executeRows(t.database.db, sql`select * from audit_events`))
    expect(parts.filter((part) => audit.includes(part))).toEqual([])
    expect(JSON.stringify(t.logs)).not.toMatch(/whsec_[A-Za-z0-9+/]{20}/)
  })
})
