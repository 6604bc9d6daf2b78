// Endpoint URLs in production (docs/domain.md R126, R136; §13.10 item 8): https only, and no
// local, private or reserved IP literal, after the WHATWG parser's normalisation. Host names
// are not resolved by the API; every attempt checks its addresses again (the dispatcher's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, type TestApp } from './helpers'
import { createTestApp } from './test-app'
import { ADMIN_ENDPOINTS, endpointBody, postEndpoint } from './webhook-endpoint-fixtures'

let t: TestApp
let admin: string
let manager: string

beforeAll(async () => {
  t = await createTestApp({ config: { appEnv: 'production', webhookTimeoutSeconds: 7 } })
  admin = await t.signIn('admin@acme.example')
  manager = await t.signIn('manager@ecosystem.example')
})
afterAll(async () => {
  await t.close()
})

describe('production refusals on create (R126)', () => {
  it.each([
    'https://127.0.0.1/in',
    'https://127.1/in',
    'https://0x7f.0.0.1/in',
    'https://2130706433/in',
    'https://[::1]/in',
    'https://[::ffff:127.0.0.1]/in',
    'https://0.0.0.0/in',
    'https://localhost/in',
    'https://hooks.localhost/in',
    'https://10.0.0.1/in',
    'https://169.254.169.254/latest',
    'https://[fe80::1]/in',
  ])('refuses %s with WEBHOOK_URL_NOT_ALLOWED and stores nothing', async (url) => {
    const before = await t.countRows()
    expect(errorOf(await postEndpoint(t, admin, endpointBody({ url })))).toEqual({
      status: 422,
      code: 'WEBHOOK_URL_NOT_ALLOWED',
    })
    expect(errorOf(await postEndpoint(t, manager, endpointBody({ url }), ADMIN_ENDPOINTS))).toEqual(
      { status: 422, code: 'WEBHOOK_URL_NOT_ALLOWED' }
    )
    expect(await t.countRows()).toEqual(before)
  })

  it('refuses http with WEBHOOK_URL_INVALID, even to a loopback address (INVALID comes first)', async () => {
    for (const url of ['http://crm.example.com/in', 'http://127.0.0.1/in']) {
      expect(errorOf(await postEndpoint(t, admin, endpointBody({ url })))).toEqual({
        status: 400,
        code: 'WEBHOOK_URL_INVALID',
      })
    }
  })

  it('accepts a public https host name and a public IP literal', async () => {
    for (const url of ['https://crm.example.com/in', 'https://93.184.215.14/in']) {
      expect((await postEndpoint(t, admin, endpointBody({ url }))).status).toBe(201)
    }
  })

  it('checks a changed URL the same way', async () => {
    const created = await postEndpoint(t, admin)
    expect(created.status).toBe(201)
    const answer = await t.call(
      'PATCH',
      `/api/v1/customer-development/webhook-endpoints/${created.body.id}`,
      {
        token: admin,
        body: { url: 'https://[::ffff:127.0.0.1]/in' },
      }
    )
    expect(errorOf(answer)).toEqual({ status: 422, code: 'WEBHOOK_URL_NOT_ALLOWED' })
  })
})

describe('the limits the pages state (R147)', () => {
  it("answers the dispatcher's configured timeout in GET /me, the defaults elsewhere", async () => {
    const me = await t.call<{ limits: Record<string, number> }>('GET', '/api/v1/me', {
      token: admin,
    })
    expect(me.body.limits).toMatchObject({
      webhookTimeoutSeconds: 7,
      webhookRetryWindowHours: 24,
      webhookDisableAfterHours: 24,
      webhookEndpointsMax: 10,
    })
  })
})
