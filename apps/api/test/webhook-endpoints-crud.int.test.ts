// Partner webhook endpoints, create, read, change and delete (docs/domain.md §13.4.1, R126):
// W1–W5 and W7 with their audit events, R126's validation order, and the limit of 10.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'
import {
  ENDPOINTS,
  UNKNOWN_ID,
  auditsOf,
  deleteAll,
  endpointBody,
  newEndpoint,
  plantDelivery,
  postEndpoint,
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

describe('creating an endpoint (W1, R126)', () => {
  it('answers 201 with the secret and no-store, stores the href, catalogue order and trimmed text', async () => {
    const created = await postEndpoint(t, admin, {
      url: 'HTTPS://CRM.Example.com/hooks/in?token=abc',
      eventTypes: ['invitation.sent', 'preregistration.created'],
      description: '  CRM sync  ',
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    expect(created.body).toMatchObject({
      url: 'https://crm.example.com/hooks/in?token=abc',
      eventTypes: ['preregistration.created', 'invitation.sent'],
      description: 'CRM sync',
      status: 'ENABLED',
      disabledReason: null,
      failingSince: null,
      previousSecretExpiresAt: null,
      createdBy: { displayName: expect.any(String) as unknown },
    })
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const row = await rowOf(t, 'webhook_endpoints', created.body.id)
    expect(row?.status).toBe('ENABLED')
    expect(JSON.stringify(row)).not.toContain(created.body.secret!.slice(6))
    expect(await auditsOf(t, created.body.id)).toEqual([
      {
        action: 'webhook_endpoint.created',
        actor_type: 'partner_user',
        details: {
          url: 'https://crm.example.com/hooks/in?…',
          eventTypes: ['preregistration.created', 'invitation.sent'],
          status: 'ENABLED',
        },
      },
    ])
  })

  it('creates a DISABLED endpoint with reason USER when enabled is false', async () => {
    const created = await newEndpoint(t, admin, { enabled: false, description: undefined })
    expect(created).toMatchObject({ status: 'DISABLED', disabledReason: 'USER', description: '' })
    expect(created.disabledAt).not.toBeNull()
  })

  it.each([
    ['no event type', { eventTypes: [] }, 'eventTypes', 'UNKNOWN_EVENT_TYPE'],
    [
      'a repeated type',
      { eventTypes: ['invitation.sent', 'invitation.sent'] },
      'eventTypes',
      'UNKNOWN_EVENT_TYPE',
    ],
    ['an unknown type', { eventTypes: ['invitation.nope'] }, 'eventTypes', 'UNKNOWN_EVENT_TYPE'],
    ['the test type', { eventTypes: ['webhook.test'] }, 'eventTypes', 'UNKNOWN_EVENT_TYPE'],
    ['201 characters', { description: 'x'.repeat(201) }, 'description', 'TOO_LONG'],
    ['a format character', { description: 'a\u200bb' }, 'description', 'FORMAT_CHARACTER'],
    ['a control character', { description: 'a\u0007b' }, 'description', 'CONTROL_CHARACTER'],
  ])(
    'refuses %s with VALIDATION_FAILED and stores nothing',
    async (_label, extra, path, reason) => {
      const before = await t.countRows()
      const answer = await postEndpoint(t, admin, endpointBody(extra))
      expect(errorOf(answer)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
      expect(answer.body.error?.details).toEqual({ issues: [{ path, message: reason }] })
      expect(await t.countRows()).toEqual(before)
    }
  )

  it('refuses a body the schema refuses (unknown field, missing url)', async () => {
    for (const body of [
      { ...endpointBody(), secret: 'mine' },
      { eventTypes: ['invitation.sent'] },
    ]) {
      expect(errorOf(await postEndpoint(t, admin, body))).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      })
    }
  })

  it.each([
    ['no URL', 'not a url'],
    ['another scheme', 'ftp://crm.example.com/in'],
    ['a user name', 'https://user:pw@crm.example.com/in'],
    ['a fragment', 'https://crm.example.com/in#frag'],
    ['2,049 characters', `https://crm.example.com/${'a'.repeat(2025)}`],
  ])('refuses %s with WEBHOOK_URL_INVALID', async (_label, url) => {
    expect(errorOf(await postEndpoint(t, admin, endpointBody({ url })))).toEqual({
      status: 400,
      code: 'WEBHOOK_URL_INVALID',
    })
  })

  it('answers VALIDATION_FAILED before WEBHOOK_URL_INVALID', async () => {
    const answer = await postEndpoint(t, admin, endpointBody({ url: 'nope', eventTypes: [] }))
    expect(errorOf(answer)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('allows http and loopback outside production (the tests deliver there)', async () => {
    const created = await newEndpoint(t, admin, { url: 'http://127.0.0.1:4999/in' })
    expect(created.url).toBe('http://127.0.0.1:4999/in')
  })

  it('allows 10 endpoints not DELETED: the 11th is WEBHOOK_ENDPOINT_LIMIT, a delete frees a place', async () => {
    await deleteAll(t, admin)
    const made: EndpointAnswer[] = []
    for (let i = 0; i < 10; i += 1) made.push(await newEndpoint(t, admin, { description: `e${i}` }))
    const before = await t.countRows()
    const refused = await postEndpoint(t, admin)
    expect(errorOf(refused)).toEqual({ status: 409, code: 'WEBHOOK_ENDPOINT_LIMIT' })
    expect(await t.countRows()).toEqual(before)
    // A URL refusal comes before the limit (R126).
    expect(errorOf(await postEndpoint(t, admin, endpointBody({ url: 'x' })))).toEqual({
      status: 400,
      code: 'WEBHOOK_URL_INVALID',
    })
    expect((await t.call('DELETE', `${ENDPOINTS}/${made[0]!.id}`, { token: admin })).status).toBe(
      204
    )
    expect((await postEndpoint(t, admin)).status).toBe(201)
    await deleteAll(t, admin)
  })
})

describe('reading endpoints (R126)', () => {
  it('lists newest first with paging and never a secret', async () => {
    await deleteAll(t, admin)
    const first = await newEndpoint(t, admin, { description: 'first' })
    t.clock.current = new Date(t.clock.current.getTime() + 1000)
    const second = await newEndpoint(t, admin, { description: 'second' })
    const list = await t.call<{ items: EndpointAnswer[]; total: number }>(
      'GET',
      `${ENDPOINTS}?pageSize=1`,
      { token: admin }
    )
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(2)
    expect(list.body.items.map((item) => item.id)).toEqual([second.id])
    expect(list.text).not.toContain('whsec_')
    const one = await t.call<EndpointAnswer>('GET', `${ENDPOINTS}/${first.id}`, { token: admin })
    expect(one.body).toEqual({ ...first, secret: undefined })
    expect(one.text).not.toContain('whsec_')
  })
})

describe('changing an endpoint (W5, W2, W3)', () => {
  it('replaces the fields given, audits the changed names, and writes nothing for no change', async () => {
    const endpoint = await newEndpoint(t, admin)
    const changed = await t.call<EndpointAnswer>('PATCH', `${ENDPOINTS}/${endpoint.id}`, {
      token: admin,
      body: { eventTypes: ['association.created'], description: ' new ' },
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ eventTypes: ['association.created'], description: 'new' })
    expect(changed.text).not.toContain('whsec_')
    const before = await t.countRows()
    const same = await t.call('PATCH', `${ENDPOINTS}/${endpoint.id}`, {
      token: admin,
      body: { description: 'new', enabled: true },
    })
    expect(same.status).toBe(200)
    expect(await t.countRows()).toEqual(before)
    const actions = (await auditsOf(t, endpoint.id)).map((a) => [a.action, a.details.changed])
    expect(actions).toEqual([
      ['webhook_endpoint.created', undefined],
      ['webhook_endpoint.updated', ['eventTypes', 'description']],
    ])
  })

  it('disables (W2) cancelling PENDING deliveries only, then enables (W3) clearing the disabled fields', async () => {
    const endpoint = await newEndpoint(t, admin)
    const partnerId = String((await rowOf(t, 'webhook_endpoints', endpoint.id))?.partner_id)
    const target = { id: endpoint.id, partnerId }
    const pending = await plantDelivery(t, target, 'PENDING', partnerId)
    const sending = await plantDelivery(t, target, 'SENDING', partnerId)
    await t.database.db.execute(
      sql`update webhook_endpoints set failing_since = now() where id = ${endpoint.id}`
    )
    const off = await t.call<EndpointAnswer>('PATCH', `${ENDPOINTS}/${endpoint.id}`, {
      token: admin,
      body: { enabled: false, url: 'https://other.example.com/in' },
    })
    expect(off.body).toMatchObject({ status: 'DISABLED', disabledReason: 'USER' })
    expect(await rowOf(t, 'webhook_deliveries', pending.deliveryId)).toMatchObject({
      status: 'CANCELLED',
      cancel_reason: 'ENDPOINT_DISABLED',
    })
    expect((await rowOf(t, 'webhook_deliveries', sending.deliveryId))?.status).toBe('SENDING')
    const on = await t.call<EndpointAnswer>('PATCH', `${ENDPOINTS}/${endpoint.id}`, {
      token: admin,
      body: { enabled: true },
    })
    expect(on.body).toMatchObject({
      status: 'ENABLED',
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    })
    expect((await rowOf(t, 'webhook_endpoints', endpoint.id))?.disabled_by_user_id).toBeNull()
    const audits = await auditsOf(t, endpoint.id)
    expect(audits.map((a) => a.action).sort()).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.disabled',
      'webhook_endpoint.enabled',
      'webhook_endpoint.updated',
    ])
    const detailsOf = (action: string) => audits.find((a) => a.action === action)?.details
    expect(detailsOf('webhook_endpoint.disabled')).toMatchObject({ reason: 'USER' })
    expect(detailsOf('webhook_endpoint.updated')).toMatchObject({
      changed: ['url'],
      url: 'https://other.example.com/in',
    })
  })

  it('answers VALIDATION_FAILED, then NOT_FOUND, then the URL codes', async () => {
    expect(
      errorOf(
        await t.call('PATCH', `${ENDPOINTS}/${UNKNOWN_ID}`, {
          token: admin,
          body: { eventTypes: [], url: 'x' },
        })
      )
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(
      errorOf(
        await t.call('PATCH', `${ENDPOINTS}/${UNKNOWN_ID}`, { token: admin, body: { url: 'x' } })
      )
    ).toEqual({ status: 404, code: 'NOT_FOUND' })
    const endpoint = await newEndpoint(t, admin)
    expect(
      errorOf(
        await t.call('PATCH', `${ENDPOINTS}/${endpoint.id}`, { token: admin, body: { url: 'x' } })
      )
    ).toEqual({ status: 400, code: 'WEBHOOK_URL_INVALID' })
    expect(
      errorOf(await t.call('PATCH', `${ENDPOINTS}/${endpoint.id}`, { token: admin, body: {} }))
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  })
})

describe('deleting an endpoint (W7)', () => {
  it('answers 204, cancels PENDING deliveries, and answers NOT_FOUND on every path after', async () => {
    const endpoint = await newEndpoint(t, admin, { enabled: false })
    const partnerId = String((await rowOf(t, 'webhook_endpoints', endpoint.id))?.partner_id)
    const pending = await plantDelivery(t, { id: endpoint.id, partnerId }, 'PENDING', partnerId)
    const removed = await t.call('DELETE', `${ENDPOINTS}/${endpoint.id}`, { token: admin })
    expect(removed.status).toBe(204)
    expect(removed.text).toBe('')
    expect(await rowOf(t, 'webhook_endpoints', endpoint.id)).toMatchObject({
      status: 'DELETED',
      disabled_reason: null,
    })
    expect(await rowOf(t, 'webhook_deliveries', pending.deliveryId)).toMatchObject({
      status: 'CANCELLED',
      cancel_reason: 'ENDPOINT_DELETED',
    })
    const base = `${ENDPOINTS}/${endpoint.id}`
    for (const [method, path] of [
      ['GET', base],
      ['PATCH', base],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`],
      ['POST', `${base}/test`],
      ['GET', `${base}/deliveries`],
      ['GET', `${base}/deliveries/${pending.deliveryId}`],
      ['POST', `${base}/deliveries/${pending.deliveryId}/redeliver`],
    ] as const) {
      const body = method === 'PATCH' ? { description: 'x' } : undefined
      expect({
        method,
        path,
        ...errorOf(await t.call(method, path, { token: admin, body })),
      }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' })
    }
    const list = await t.call('GET', `${ENDPOINTS}?pageSize=100`, { token: admin })
    expect(list.text).not.toContain(endpoint.id)
    expect((await auditsOf(t, endpoint.id)).map((a) => a.action)).toContain(
      'webhook_endpoint.deleted'
    )
  })
})
