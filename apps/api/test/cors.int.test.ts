// Issue 18 item 4: CORS for pages on the origins of CORS_ALLOWED_ORIGINS. A preflight is
// answered before the body limit and authentication; every answer to an allowed origin, the
// refusals included, carries the CORS headers; nobody else gets any; no credentials mode.
import { API_ROUTES } from '@partner-center/contracts/routes'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { configFromEnv } from '../src/config'
import { readEnv } from '../src/env'
import { CD, errorOf, P, type TestApp } from './helpers'
import { createTestApp } from './test-app'

const CONSOLE = 'https://console.example.com'
const OTHER_CONSOLE = 'http://localhost:4300'
const LIST = `${CD}/preregistrations`
const SIGN_IN = '/api/v1/auth/sign-in'
const SIGN_IN_LIMIT = 3
const BODY_LIMIT = 2048

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({
    config: {
      corsAllowedOrigins: [CONSOLE, OTHER_CONSOLE],
      // Each request may name its client in X-Forwarded-For, so the sign-in limit can be
      // reached from one address without touching the address the other tests sign in from.
      trustedProxies: ['127.0.0.1'],
      signInRateLimitPerMinute: SIGN_IN_LIMIT,
      bodyLimitBytes: BODY_LIMIT,
    },
  })
})
afterAll(async () => {
  await t?.close()
})

/** The `access-control-*` headers of an answer, by name. */
function corsHeadersOf(response: { headers: Headers }): Record<string, string> {
  const found: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name.startsWith('access-control-')) found[name] = value
  })
  return found
}

/** The tokens of a comma-separated header, lower case. */
const tokensOf = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)

function preflight(path: string, origin: string, method = 'POST', requestHeaders?: string) {
  return t.app.request(path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(requestHeaders ? { 'access-control-request-headers': requestHeaders } : {}),
    },
  })
}

/** What every answer to an allowed origin carries: that origin, exposed headers, no credentials. */
function expectGranted(response: { headers: Headers }, origin = CONSOLE) {
  expect(response.headers.get('access-control-allow-origin')).toBe(origin)
  expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After, X-Request-Id')
  expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  expect(tokensOf(response.headers.get('vary'))).toContain('origin')
}

