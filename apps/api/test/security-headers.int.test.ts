import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, cspDirectives, P } from './helpers'
import { createTestApp } from './test-app'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

function expectCommonHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  expect(
    cspDirectives(response.headers.get('content-security-policy')).get('frame-ancestors')
  ).toEqual(["'none'"])
}

describe('security headers of the API (issue 13 item 6)', () => {
  let local: TestApp
  let https: TestApp

  beforeAll(async () => {
    local = await createTestApp()
    https = await createTestApp({ config: { publicBaseUrl: 'https://partners.example.com' } })
  })
  afterAll(async () => {
    await local?.close()
    await https?.close()
  })

  it('sends a JSON answer with a CSP that allows nothing, nosniff, no framing and no referrer', async () => {
    const response = await local.app.request('/api/health')
    expect(response.status).toBe(200)
    expectCommonHeaders(response)
    const csp = cspDirectives(response.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.has('script-src')).toBe(false)
  })

  it('sends the same headers on error answers: 401, 404 and a refused body', async () => {
    const unauthenticated = await local.app.request('/api/v1/customer-development/preregistrations')
    expect(unauthenticated.status).toBe(401)
    expectCommonHeaders(unauthenticated)
    const missing = await local.app.request('/api/no-such-route')
    expect(missing.status).toBe(404)
    expectCommonHeaders(missing)
    const invalid = await local.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(invalid.status).toBe(400)
    expectCommonHeaders(invalid)
  })

  it('sends them on an answer replayed from the idempotency store (a Response built by hand)', async () => {
    const token = await local.signIn('admin@acme.example')
    const invite = () =>
      local.call('POST', `${CD}/invitations`, {
        token,
        body: { preregistrationIds: [P('P01')], associationType: 'referral' },
        headers: { 'idempotency-key': 'security-headers-replay' },
      })
    const first = await invite()
    const replayed = await invite()
    expect(first.status).toBe(202)
    expect(replayed.text).toBe(first.text)
    for (const { headers } of [first, replayed]) {
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    }
  })

  it('gives the API reference page a fresh script nonce per response and no inline script without it', async () => {
    const first = await local.app.request('/api/docs')
    const second = await local.app.request('/api/docs')
    expect(first.status).toBe(200)
    expectCommonHeaders(first)
    const csp = cspDirectives(first.headers.get('content-security-policy'))
    const scriptSources = csp.get('script-src') ?? []
    expect(scriptSources).toHaveLength(1)
    expect(scriptSources[0]).toMatch(/^'nonce-[A-Za-z0-9+/]{22,}={0,2}'$/)
    expect(scriptSources).not.toContain("'unsafe-inline'")
    expect(csp.get('connect-src')).toEqual(["'self'"])
    const nonce = scriptSources[0]!.slice("'nonce-".length, -1)
    const html = await first.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    const secondNonce = cspDirectives(second.headers.get('content-security-policy')).get(
      'script-src'
    )
    expect(secondNonce).not.toEqual(scriptSources)
  })

  it('sends HSTS only when PUBLIC_BASE_URL is https', async () => {
    const plain = await local.app.request('/api/health')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    for (const path of ['/api/health', '/api/docs', '/api/no-such-route']) {
      const secure = await https.app.request(path)
      expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000')
      expectCommonHeaders(secure)
    }
  })
})
