// Who may manage webhook endpoints and which ones (docs/domain.md §13.2.3, R121, R141, R2): a
// partner admin its partner's, the ecosystem manager the platform's, an API key none; every
// other endpoint or delivery is NOT_FOUND; the limit holds under concurrent creations.
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'
import {
  ADMIN_ENDPOINTS,
  ENDPOINTS,
  auditsOf,
  deleteAll,
  newEndpoint,
  plantDelivery,
  postEndpoint,
  rowOf,
} from './webhook-endpoint-fixtures'

let t: TestApp
let acme: string
let globex: string
let manager: string

beforeAll(async () => {
  t = await createTestApp()
  acme = await t.signIn('admin@acme.example')
  globex = await t.signIn('admin@globex.example')
  manager = await t.signIn('manager@ecosystem.example')
})
afterAll(async () => {
  await t.close()
})

/** Every route of one side on endpoint `id` and delivery `deliveryId`, with a harmless body. */
function routesOf(collection: string, id: string, deliveryId: string) {
  const base = `${collection}/${id}`
  return [
    ['GET', base],
    ['PATCH', base],
    ['DELETE', base],
    ['POST', `${base}/rotate-secret`],
    ['POST', `${base}/test`],
    ['GET', `${base}/deliveries`],
    ['GET', `${base}/deliveries/${deliveryId}`],
    ['POST', `${base}/deliveries/${deliveryId}/redeliver`],
  ] as const
}

async function answersOf(token: string, routes: readonly (readonly [string, string])[]) {
  const answers = []
  for (const [method, path] of routes) {
    const body = method === 'PATCH' ? { description: 'x' } : undefined
    answers.push({ method, path, ...errorOf(await t.call(method, path, { token, body })) })
  }
  return answers
}

describe('permissions (R121, R3)', () => {
  it('refuses sales, account_manager and read_only with PERMISSION_DENIED', async () => {
    for (const email of ['sales@acme.example', 'am@acme.example', 'viewer@acme.example']) {
      const token = await t.signIn(email)
      expect(errorOf(await postEndpoint(t, token))).toEqual({
        status: 403,
        code: 'PERMISSION_DENIED',
      })
      expect(errorOf(await t.call('GET', ENDPOINTS, { token }))).toEqual({
        status: 403,
        code: 'PERMISSION_DENIED',
      })
    }
  })

  it('answers 401, module off, then the ecosystem manager refused on partner paths (R9)', async () => {
    expect(errorOf(await t.call('GET', ENDPOINTS))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    const initech = await t.signIn('admin@initech.example')
    expect(errorOf(await postEndpoint(t, initech))).toEqual({
      status: 403,
      code: 'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
    })
    expect(errorOf(await postEndpoint(t, manager))).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    })
    expect(errorOf(await t.call('GET', ADMIN_ENDPOINTS, { token: acme }))).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    })
  })

  it('refuses an API key with API_KEY_NOT_ALLOWED on every webhook route, partner and platform', async () => {
    const endpoint = await newEndpoint(t, acme)
    const key = await t.call<{ key: string }>('POST', '/api/v1/customer-development/api-keys', {
      token: acme,
      body: { name: 'CRM', role: 'admin' },
    })
    const platformKey = await t.call<{ key: string }>('POST', '/api/v1/admin/api-keys', {
      token: manager,
      body: { name: 'BI' },
    })
    const before = await t.countRows()
    const partnerSide = [
      ['GET', ENDPOINTS],
      ['POST', ENDPOINTS],
      ...routesOf(ENDPOINTS, endpoint.id, endpoint.id),
    ] as const
    for (const answer of await answersOf(key.body.key, partnerSide)) {
      expect(answer).toMatchObject({ status: 403, code: 'API_KEY_NOT_ALLOWED' })
    }
    const adminSide = [
      ['GET', ADMIN_ENDPOINTS],
      ...routesOf(ADMIN_ENDPOINTS, endpoint.id, endpoint.id),
    ] as const
    for (const answer of await answersOf(platformKey.body.key, adminSide)) {
      expect(answer).toMatchObject({ status: 403, code: 'API_KEY_NOT_ALLOWED' })
    }
    expect(await t.countRows()).toEqual(before)
  })
})