describe('a preflight (issue 18 item 4)', () => {
  it('from an allowed origin is granted with 204: its origin, the methods, the headers, 600 s, no credentials', async () => {
    const answer = await preflight(
      `${CD}/invitations`,
      CONSOLE,
      'POST',
      'authorization, content-type, idempotency-key'
    )
    expect(answer.status).toBe(204)
    expect(await answer.text()).toBe('')
    const methods = [...new Set(Object.values(API_ROUTES).map((route) => route.method))]
    expect(corsHeadersOf(answer)).toEqual({
      'access-control-allow-origin': CONSOLE,
      'access-control-allow-methods': methods.join(', '),
      'access-control-allow-headers':
        'Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-Id',
      'access-control-max-age': '600',
    })
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']))
    expect(tokensOf(answer.headers.get('vary'))).toContain('origin')
    // Answered before authentication and the routes, with the headers of every answer.
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(answer.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
  })

  it('is granted to each listed origin for itself, on any path, before the body limit', async () => {
    const answer = await t.app.request(`${CD}/preregistrations`, {
      method: 'OPTIONS',
      headers: {
        origin: OTHER_CONSOLE,
        'access-control-request-method': 'DELETE',
        // Far above the body limit: a preflight never gets there.
        'content-length': String(BODY_LIMIT * 10),
      },
    })
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe(OTHER_CONSOLE)
  })

  it('from any other origin is answered 204 with no CORS header, which the browser reads as refused', async () => {
    for (const origin of [
      'https://evil.example',
      'http://console.example.com', // another scheme
      'https://console.example.com:8443', // another port
      'https://console.example.com.evil.example',
      'null',
    ]) {
      const answer = await preflight(`${CD}/invitations`, origin)
      const seen = { origin, status: answer.status, cors: corsHeadersOf(answer) }
      expect(seen).toEqual({ origin, status: 204, cors: {} })
      expect(await answer.text()).toBe('')
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})

describe('an answer to an allowed origin (issue 18 item 4)', () => {
  it('names the origin and exposes Retry-After and X-Request-Id, the other headers unchanged', async () => {
    const answer = await t.call('GET', '/api/health', { headers: { origin: CONSOLE } })
    expect(answer.status).toBe(200)
    expectGranted(answer)
    expect(answer.headers.get('x-request-id')).toBeTruthy()
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('x-frame-options')).toBe('DENY')
  })

  it('carries them on refusals the page must read: 401, 404, 400, 413 and 429 with Retry-After', async () => {
    const headers = { origin: CONSOLE }
    const unauthenticated = await t.call('GET', LIST, { headers })
    expect(errorOf(unauthenticated)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    expectGranted(unauthenticated)

    const missing = await t.call('GET', '/api/no-such-route', { headers })
    expect(missing.status).toBe(404)
    expectGranted(missing)

    const invalid = await t.call('POST', SIGN_IN, { headers, body: '{not json' })
    expect(errorOf(invalid)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expectGranted(invalid)

    const tooLarge = await t.call('POST', SIGN_IN, {
      headers: { ...headers, 'content-length': String(BODY_LIMIT + 1) },
      body: 'x'.repeat(BODY_LIMIT + 1),
    })
    expect(errorOf(tooLarge)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    expectGranted(tooLarge)

    const attempt = () =>
      t.call('POST', SIGN_IN, {
        headers: { ...headers, 'x-forwarded-for': '198.51.100.40' },
        body: { email: 'sales@acme.example', password: 'wrong-password' },
      })
    for (let n = 0; n < SIGN_IN_LIMIT; n++) expect((await attempt()).status).toBe(401)
    const limited = await attempt()
    expect(errorOf(limited)).toEqual({ status: 429, code: 'RATE_LIMITED' })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expectGranted(limited)
  })

  it('carries them on an answer replayed from the idempotency store (a Response built by hand)', async () => {
    const token = await t.signIn('admin@acme.example')
    const invite = () =>
      t.call('POST', `${CD}/invitations`, {
        token,
        body: { preregistrationIds: [P('P01')], associationType: 'referral' },
        headers: { origin: CONSOLE, 'idempotency-key': 'cors-replay' },
      })
    const first = await invite()
    const replayed = await invite()
    expect(first.status).toBe(202)
    expect(replayed.text).toBe(first.text)
    for (const answer of [first, replayed]) {
      expectGranted(answer)
      expect(
        tokensOf(answer.headers.get('vary')).filter((token) => token === 'origin')
      ).toHaveLength(1)
    }
  })
})

describe('answers to anyone else (issue 18 item 4)', () => {
  it('carry no CORS header for another origin, and are otherwise the same answer', async () => {
    const answer = await t.call('GET', '/api/health', {
      headers: { origin: 'https://evil.example' },
    })
    expect(answer.status).toBe(200)
    expect(corsHeadersOf(answer)).toEqual({})
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('carry no CORS header without Origin (same-origin and server calls), only Vary: Origin', async () => {
    const answer = await t.call('GET', LIST)
    expect(answer.status).toBe(401)
    expect(corsHeadersOf(answer)).toEqual({})
    // The same URL answers differently by origin once any origin is allowed: caches must know.
    expect(tokensOf(answer.headers.get('vary'))).toEqual(['origin'])
  })

  it('are unchanged when no origin is allowed (the default): no CORS header, no Vary', async () => {
    const closed = createApp({
      ...t.deps,
      config: { ...t.deps.config, corsAllowedOrigins: undefined },
    })
    const answer = await closed.request('/api/health', { headers: { origin: CONSOLE } })
    expect(answer.status).toBe(200)
    expect(corsHeadersOf(answer)).toEqual({})
    expect(answer.headers.get('vary')).toBeNull()
    const refused = await closed.request(`${CD}/invitations`, {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'POST' },
    })
    expect(refused.status).toBe(204)
    expect(corsHeadersOf(refused)).toEqual({})
  })
})

describe('CORS_ALLOWED_ORIGINS (issue 18 item 4)', () => {
  const production = {
    DATABASE_URL: 'postgres://u@db.internal:5432/pc',
    SMTP_URL: 'smtp://mail.internal:587',
    PUBLIC_BASE_URL: 'https://partners.example.com',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  }

  it('is empty by default, in production and in development', () => {
    expect(readEnv(production).APP_ENV).toBe('production')
    expect(configFromEnv(readEnv(production)).corsAllowedOrigins).toEqual([])
    expect(configFromEnv(readEnv({})).corsAllowedOrigins).toEqual([])
  })

  it('reads comma-separated exact origins into the app settings', () => {
    const env = readEnv({
      ...production,
      CORS_ALLOWED_ORIGINS: ` ${CONSOLE} , https://console.example.cn:8443,`,
    })
    expect(configFromEnv(env).corsAllowedOrigins).toEqual([
      CONSOLE,
      'https://console.example.cn:8443',
    ])
  })

  it.each([
    ['a path', 'https://console.example.com/app'],
    ['a trailing slash', 'https://console.example.com/'],
    ['a wildcard', 'https://*.example.com'],
    ['a bare wildcard', '*'],
    ['no scheme', 'console.example.com'],
    ['upper case', 'https://Console.example.com'],
    ['a default port', 'https://console.example.com:443'],
    ['another scheme', 'ftp://console.example.com'],
  ])('refuses an entry with %s at start, naming it', (_, entry) => {
    const start = () => readEnv({ ...production, CORS_ALLOWED_ORIGINS: `${CONSOLE},${entry}` })
    expect(start).toThrow(/CORS_ALLOWED_ORIGINS: /)
    expect(start).toThrow(`"${entry}" is not an origin`)
  })

  it('refuses a plain-http origin in production, naming it, but not a loopback one', () => {
    const withOrigins = (origins: string, appEnv?: string) =>
      readEnv({
        ...production,
        ...(appEnv ? { APP_ENV: appEnv } : {}),
        CORS_ALLOWED_ORIGINS: origins,
      })
    const start = () => withOrigins(`${CONSOLE},http://console.example.com`)
    expect(start).toThrow(
      'APP_ENV=production allows only https origins in CORS_ALLOWED_ORIGINS (or loopback ones): http://console.example.com'
    )
    const loopback = 'http://localhost:4173,http://127.0.0.1:4174,http://[::1]:4175'
    expect(configFromEnv(withOrigins(loopback)).corsAllowedOrigins).toHaveLength(3)
    // Outside production a plain-http origin is what a test or demo page runs on.
    expect(() => withOrigins('http://console.example.com', 'development')).not.toThrow()
  })
})
