import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from './test-app'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const LIST = '/api/v1/customer-development/preregistrations'

function get(path: string, token?: string, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  })
}

interface ListBody {
  items: { customerName: string; email: string | null; mobile: string | null; status: string }[]
  total: number
}

describe('walking skeleton: sign-in, me and the masked customer list', () => {
  it('answers health and readiness with the database kind', async () => {
    // Outside production, health names the Node.js major version that runs the API.
    expect(await (await get('/api/health')).json()).toEqual({
      status: 'ok',
      nodeMajor: Number(process.versions.node.split('.')[0]),
    })
    const ready = await get('/api/ready')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: t.database.kind })
  })

  it('signs a seeded partner admin in and reports role, partner and permissions', async () => {
    const token = await t.signIn('admin@acme.example')
    const me = (await (await get('/api/v1/me', token)).json()) as {
      user: { role: string }
      partner: { name: string; capabilities: { referralModelEnabled: boolean } }
      permissions: string[]
    }
    expect(me.user.role).toBe('admin')
    expect(me.partner.name).toBe('Acme Cloud Services')
    expect(me.partner.capabilities.referralModelEnabled).toBe(true)
    expect(me.permissions).toContain('custdev.invite')
  })

  it('refuses a wrong password with INVALID_CREDENTIALS and stores no token', async () => {
    const response = await t.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN,zh;q=0.9' },
      body: JSON.stringify({ email: 'admin@acme.example', password: 'wrong-password' }),
    })
    expect(response.status).toBe(401)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('INVALID_CREDENTIALS')
    expect(body.error.message).toBe('邮箱或密码错误。')
  })

  it('lists the partner rows newest first, masked, with the total', async () => {
    const token = await t.signIn('admin@acme.example')
    const response = await get(`${LIST}?pageSize=100`, token)
    expect(response.status).toBe(200)
    const body = (await response.json()) as ListBody
    // Acme's 16 seeded rows minus the deleted P14.
    expect(body.total).toBe(15)
    const alpha = body.items.find((item) => item.customerName === 'A***')
    expect(alpha?.email).toBe('n***@customer.example')
    const mobileOnly = body.items.find((item) => item.customerName === 'M***')
    expect(mobileOnly?.mobile).toBe('+86 ****0010')
    expect(JSON.stringify(body)).not.toContain('new.alpha@customer.example')
    expect(JSON.stringify(body)).not.toContain('Alpha Robotics')
  })

  it('shows an account manager only the rows they created', async () => {
    const token = await t.signIn('am@acme.example')
    const body = (await (await get(`${LIST}?pageSize=100`, token)).json()) as ListBody
    expect(body.total).toBe(3)
    expect(body.items.map((item) => item.customerName).sort()).toEqual(['E***', 'G***', 'Z***'])
  })

  it('answers 401 without a token and after sign-out', async () => {
    expect((await get(LIST)).status).toBe(401)
    const token = await t.signIn('sales@acme.example')
    expect((await get(LIST, token)).status).toBe(200)
    const out = await t.app.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(out.status).toBe(200)
    const after = await get(LIST, token)
    expect(after.status).toBe(401)
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe(
      'NOT_AUTHENTICATED'
    )
  })

  it('refuses the list to a partner without the module and to the ecosystem manager', async () => {
    const initech = await get(LIST, await t.signIn('admin@initech.example'))
    expect(initech.status).toBe(403)
    expect(((await initech.json()) as { error: { code: string } }).error.code).toBe(
      'CUSTOMER_DEVELOPMENT_NOT_ENABLED'
    )
    const manager = await get(LIST, await t.signIn('manager@ecosystem.example'))
    expect(manager.status).toBe(403)
    expect(((await manager.json()) as { error: { code: string } }).error.code).toBe(
      'PERMISSION_DENIED'
    )
  })

  it('answers bad query input with VALIDATION_FAILED and the failing path', async () => {
    const token = await t.signIn('admin@acme.example')
    const response = await get(`${LIST}?pageSize=500&reveal=password`, token)
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      error: { code: string; details: { issues: { path: string }[] }; requestId: string }
    }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['pageSize', 'reveal.0'])
    )
    expect(response.headers.get('x-request-id')).toBe(body.error.requestId)
  })

  it('answers unknown paths with the one error body and keeps a safe caller request id', async () => {
    const response = await get('/api/v1/nope', undefined, { 'x-request-id': 'abc-123' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'The requested item does not exist.',
        requestId: 'abc-123',
      },
    })
    const unsafe = await get('/api/health', undefined, { 'x-request-id': '<script>' })
    expect(unsafe.headers.get('x-request-id')).not.toBe('<script>')
  })

  it('publishes an OpenAPI document with every skeleton endpoint and a reference page', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/ready',
        '/api/v1/auth/sign-in',
        '/api/v1/auth/sign-out',
        '/api/v1/me',
        '/api/v1/customer-development/preregistrations',
      ])
    )
    const page = await get('/api/docs')
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('/api/openapi.json')
  })

  it('refuses a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'x' }),
    })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE'
    )
  })

  it('logs route templates and never the bearer token', async () => {
    const token = await t.signIn('admin@acme.example')
    await get(`${LIST}?q=alpha`, token)
    const text = JSON.stringify(t.logs)
    expect(text).not.toContain(token)
    expect(text).not.toContain('q=alpha')
    expect(
      t.logs.some((line) => line.route === '/api/v1/customer-development/preregistrations')
    ).toBe(true)
  })
})