describe('isolation (R2)', () => {
  it("answers NOT_FOUND for another partner's endpoint, and lists only the caller's own", async () => {
    const endpoint = await newEndpoint(t, acme)
    const before = await t.countRows()
    for (const answer of await answersOf(globex, routesOf(ENDPOINTS, endpoint.id, endpoint.id))) {
      expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    }
    expect(await t.countRows()).toEqual(before)
    const list = await t.call('GET', `${ENDPOINTS}?pageSize=100`, { token: globex })
    expect(list.text).not.toContain(endpoint.id)
  })

  it('keeps platform and partner endpoints apart: each is NOT_FOUND on the other path', async () => {
    const partnerEndpoint = await newEndpoint(t, acme)
    const platformEndpoint = await newEndpoint(t, manager, {}, ADMIN_ENDPOINTS)
    for (const answer of [
      ...(await answersOf(acme, routesOf(ENDPOINTS, platformEndpoint.id, platformEndpoint.id))),
      ...(await answersOf(
        manager,
        routesOf(ADMIN_ENDPOINTS, partnerEndpoint.id, partnerEndpoint.id)
      )),
    ]) {
      expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    }
    const platformList = await t.call('GET', `${ADMIN_ENDPOINTS}?pageSize=100`, { token: manager })
    expect(platformList.text).toContain(platformEndpoint.id)
    expect(platformList.text).not.toContain(partnerEndpoint.id)
  })

  it('answers NOT_FOUND for a delivery of another endpoint of the same partner', async () => {
    const first = await newEndpoint(t, acme)
    const second = await newEndpoint(t, acme)
    const partnerId = String((await rowOf(t, 'webhook_endpoints', first.id))?.partner_id)
    const { deliveryId } = await plantDelivery(t, { id: second.id, partnerId }, 'FAILED', partnerId)
    for (const [method, path] of [
      ['GET', `${ENDPOINTS}/${first.id}/deliveries/${deliveryId}`],
      ['POST', `${ENDPOINTS}/${first.id}/deliveries/${deliveryId}/redeliver`],
    ] as const) {
      expect(errorOf(await t.call(method, path, { token: acme }))).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      })
    }
    expect((await rowOf(t, 'webhook_deliveries', deliveryId))?.status).toBe('FAILED')
  })
})

describe('the platform side (R121, S35)', () => {
  it('audits as the ecosystem manager without a partner, and its log names each event partner', async () => {
    const endpoint = await newEndpoint(t, manager, {}, ADMIN_ENDPOINTS)
    expect(endpoint.createdBy.displayName).not.toBe('')
    const [audit] = await executeRows<{ actor_type: string; partner_id: string | null }>(
      t.database.db,
      sql`select actor_type, partner_id from audit_events where entity_id = ${endpoint.id}`
    )
    expect(audit).toEqual({ actor_type: 'ecosystem_manager', partner_id: null })
    const [acmePartner] = await executeRows<{ id: string; name: string }>(
      t.database.db,
      sql`select p.id, p.name from partners p join users u on u.partner_id = p.id
          where u.email_canonical = 'admin@acme.example'`
    )
    await plantDelivery(t, { id: endpoint.id, partnerId: null }, 'DELIVERED', acmePartner!.id)
    const log = await t.call<{ items: { partner: unknown }[] }>(
      'GET',
      `${ADMIN_ENDPOINTS}/${endpoint.id}/deliveries`,
      { token: manager }
    )
    expect(log.body.items.map((item) => item.partner)).toEqual([acmePartner])
    const partnerEndpoint = await newEndpoint(t, acme)
    await plantDelivery(
      t,
      { id: partnerEndpoint.id, partnerId: acmePartner!.id },
      'DELIVERED',
      acmePartner!.id
    )
    const partnerLog = await t.call<{ items: { partner: unknown }[] }>(
      'GET',
      `${ENDPOINTS}/${partnerEndpoint.id}/deliveries`,
      { token: acme }
    )
    expect(partnerLog.body.items.map((item) => item.partner)).toEqual([null])
    expect((await auditsOf(t, partnerEndpoint.id))[0]?.actor_type).toBe('partner_user')
  })

  it("sends a platform endpoint's test event without a partner", async () => {
    const endpoint = await newEndpoint(t, manager, {}, ADMIN_ENDPOINTS)
    const test = await t.call<{ eventId: string; deliveryId: string }>(
      'POST',
      `${ADMIN_ENDPOINTS}/${endpoint.id}/test`,
      { token: manager }
    )
    expect(test.status).toBe(202)
    const event = await rowOf(t, 'webhook_events', test.body.eventId)
    expect(event).toMatchObject({ partner_id: null, target_endpoint_id: endpoint.id })
    expect(JSON.parse(String(event?.payload))).toMatchObject({ data: { partnerId: null } })
    const delivery = await t.call<{ partner: unknown; isTest: boolean }>(
      'GET',
      `${ADMIN_ENDPOINTS}/${endpoint.id}/deliveries/${test.body.deliveryId}`,
      { token: manager }
    )
    expect(delivery.body).toMatchObject({ partner: null, isTest: true })
  })
})

describe('the limit under concurrency (R126)', () => {
  it('creates exactly one endpoint from 10 concurrent creations at 9', async () => {
    await deleteAll(t, globex)
    for (let i = 0; i < 9; i += 1) await newEndpoint(t, globex, { description: `c${i}` })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postEndpoint(t, globex, {
          url: `https://r${i}.example.com/`,
          eventTypes: ['invitation.sent'],
        })
      )
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)])
    const page = await t.call<{ total: number }>('GET', ENDPOINTS, { token: globex })
    expect(page.body.total).toBe(10)
    await deleteAll(t, globex)
  })
})
